import { expect, test } from './support/fixtures';
import { LANGS, prefix, seeded } from './support/content';

// Each prerendered page, loaded in Chromium: the app takes over the HTML without a hydration
// mismatch (Vue reports one on the console even in production builds), without fetching from
// the API what the page already carries, and works (a question opens on click).
const ROUTES = (lang: (typeof LANGS)[number]) => [
  `${prefix(lang)}/`,
  `${prefix(lang)}/articles`,
  `${prefix(lang)}/articles/${seeded[lang].article.slug}`,
  `${prefix(lang)}/faq`,
  `${prefix(lang)}/risk-factors`,
  `${prefix(lang)}/glossary`,
  // Searches once hydrated: from the static index, never the API.
  `${prefix(lang)}/search?q=ketamine`,
  `${prefix(lang)}/no-such-page`,
];

for (const lang of LANGS) {
  for (const path of ROUTES(lang)) {
    test(`${path}: hydrates without warnings and without API requests`, async ({ page }) => {
      const messages: string[] = [];
      const apiRequests: string[] = [];
      page.on('console', (message) => {
        if (message.type() !== 'error' && message.type() !== 'warning') return;
        // The 404 page's own status is reported as a failed resource: that is the point of it.
        if (path.endsWith('no-such-page') && /status of 404/.test(message.text())) return;
        messages.push(`${message.type()}: ${message.text()}`);
      });
      page.on('pageerror', (error) => messages.push(`pageerror: ${error.message}`));
      page.on('request', (request) => {
        if (new URL(request.url()).pathname.startsWith('/api/')) apiRequests.push(request.url());
      });

      await page.goto(path, { waitUntil: 'networkidle' });
      // Hydrated: Vue has taken over the app's root.
      await expect
        .poll(() => page.evaluate(() => '__vue_app__' in document.getElementById('app')!))
        .toBe(true);
      // What is below the fold is taken over as it nears the screen: down to the footer.
      await page.getByRole('contentinfo').scrollIntoViewIfNeeded();
      await page.evaluate(() => new Promise(requestAnimationFrame));
      expect(messages).toEqual([]);
      expect(apiRequests).toEqual([]);
    });
  }
}

test('the home page on a phone: a question below the fold opens once scrolled to', async ({
  page,
}) => {
  await page.setViewportSize({ width: 412, height: 823 });
  await page.goto('/', { waitUntil: 'networkidle' });
  await expect
    .poll(() => page.evaluate(() => '__vue_app__' in document.getElementById('app')!))
    .toBe(true);
  const question = page.getByRole('button', { name: seeded.en.faqs[0].question });
  // Not taken over when the page started (web/src/components/hydrateWhenVisible.ts)...
  await expect(question).not.toBeInViewport();
  // ...but by the time a visitor scrolls to it and taps.
  await question.scrollIntoViewIfNeeded();
  await question.click();
  await expect(question).toHaveAttribute('aria-expanded', 'true');
  await expect(page.getByText(seeded.en.faqs[0].answerStart)).toBeVisible();
});

test('a hydrated page responds: a question opens, a link navigates without a reload', async ({
  page,
}) => {
  await page.goto('/faq', { waitUntil: 'networkidle' });
  const question = page.getByRole('button', { name: seeded.en.faqs[1].question });
  await expect(question).toHaveAttribute('aria-expanded', 'false');
  await question.click();
  await expect(question).toHaveAttribute('aria-expanded', 'true');
  await expect(page.getByText(seeded.en.faqs[1].answerStart)).toBeVisible();

  // Client-side navigation: the document stays the same one.
  await page.evaluate(() => ((window as unknown as { marker: number }).marker = 42));
  await page.getByRole('link', { name: 'Risk factors' }).first().click();
  await expect(page).toHaveURL('/risk-factors');
  expect(await page.evaluate(() => (window as unknown as { marker?: number }).marker)).toBe(42);
});
