import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from './support/fixtures';
import { seeded } from './support/content';
import { env } from './support/env';
import { cmsApi, waitForPage } from './support/site';
import enMessages from '../../web/src/i18n/en';

// A printed article, as Chromium's print-to-PDF makes it, read back with poppler's pdftotext:
// every sheet carries the crisis line, the review date, the clinic and the page's address; no
// navigation, menu or feedback buttons.

const runId = Date.now().toString(36);
const slug = `e2e-print-${runId}`;
const title = `${seeded.en.article.title} (print test ${runId})`;
/** A week ago, as the sign-off rule accepts it, and as the page writes it out. */
const reviewed = new Date(Date.now() - 7 * 86_400_000);
const REVIEWED = reviewed.toISOString().slice(0, 10);
const REVIEWED_TEXT = new Intl.DateTimeFormat('en-US', {
  dateStyle: 'long',
  timeZone: 'UTC',
}).format(reviewed);
let documentId = '';

/** The text of each page of a PDF. */
function pdfPages(pdf: Buffer): string[] {
  const file = join(mkdtempSync(join(tmpdir(), 'print-')), 'page.pdf');
  writeFileSync(file, pdf);
  const info = execFileSync('pdfinfo', [file], { encoding: 'utf8' });
  const count = Number(/Pages:\s+(\d+)/.exec(info)?.[1]);
  return Array.from({ length: count }, (_, i) =>
    execFileSync('pdftotext', ['-f', String(i + 1), '-l', String(i + 1), file, '-'], {
      encoding: 'utf8',
    }),
  );
}

test.describe('printed pages', () => {
  test.beforeAll(async () => {
    // The seeded article has no review date and no reviewer (none is invented), so it cannot be
    // published again under clinical sign-off: print a signed-off copy of its text, test data
    // only, removed afterwards (the other specs expect the seed's article to be the only one).
    const found = await cmsApi<{ data: Array<{ summary: string; body: unknown }> }>(
      'GET',
      `/articles?locale=en&filters[slug][$eq]=${seeded.en.article.slug}&fields[0]=summary&fields[1]=body`,
    );
    const { summary, body } = found.data[0]!;
    const nextReview = new Date(Date.now() + 180 * 86_400_000).toISOString().slice(0, 10);
    const created = await cmsApi<{ data: { documentId: string } }>(
      'POST',
      '/articles?locale=en&status=published',
      {
        data: {
          title,
          slug,
          summary,
          body,
          reviewedBy: 'E2E Test Reviewer',
          lastReviewed: REVIEWED,
          nextReviewDue: nextReview,
          references: [{ label: 'A test reference', url: 'https://example.org/reference' }],
        },
      },
    );
    documentId = created.data.documentId;
    await waitForPage(`/articles/${slug}`, (raw) => raw.html.includes(REVIEWED));
  });
  test.afterAll(async () => {
    if (documentId) {
      await cmsApi('DELETE', `/articles/${documentId}?locale=en`);
      await waitForPage(`/articles/${slug}`, (raw) => raw.status === 404);
    }
  });

  test('an article prints its frame on every page, without navigation or feedback', async ({
    page,
  }) => {
    await page.goto(`/articles/${slug}`);
    // A5: the seeded article then takes several sheets, so "every page" is more than the first.
    const pages = pdfPages(await page.pdf({ format: 'A5' }));
    expect(pages.length).toBeGreaterThan(1);
    const all = pages.join('\n');
    expect(all.replace(/\s+/g, ' ')).toContain(title);
    for (const [index, text] of pages.entries()) {
      const flat = text.replace(/\s+/g, ' ');
      expect(flat, `page ${index + 1}`).toContain('988');
      expect(flat, `page ${index + 1}`).toContain(
        `${enMessages.articles.lastReviewed}: ${REVIEWED_TEXT}`,
      );
      expect(flat, `page ${index + 1}`).toContain(`${env.webUrl}/articles/${slug}`);
    }
    expect(all).not.toContain(enMessages.feedback.question);
    expect(all).not.toContain(enMessages.a11y.skipToContent);
    expect(all).not.toContain(enMessages.nav.menu);
  });
});
