import { entryPanel, expectNotification, openCollection } from './support/admin';
import { expect, test } from './support/fixtures';
import { ui } from './support/content';
import { recordTiming } from './support/env';
import { getPage, jsonLdOf, textOf, waitForPage } from './support/site';

// The glossary, the first content type added the new way (one registry entry, one API function,
// one view and its route): an editor publishes a term in the admin and the prerendered page has
// it, like every other page.
const runId = Date.now().toString(36);

test('an editor publishes a glossary term: /glossary has it in its raw HTML, in its language only', async ({
  admin: page,
}) => {
  const term = `E2E term ${runId}`;
  const slug = `e2e-term-${runId}`;
  const definition = `A word the end-to-end test explains (${runId}).`;

  await openCollection(page, 'Glossary term');
  await page.getByRole('link', { name: 'Create new entry' }).first().click();
  await page.getByRole('textbox', { name: 'term' }).fill(term);
  await page.getByRole('textbox', { name: 'slug' }).fill(slug);
  await page.getByRole('textbox', { name: 'definition' }).fill(definition);
  await entryPanel(page).getByRole('button', { name: 'Save' }).click();
  await expectNotification(page, 'Saved document');

  // A draft: not on the site.
  expect(textOf((await getPage('/glossary')).html)).not.toContain(term);

  const clicked = Date.now();
  await entryPanel(page).getByRole('button', { name: 'Publish' }).click();
  const ms = await waitForPage('/glossary', (p) => textOf(p.html).includes(definition), {
    since: clicked,
  });
  recordTiming('publish-to-HTML, glossary term', ms);
  await expectNotification(page, 'Published document');

  const { html } = await getPage('/glossary');
  expect(html).toContain(`id="${slug}"`);
  const set = jsonLdOf(html).find((item) => item['@type'] === 'DefinedTermSet');
  expect(JSON.stringify(set)).toContain(term);
  expect(textOf((await getPage('/es/glossary')).html)).not.toContain(term);
});

test('the glossary is linked from every page and has its letter index', async ({ page }) => {
  for (const [path, lang] of [
    ['/', 'en'],
    ['/es/faq', 'es'],
  ] as const) {
    const { html } = await getPage(path);
    const glossary = lang === 'es' ? '/es/glossary' : '/glossary';
    // In the header's navigation and in the footer.
    expect(html.match(new RegExp(`href="${glossary}"`, 'g'))?.length).toBeGreaterThanOrEqual(2);
  }
  await page.goto('/es/glossary');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(ui.es.glossaryTitle);
  const letters = page.getByRole('navigation', { name: 'Términos por letra inicial' });
  const first = letters.getByRole('link').first();
  const letter = (await first.textContent())!.trim();
  await first.click();
  await expect(page.getByRole('heading', { level: 2, name: letter, exact: true })).toBeInViewport();
});
