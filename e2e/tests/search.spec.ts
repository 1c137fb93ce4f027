import type { Page, Request } from '@playwright/test';
import { expect, test } from './support/fixtures';
import { expectNoAxeViolations } from './support/axe';
import { seeded } from './support/content';
import { env, recordTiming, startCms, stopCms } from './support/env';
import { cmsApi } from './support/site';

/**
 * The site search: Pagefind's index, built by the renderer from the prerendered pages and served
 * by nginx as static files, queried in the browser.
 */
const webOrigin = new URL(env.webUrl).origin;

/** Every request the page makes from now on. */
function recordRequests(page: Page): Request[] {
  const requests: Request[] = [];
  page.on('request', (request) => requests.push(request));
  return requests;
}

const results = (page: Page) => page.getByTestId('search-results');

test('English: the header box finds the article and each question is its own result', async ({
  page,
}) => {
  const requests = recordRequests(page);
  await page.goto('/');
  // Nothing of search loads with the page: only once the box is focused.
  expect(requests.some((request) => request.url().includes('/pagefind/'))).toBe(false);

  const box = page.getByRole('search', { name: 'Search this site' }).getByRole('searchbox');
  await box.focus();
  await expect
    .poll(() => requests.some((r) => r.url().includes('/pagefind/pagefind.js')))
    .toBe(true);
  await box.fill('genetic');
  await box.press('Enter');

  await expect(page).toHaveURL('/search?q=genetic');
  await expect(page.getByRole('status')).toHaveText(/result/);
  const question = results(page).getByRole('link', { name: seeded.en.faqs[1]!.question });
  await expect(question).toHaveAttribute('href', /^\/faq#faq-/);

  // Results as the visitor types, announced in the live region.
  const input = page.getByTestId('search-input');
  await input.fill('ketamine');
  await expect(results(page).getByRole('link', { name: seeded.en.article.title })).toBeVisible();
  await expect(page).toHaveURL('/search?q=ketamine');

  // A question's result opens it on the FAQ page.
  await input.fill('genetic');
  await results(page).getByRole('link', { name: seeded.en.faqs[1]!.question }).click();
  await expect(page).toHaveURL(/\/faq#faq-/);
  await expect(page.getByRole('button', { name: seeded.en.faqs[1]!.question })).toHaveAttribute(
    'aria-expanded',
    'true',
  );

  // Not one request left the site.
  const elsewhere = requests.map((r) => r.url()).filter((url) => new URL(url).origin !== webOrigin);
  expect(elsewhere).toEqual([]);
});

test('Spanish: searches the Spanish pages, with Spanish stemming', async ({ page }) => {
  await page.goto('/es/faq');
  const box = page.getByRole('search', { name: 'Buscar en este sitio' }).getByRole('searchbox');
  // "depresiones" (plural) finds pages that say "depresión".
  await box.fill('depresiones');
  await box.press('Enter');
  await expect(page).toHaveURL('/es/search?q=depresiones');
  await expect(results(page).getByRole('link', { name: seeded.es.article.title })).toBeVisible();
  const hrefs = await results(page)
    .getByRole('link')
    .evaluateAll((links) => links.map((link) => link.getAttribute('href')));
  expect(hrefs.length).toBeGreaterThan(0);
  for (const href of hrefs) expect(href).toMatch(/^\/es\//);
});

test('the results page has no axe violations, with results and with none', async ({ page }) => {
  for (const path of ['/search?q=ketamine', '/es/search?q=depresión']) {
    await page.goto(path);
    await expect(results(page)).toBeVisible();
    await expectNoAxeViolations(page);
  }
  await page.goto('/search?q=qwertyuiopzx');
  await expect(page.getByRole('status')).toHaveText('No results for these words.');
  const none = page.getByTestId('search-none');
  await expect(none.getByRole('link', { name: 'Questions and answers' })).toHaveAttribute(
    'href',
    '/faq',
  );
  await expect(none).toContainText('988');
  await expectNoAxeViolations(page);
});

test('without JavaScript, the search box leads to a page that explains and lists the sections', async ({
  browser,
}) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto('/');
  const box = page.getByRole('search', { name: 'Search this site' }).getByRole('searchbox');
  await box.fill('ketamine');
  await box.press('Enter');
  await expect(page).toHaveURL('/search?q=ketamine');
  await expect(page.getByTestId('search-needs-js')).toContainText('needs JavaScript');
  await expect(page.getByRole('main').getByRole('link', { name: 'Questions' })).toHaveAttribute(
    'href',
    '/faq',
  );
  await context.close();
});

test('nginx serves the index: chunks cached for a year, the entry naming them revalidated', async () => {
  const entry = await fetch(new URL('/pagefind/pagefind-entry.json', env.webUrl));
  expect(entry.status).toBe(200);
  expect(entry.headers.get('cache-control')).toBe('no-cache');
  const { languages } = (await entry.json()) as { languages: Record<string, { hash: string }> };
  expect(Object.keys(languages).sort()).toEqual(['en', 'es']);
  const meta = await fetch(new URL(`/pagefind/pagefind.${languages.es!.hash}.pf_meta`, env.webUrl));
  expect(meta.status).toBe(200);
  expect(meta.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
  expect(meta.headers.get('content-security-policy')).toContain("'wasm-unsafe-eval'");
  expect((await fetch(new URL('/pagefind/index/en_missing.pf_index', env.webUrl))).status).toBe(
    404,
  );
  // The result list names the current chunks, so it is revalidated like the entry.
  const list = await fetch(new URL('/pagefind/results.es.json', env.webUrl));
  expect(list.headers.get('cache-control')).toBe('no-cache');
  const { chunks } = (await list.json()) as { chunks: string[] };
  expect(chunks.length).toBeGreaterThan(0);
  for (const chunk of chunks) {
    expect((await fetch(new URL(`/pagefind/${chunk}`, env.webUrl))).status).toBe(200);
  }
});

test('after the first results, the page fetches the result list and the index; later results are listed at once, their excerpts after', async ({
  page,
}) => {
  const requests = recordRequests(page);
  await page.goto('/search?q=genetic');
  await expect(
    results(page).getByRole('link', { name: seeded.en.faqs[1]!.question }),
  ).toBeVisible();
  // While the visitor reads: the English list, and every chunk it names.
  await expect
    .poll(() => requests.filter((r) => r.url().includes('/pagefind/results.')).map((r) => r.url()))
    .toEqual([`${webOrigin}/pagefind/results.en.json`]);
  const { chunks } = (await (
    await fetch(new URL('/pagefind/results.en.json', env.webUrl))
  ).json()) as {
    chunks: string[];
  };
  await expect
    .poll(() => chunks.filter((chunk) => !requests.some((r) => r.url().endsWith(chunk))))
    .toEqual([]);

  // The next query: the title from the list, then the excerpt with the words marked.
  await page.getByTestId('search-input').fill('ketamine');
  await expect(results(page).getByRole('link', { name: seeded.en.article.title })).toBeVisible();
  await expect(results(page)).toHaveAttribute('aria-busy', 'false');
  await expect(results(page).locator('mark').first()).toHaveText(/ketamine/i);
  await expectNoAxeViolations(page);
});

test.describe('with the CMS down', () => {
  test.afterEach(async () => {
    await startCms();
  });

  test('search still works: it only reads static files', async ({ page }) => {
    await stopCms();
    await page.goto('/search?q=ketamine');
    await expect(results(page).getByRole('link', { name: seeded.en.article.title })).toBeVisible();
    await page.goto('/es/search?q=genética');
    await expect(
      results(page).getByRole('link', { name: seeded.es.faqs[1]!.question }),
    ).toBeVisible();
  });
});

test('a question published with a new word is found within seconds', async ({ page }) => {
  const word = `zephyrine${Date.now().toString(36)}`;
  const question = `Does ${word} help?`;
  const published = Date.now();
  const created = await cmsApi<{ data: { documentId: string } }>(
    'POST',
    '/faqs?locale=en&status=published',
    {
      data: {
        question,
        answer: [{ type: 'paragraph', children: [{ type: 'text', text: `About ${word}.` }] }],
        order: 99,
      },
    },
  );
  try {
    // The renderer writes the FAQ page, then rebuilds the index: search until it has the word.
    await expect(async () => {
      await page.goto(`/search?q=${word}`);
      await expect(results(page).getByRole('link', { name: question })).toBeVisible({
        timeout: 1_000,
      });
    }).toPass({ timeout: 15_000, intervals: [100] });
    recordTiming('search: publish → found in the browser', Date.now() - published);
    await expect(results(page).getByRole('link', { name: question })).toHaveAttribute(
      'href',
      `/faq#faq-${created.data.documentId}`,
    );
  } finally {
    await cmsApi('DELETE', `/faqs/${created.data.documentId}?locale=en`);
  }
});
