import { expect, type Locator, type Page } from '@playwright/test';

/** Content Manager → a collection type's list, through the menus. */
export async function openCollection(page: Page, name: string): Promise<void> {
  await page.getByRole('link', { name: 'Content Manager' }).click();
  await page
    .getByRole('navigation', { name: 'Content Manager' })
    .getByRole('link', { name, exact: true })
    .click();
  await expect(page.getByRole('main').getByRole('heading', { level: 1, name })).toBeVisible();
}

/** The edit view's "Entry" panel (Publish, Save, more actions). */
export function entryPanel(page: Page): Locator {
  return page
    .getByRole('complementary')
    .filter({ has: page.getByRole('heading', { name: 'Entry' }) });
}

/**
 * Waits for one of Strapi's toast notifications ("Saved document", "Published document",
 * "Unpublished document"): the action has been done on the server.
 */
export async function expectNotification(page: Page, text: string): Promise<void> {
  await expect(
    page
      .getByRole('region', { name: /^Notifications/ })
      .getByText(text, { exact: true })
      .first(),
  ).toBeVisible();
}

/** Switches the edit view to another locale with the header's locale dropdown. */
export async function switchLocale(page: Page, localeName: string): Promise<void> {
  await page.getByRole('combobox', { name: 'Locales' }).click();
  // "Spanish (es) Published", or "Create Spanish (es) locale" when it has no translation yet.
  const escaped = localeName.replace(/[()]/g, '\\$&');
  await page.getByRole('option', { name: new RegExp(`^(Create )?${escaped}`) }).click();
  await expect(page.getByRole('combobox', { name: 'Locales' })).toContainText(localeName);
}
