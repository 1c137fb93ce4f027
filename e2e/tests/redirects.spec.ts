import type { Page } from '@playwright/test';
import { entryPanel, expectNotification, openCollection } from './support/admin';
import { expect, test } from './support/fixtures';
import { ui } from './support/content';
import { env, recordTiming } from './support/env';
import { cmsApi, getPage, textOf, waitForPage } from './support/site';

// Redirects when a slug changes: the article is set up through the REST API (the API token), its
// slug changed in the real admin, and the old address checked through nginx with the site's own
// config (web/nginx/default.conf → the renderer's lookup).
const runId = Date.now().toString(36);
const url = (path: string) => new URL(path, env.webUrl).href;

/** Test data, not clinic content: an article with what the clinical sign-off rule will ask for. */
function testArticle(title: string, slug: string) {
  const day = (offset: number) =>
    new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);
  return {
    title,
    slug,
    summary: 'An article the redirect test renames.',
    body: [{ type: 'paragraph', children: [{ type: 'text', text: 'Text of the test article.' }] }],
    reviewedBy: 'E2E Test Reviewer',
    lastReviewed: day(0),
    nextReviewDue: day(180),
    references: [{ label: 'A test reference', url: 'https://example.org/reference' }],
  };
}

/**
 * The admin part, in one place (whoever may publish articles): opens the article by its title,
 * changes its slug and publishes. Resolves at the click on Publish (the time it returns), once
 * Strapi says it is published.
 */
async function renameSlugInAdmin(admin: Page, title: string, slug: string): Promise<number> {
  await openCollection(admin, 'Article');
  await admin.getByRole('gridcell', { name: title, exact: true }).click();
  await expect(admin.getByRole('heading', { level: 1, name: title })).toBeVisible();
  const field = admin.getByRole('textbox', { name: 'slug' });
  await field.fill(slug);
  await expect(field).toHaveValue(slug);
  const publish = entryPanel(admin).getByRole('button', { name: 'Publish' });
  await expect(publish).toBeEnabled();
  const clicked = Date.now();
  await publish.click();
  await expectNotification(admin, 'Published document');
  return clicked;
}

/** What the tests created, removed after each (whether it passed or not). */
const cleanups: Array<() => Promise<unknown>> = [];
test.afterEach(async () => {
  for (const cleanup of cleanups.splice(0)) await cleanup();
});

/** The site's answer without following a redirect. */
const raw = (path: string) => fetch(url(path), { redirect: 'manual' });

test('renaming a published article in the admin: its old address answers 301 to the new one', async ({
  // Only a Clinical reviewer publishes articles (clinical sign-off).
  reviewer: admin,
  page: visitor,
}) => {
  const title = `E2E redirect ${runId}`;
  const [oldSlug, newSlug] = [`e2e-before-${runId}`, `e2e-after-${runId}`];
  const created = await cmsApi<{ data: { documentId: string } }>(
    'POST',
    '/articles?locale=en&status=published',
    { data: testArticle(title, oldSlug) },
  );
  // The other specs expect the seeded article to be the site's only one.
  cleanups.push(() => cmsApi('DELETE', `/articles/${created.data.documentId}?locale=en`));
  await waitForPage(`/articles/${oldSlug}`, (page) => page.status === 200);

  const clicked = await renameSlugInAdmin(admin, title, newSlug);
  // From the click on Publish to nginx answering the old address with the 301 (a figure, not a
  // limit; within seconds is the promise).
  let moved: Response | undefined;
  while (Date.now() - clicked < 15_000) {
    moved = await raw(`/articles/${oldSlug}`);
    if (moved.status === 301) break;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  recordTiming('publish-to-301, renamed article', Date.now() - clicked);
  expect(moved?.status).toBe(301);
  expect(moved?.headers.get('location')).toBe(`/articles/${newSlug}`);
  // A 301 from the site carries its security headers like any page.
  expect(moved?.headers.get('content-security-policy')).toContain("default-src 'self'");
  expect(moved?.headers.get('x-content-type-options')).toBe('nosniff');

  // The new page is there; the old one is no page at all (a real 301, never a soft 200).
  expect((await getPage(`/articles/${newSlug}`)).status).toBe(200);
  const withQuery = await raw(`/articles/${oldSlug}/?from=newsletter`);
  expect(withQuery.status).toBe(301); // `/…/` → `/…` first, as for every page
  const slashless = await raw(`/articles/${oldSlug}?from=newsletter`);
  expect(slashless.headers.get('location')).toBe(`/articles/${newSlug}?from=newsletter`);

  // Out of the sitemap, the new one in.
  const sitemap = await (await fetch(url('/sitemap.xml'))).text();
  expect(sitemap).not.toContain(`/articles/${oldSlug}<`);
  expect(sitemap).toContain(`/articles/${newSlug}<`);

  // A visitor with the old link lands on the article.
  await visitor.goto(`/articles/${oldSlug}`);
  expect(new URL(visitor.url()).pathname).toBe(`/articles/${newSlug}`);
  await expect(visitor.getByRole('heading', { level: 1, name: title })).toBeVisible();

  // An address nothing was ever at is still the 404 page, in each language.
  const missing = await getPage(`/articles/never-was-${runId}`);
  expect(missing.status).toBe(404);
  expect(textOf(missing.html)).toContain(ui.en.notFoundTitle);
  const missingEs = await getPage(`/es/articles/nunca-existio-${runId}`);
  expect(missingEs.status).toBe(404);
  expect(textOf(missingEs.html)).toContain(ui.es.notFoundTitle);
});

test('a redirect made through the API is served at once; a bad one is refused with its reason', async () => {
  const source = `/es/folleto-${runId}`;
  const made = await cmsApi<{ data: { documentId: string } }>('POST', '/redirects?locale=es', {
    data: { source, target: '/es/faq' },
  });
  cleanups.push(() => cmsApi('DELETE', `/redirects/${made.data.documentId}?locale=es`));
  let answer: Response | undefined;
  const since = Date.now();
  while (Date.now() - since < 15_000) {
    answer = await raw(source);
    if (answer.status === 301) break;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  expect(answer?.status).toBe(301);
  expect(answer?.headers.get('location')).toBe('/es/faq');

  const refused = await fetch(new URL('/api/redirects?locale=en', env.cmsUrl), {
    method: 'POST',
    headers: { authorization: `Bearer ${env.apiToken}`, 'content-type': 'application/json' },
    body: JSON.stringify({ data: { source: '/faq', target: 'https://elsewhere.example/' } }),
  });
  expect(refused.status).toBe(400);
  expect((await refused.json()).error.message).toMatch(/without a scheme or host/);
});
