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

const slug = seeded.en.article.slug;
const REVIEWED = '2026-11-02';
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
    // The seed has no review date (none is invented): give the article one, as an editor would.
    const found = await cmsApi<{ data: Array<{ documentId: string }> }>(
      'GET',
      `/articles?locale=en&filters[slug][$eq]=${slug}`,
    );
    documentId = found.data[0]!.documentId;
    await cmsApi('PUT', `/articles/${documentId}?locale=en`, { data: { lastReviewed: REVIEWED } });
    await waitForPage(`/articles/${slug}`, (raw) => raw.html.includes(REVIEWED));
  });
  test.afterAll(async () => {
    if (documentId) {
      await cmsApi('PUT', `/articles/${documentId}?locale=en`, { data: { lastReviewed: null } });
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
    expect(all).toContain(seeded.en.article.title);
    for (const [index, text] of pages.entries()) {
      const flat = text.replace(/\s+/g, ' ');
      expect(flat, `page ${index + 1}`).toContain('988');
      expect(flat, `page ${index + 1}`).toContain(
        `${enMessages.articles.lastReviewed}: November 2, 2026`,
      );
      expect(flat, `page ${index + 1}`).toContain(`${env.webUrl}/articles/${slug}`);
    }
    expect(all).not.toContain(enMessages.feedback.question);
    expect(all).not.toContain(enMessages.a11y.skipToContent);
    expect(all).not.toContain(enMessages.nav.menu);
  });
});
