import { expect, test } from './support/fixtures';
import { seeded, ui } from './support/content';
import { purgeNginxCache, startCms, stopCms } from './support/env';
import { getPage, textOf } from './support/site';

// Stops the real CMS process, so nothing else may run meanwhile (workers: 1), and always starts
// it again, even when an assertion fails.
test.describe('with the CMS down', () => {
  test.afterEach(async () => {
    await startCms();
  });

  test('every prerendered page is still served in full, with the crisis help', async ({ page }) => {
    await stopCms();
    for (const [path, heading] of [
      ['/', seeded.en.heroTitle],
      ['/faq', ui.en.faqTitle],
      [`/articles/${seeded.en.article.slug}`, seeded.en.article.title],
      ['/risk-factors', ui.en.riskFactorsTitle],
      ['/es', seeded.es.heroTitle],
      ['/es/faq', ui.es.faqTitle],
      [`/es/articles/${seeded.es.article.slug}`, seeded.es.article.title],
    ]) {
      // The raw HTML: the whole page, crisis help included.
      const raw = await getPage(path!);
      expect(raw.status, path).toBe(200);
      expect(textOf(raw.html)).toContain('988');

      // In the browser: the page as published, never the error view.
      await page.goto(path!);
      await expect(page.getByRole('heading', { level: 1 })).toHaveText(heading!);
      await expect(page.getByTestId('error-state')).toHaveCount(0);
      const lang = path!.startsWith('/es') ? 'es' : 'en';
      const crisis = page.getByRole('complementary', { name: ui[lang].crisisLabel });
      await expect(crisis.getByRole('link', { name: /988/ }).first()).toHaveAttribute(
        'href',
        /988$/,
      );
    }
    // The FAQ answers are there and open without the CMS.
    await page.goto('/faq');
    await page.getByRole('button', { name: seeded.en.faqs[0].question }).click();
    await expect(page.getByText(seeded.en.faqs[0].answerStart)).toBeVisible();
  });

  test('navigating in the site shows the error view for what it cannot load, keeps the page around it, and recovers', async ({
    page,
  }) => {
    // A prerendered home page, then the CMS goes down; nginx has nothing of it in its cache.
    await purgeNginxCache();
    await page.goto('/');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(seeded.en.heroTitle);
    await stopCms();

    // The article was not part of the home page: the site cannot load it.
    await page.getByRole('link', { name: seeded.en.article.title, exact: true }).click();
    await expect(page).toHaveURL(`/articles/${seeded.en.article.slug}`);
    await expect(page.getByTestId('error-state')).toBeVisible();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(ui.en.errorTitle);
    // The page around it stays: crisis help, navigation, footer.
    const crisis = page.getByRole('complementary', { name: ui.en.crisisLabel });
    await expect(crisis.getByRole('link', { name: /988/ }).first()).toBeVisible();
    await expect(page.getByRole('navigation', { name: ui.en.mainNav })).toBeVisible();
    await expect(page.getByRole('contentinfo')).toBeVisible();

    // Retrying while the CMS is still down keeps the error view.
    await page.getByRole('button', { name: ui.en.retry }).click();
    await expect(page.getByTestId('error-state')).toBeVisible();
    await expect(page.getByRole('button', { name: ui.en.retry })).toBeEnabled();

    // What the home page carried still works without the CMS: the FAQ page from the navigation.
    await page
      .getByRole('navigation', { name: ui.en.mainNav })
      .getByRole('link', { name: ui.en.nav.faq })
      .click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(ui.en.faqTitle);
    await expect(page.getByRole('button', { name: seeded.en.faqs[0].question })).toBeVisible();

    // The CMS comes back: "Try again" loads the article without a page reload.
    await page.goBack();
    await expect(page.getByTestId('error-state')).toBeVisible();
    await startCms();
    await page.getByRole('button', { name: ui.en.retry }).click();
    await expect(page.getByTestId('error-state')).toHaveCount(0);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(seeded.en.article.title);
    await expect(page.getByRole('main')).toContainText(seeded.en.article.bodyStart);
  });

  test('what nginx has cached keeps the navigation working while the CMS restarts', async ({
    page,
  }) => {
    // A visitor reads the article while the CMS is up: its read passes through nginx's cache.
    await page.goto('/');
    await page.getByRole('link', { name: seeded.en.article.title, exact: true }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(seeded.en.article.title);

    await stopCms();
    // Another visit (a fresh app, nothing in its memory): the same read comes from nginx.
    await page.goto('/');
    await page.getByRole('link', { name: seeded.en.article.title, exact: true }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(seeded.en.article.title);
    await expect(page.getByTestId('error-state')).toHaveCount(0);
    await expect(page.getByRole('main')).toContainText(seeded.en.article.bodyStart);
  });
});
