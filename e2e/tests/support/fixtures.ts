import { test as base, expect, type BrowserContextOptions, type Page } from '@playwright/test';
import { env } from './env';

type StorageState = Exclude<BrowserContextOptions['storageState'], string | undefined>;

/**
 * `admin`: a page in its own browser context, logged in to the Strapi admin as the Editor-role
 * user. The login goes through the admin's login form once per worker (Strapi rate-limits
 * /admin/login per email: 5 per 5 minutes) and the session is reused. The test's `page` stays a
 * plain visitor with no admin session.
 */
export const test = base.extend<{ admin: Page }, { editorSession: StorageState }>({
  editorSession: [
    async ({ browser }, use) => {
      const context = await browser.newContext();
      const page = await context.newPage();
      await page.goto(`${env.cmsUrl}/admin/auth/login`);
      await page.getByRole('textbox', { name: 'Email' }).fill(env.editor.email);
      await page.getByRole('textbox', { name: 'Password' }).fill(env.editor.password);
      await page.getByRole('checkbox', { name: 'Remember me' }).check();
      await page.getByRole('button', { name: 'Login' }).click();
      await expect(page.getByRole('link', { name: 'Content Manager' })).toBeVisible({
        timeout: 30_000,
      });
      const state = await context.storageState();
      await context.close();
      await use(state);
    },
    { scope: 'worker' },
  ],
  admin: async ({ browser, editorSession }, use) => {
    const context = await browser.newContext({ storageState: editorSession });
    const page = await context.newPage();
    await page.goto(`${env.cmsUrl}/admin`);
    await expect(page.getByRole('link', { name: 'Content Manager' })).toBeVisible({
      timeout: 30_000,
    });
    // Logged in as the editor, not the super admin: no Content-Type Builder, no user management.
    await expect(page.getByRole('button', { name: /Eddie Editor/ })).toBeVisible();
    await expect(page.getByRole('link', { name: 'Content-Type Builder' })).toHaveCount(0);
    await use(page);
    await context.close();
  },
});

export { expect };
