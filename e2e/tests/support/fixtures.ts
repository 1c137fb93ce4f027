import {
  test as base,
  expect,
  type Browser,
  type BrowserContextOptions,
  type Page,
} from '@playwright/test';
import { env } from './env';

type StorageState = Exclude<BrowserContextOptions['storageState'], string | undefined>;

/** Resolves once the app has taken over the prerendered page (it loads after the page's paint). */
export async function waitForApp(page: Page): Promise<void> {
  await page.waitForFunction(() => {
    const root = document.getElementById('app') as (HTMLElement & { __vue_app__?: unknown }) | null;
    return Boolean(root?.__vue_app__);
  });
}

/** Logs in through the admin's login form; the session to reuse. */
async function logIn(
  browser: Browser,
  credentials: { email: string; password: string },
): Promise<StorageState> {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(`${env.cmsUrl}/admin/auth/login`);
  await page.getByRole('textbox', { name: 'Email' }).fill(credentials.email);
  await page.getByRole('textbox', { name: 'Password' }).fill(credentials.password);
  await page.getByRole('checkbox', { name: 'Remember me' }).check();
  await page.getByRole('button', { name: 'Login' }).click();
  await expect(page.getByRole('link', { name: 'Content Manager' })).toBeVisible({
    timeout: 30_000,
  });
  const state = await context.storageState();
  await context.close();
  return state;
}

/**
 * `page`: a visitor's page; `goto` on the site resolves once the app is live on the page, so a
 * test never clicks a button before it does anything (a prerendered page is visible first).
 *
 * `admin`: a page in its own browser context, logged in to the Strapi admin as the Editor-role
 * user. The login goes through the admin's login form once per worker (Strapi rate-limits
 * /admin/login per email: 5 per 5 minutes) and the session is reused. The test's `page` stays a
 * plain visitor with no admin session.
 */
export const test = base.extend<
  { admin: Page; reviewer: Page },
  { editorSession: StorageState; reviewerSession: StorageState }
>({
  page: async ({ page }, use) => {
    const goto = page.goto.bind(page);
    const site = new URL(env.webUrl).origin;
    page.goto = async (...args: Parameters<Page['goto']>) => {
      const response = await goto(...args);
      if (new URL(page.url()).origin === site) await waitForApp(page);
      return response;
    };
    await use(page);
  },
  editorSession: [
    async ({ browser }, use) => use(await logIn(browser, env.editor)),
    { scope: 'worker' },
  ],
  reviewerSession: [
    async ({ browser }, use) => use(await logIn(browser, env.reviewer)),
    { scope: 'worker' },
  ],
  /** Logged in as the Clinical reviewer (the only role that publishes articles). */
  reviewer: async ({ browser, reviewerSession }, use) => {
    const context = await browser.newContext({ storageState: reviewerSession });
    const page = await context.newPage();
    await page.goto(`${env.cmsUrl}/admin`);
    await expect(page.getByRole('button', { name: /Rita Reviewer/ })).toBeVisible({
      timeout: 30_000,
    });
    await use(page);
    await context.close();
  },
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
