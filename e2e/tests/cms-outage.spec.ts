import { expect, test } from '@playwright/test';
import { seeded, ui } from './support/content';
import { startCms, stopCms } from './support/env';

// Stops the real CMS process, so nothing else may run meanwhile (workers: 1), and always starts
// it again, even when an assertion fails.
test.describe('with the CMS down', () => {
  test.afterEach(async () => {
    await startCms();
  });

  test('the site shows its error view and crisis help, and recovers when the CMS is back', async ({
    page,
  }) => {
    await stopCms();

    // English home page: the whole page failed.
    await page.goto('/');
    const error = page.getByTestId('error-state');
    await expect(error).toBeVisible();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(ui.en.errorTitle);
    await expect(page.getByText(seeded.en.heroTitle, { exact: true })).toHaveCount(0);
    // The built-in crisis help: 988 and 911, callable.
    const crisis = page.getByRole('complementary', { name: ui.en.crisisLabel });
    await expect(crisis.getByTestId('crisis-fallback')).toBeVisible();
    await expect(crisis.getByRole('link', { name: /988/ }).first()).toHaveAttribute('href', /988$/);
    await expect(crisis.getByRole('link', { name: /911/ })).toHaveAttribute('href', 'tel:911');

    // Spanish FAQ page: the list failed, the crisis help includes the Spanish line.
    await page.goto('/es/faq');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(ui.es.faqTitle);
    await expect(page.getByTestId('error-state')).toBeVisible();
    const crisisEs = page.getByRole('complementary', { name: ui.es.crisisLabel });
    await expect(crisisEs.getByTestId('crisis-fallback')).toContainText('988');
    await expect(crisisEs.getByRole('link', { name: /1-888-628-9454/ })).toHaveAttribute(
      'href',
      'tel:+18886289454',
    );
    // Retrying while the CMS is still down keeps the error view.
    await page.getByRole('button', { name: ui.es.retry }).click();
    await expect(page.getByTestId('error-state')).toBeVisible();
    await expect(page.getByRole('button', { name: ui.es.retry })).toBeEnabled();
    await expect(page.getByRole('button', { name: seeded.es.faqs[0].question })).toHaveCount(0);

    // The CMS comes back: "Try again" loads the questions without a page reload.
    await startCms();
    await page.getByRole('button', { name: ui.es.retry }).click();
    await expect(page.getByTestId('error-state')).toHaveCount(0);
    await expect(page.getByRole('button', { name: seeded.es.faqs[0].question })).toBeVisible();

    // And a reload of the home page shows the CMS's own content again, crisis help included.
    await page.goto('/');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(seeded.en.heroTitle);
    await expect(page.getByTestId('error-state')).toHaveCount(0);
    await expect(crisis.getByTestId('crisis-fallback')).toHaveCount(0);
    // The CMS's message (not the built-in one).
    await expect(crisis).toContainText('If you are in crisis or thinking about suicide');
  });
});
