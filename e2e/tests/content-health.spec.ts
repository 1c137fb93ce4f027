import { createRequire } from 'node:module';
import type { Locator, Page, Response } from '@playwright/test';
import { entryPanel, expectNotification } from './support/admin';
import { expectNoAxeViolations } from './support/axe';
import { seeded } from './support/content';
import { env } from './support/env';
import { expect, test } from './support/fixtures';
import { cmsApi } from './support/site';

// Content health in the Strapi admin (issue #10), as the Editor-role user whose admin language is
// English: the home screen's widget, the edit view's panel and the full report. The seeded
// articles name no medical reviewer, so both have `reviewer-missing`. The test names one for the
// Spanish article (the English one keeps its finding, so the widget is seen to still show that
// kind of problem) and puts the seed back afterwards: the other specs expect the seeded content.
const messages = createRequire(import.meta.url)(
  '../../cms/src/admin/content-health/translations/en.json',
) as typeof import('../../cms/src/admin/content-health/translations/en.json');
type MessageId = keyof typeof messages;
const text = (id: MessageId): string => messages[id];

const REVIEWER = 'E2E Test Reviewer';
const reviewerMissing = text('content-health.finding.reviewer-missing');
const article = { en: seeded.en.article.title, es: seeded.es.article.title };

let spanishArticleId: string | undefined;

const isReport = (response: Response) =>
  new URL(response.url()).pathname === '/content-health/report' &&
  response.request().method() === 'GET';

const isEntryCheck = (locale: string) => (response: Response) => {
  const url = new URL(response.url());
  return url.pathname === '/content-health/entry' && url.searchParams.get('locale') === locale;
};

/** Opens the admin's home screen and waits for the content-health widget's data. */
async function openHome(page: Page): Promise<Locator> {
  const report = page.waitForResponse(isReport);
  await page.goto(`${env.cmsUrl}/admin`);
  expect((await report).status()).toBe(200);
  const widget = page.getByRole('region', { name: text('content-health.widget.title') });
  await expect(
    widget.getByRole('list', { name: text('content-health.widget.by-severity') }),
  ).toBeVisible();
  return widget;
}

/** The widget's item for an entry (its title is the link), with that entry's problems. */
const widgetEntry = (widget: Locator, title: string) =>
  widget
    .getByTestId('content-health-entry')
    .filter({ has: widget.page().getByRole('link', { name: title, exact: true }) });

test.describe('content health, in the Strapi admin', () => {
  test.afterAll(async () => {
    // Back to the seed: the Spanish article's draft names no reviewer (its published version was
    // never changed: only a Clinical reviewer publishes articles).
    if (spanishArticleId) {
      await cmsApi('PUT', `/articles/${spanishArticleId}?locale=es&status=draft`, {
        data: { reviewedBy: null },
      });
    }
  });

  test('the widget lists a real problem; fixing it in the edit view, with the panel, clears it from the draft', async ({
    admin: page,
  }) => {
    // Home: the widget counts the problems and lists the entries to look at first.
    const widget = await openHome(page);
    await expect(
      widget.getByRole('link', { name: text('content-health.widget.link') }),
    ).toBeVisible();
    for (const title of [article.en, article.es]) {
      await expect(widgetEntry(widget, title).getByText(reviewerMissing)).toBeVisible();
    }

    // The Spanish article's link opens its edit view in Spanish.
    const entryChecked = page.waitForResponse(isEntryCheck('es'));
    await widgetEntry(widget, article.es).getByRole('link', { name: article.es }).click();
    await expect(page.getByRole('heading', { level: 1, name: article.es })).toBeVisible();
    const url = new URL(page.url());
    expect(url.pathname).toMatch(
      /\/admin\/content-manager\/collection-types\/api::article\.article\//,
    );
    expect(url.searchParams.get('plugins[i18n][locale]')).toBe('es');
    await expect(page.getByRole('combobox', { name: 'Locales' })).toContainText('Spanish (es)');
    spanishArticleId = url.pathname.split('/').pop();
    expect((await entryChecked).status()).toBe(200);

    // The panel beside the entry: the body's reading level (Spanish: Fernández-Huerta reading
    // ease) and this language's problems.
    const panel = page
      .getByRole('complementary')
      .filter({ has: page.getByRole('heading', { name: text('content-health.panel.title') }) });
    await expect(
      panel.getByRole('heading', { name: text('content-health.panel.reading-level') }),
    ).toBeVisible();
    const readingLevel = panel.getByTestId('content-health-reading-level');
    await expect(readingLevel).toContainText(/Reading ease [\d.]+ out of 100/);
    await expect(readingLevel).toContainText(text('content-health.formula.fernandez-huerta'));
    await expect(panel.getByText(reviewerMissing)).toBeVisible();

    // Name a reviewer and save: the panel checks the saved draft again and the problem is gone.
    await page.getByRole('textbox', { name: 'reviewedBy' }).fill(REVIEWER);
    const rechecked = page.waitForResponse(isEntryCheck('es'));
    await entryPanel(page).getByRole('button', { name: 'Save' }).click();
    await expectNotification(page, 'Saved document');
    expect((await rechecked).status()).toBe(200);
    await expect(panel.getByText(reviewerMissing)).toHaveCount(0);
    await expect(readingLevel).toBeVisible();

    // Editors prepare, Clinical reviewers publish (clinical sign-off): the Editor cannot publish
    // the article, so what visitors see, and the report about it, are unchanged.
    await expect(entryPanel(page).getByRole('button', { name: 'Publish' })).toBeDisabled();
    const after = await openHome(page);
    await expect(widgetEntry(after, article.en).getByText(reviewerMissing)).toBeVisible();
    await expect(widgetEntry(after, article.es).getByText(reviewerMissing)).toBeVisible();
  });

  test('the full report: a table of every problem, sortable, filterable, with no axe violations', async ({
    admin: page,
  }) => {
    // From the main menu.
    const report = page.waitForResponse(isReport);
    await page.getByRole('link', { name: text('content-health.menu.label') }).click();
    expect((await report).status()).toBe(200);
    await expect(
      page.getByRole('heading', { level: 1, name: text('content-health.report.title') }),
    ).toBeVisible();

    const table = page.getByRole('table');
    const rows = table.getByRole('row');
    await expect(rows.nth(1)).toBeVisible();
    // Each row links to its entry; the English article's missing reviewer is among them.
    const row = rows
      .filter({ has: page.getByRole('link', { name: article.en, exact: true }) })
      .filter({ hasText: reviewerMissing });
    await expect(row).toHaveCount(1);

    // Sorted by urgency, most urgent first; a second click reverses it.
    const urgency = table.getByRole('columnheader', {
      name: text('content-health.report.column.severity'),
    });
    await expect(urgency).toHaveAttribute('aria-sort', 'ascending');
    await urgency.getByRole('button').click();
    await expect(urgency).toHaveAttribute('aria-sort', 'descending');
    const entry = table.getByRole('columnheader', {
      name: text('content-health.report.column.entry'),
    });
    await entry.getByRole('button').click();
    await expect(entry).toHaveAttribute('aria-sort', 'ascending');
    await expect(urgency).not.toHaveAttribute('aria-sort');

    // Only Spanish: the server filters; every row is in Spanish.
    const filtered = page.waitForResponse(
      (response) =>
        isReport(response) && new URL(response.url()).searchParams.get('locale') === 'es',
    );
    await page.getByRole('combobox', { name: text('content-health.report.filter.locale') }).click();
    await page.getByRole('option', { name: 'Spanish' }).click();
    expect((await filtered).status()).toBe(200);
    const language = table.locator('tbody tr td:nth-child(5)');
    await expect(language.filter({ hasNotText: /^Spanish$/ })).toHaveCount(0);
    await expect(language.first()).toHaveText('Spanish');

    await expectNoAxeViolations(page);
  });

  test('the widget says when all is well, and when the check cannot be loaded', async ({
    admin: page,
  }) => {
    const widget = page.getByRole('region', { name: text('content-health.widget.title') });

    // Nothing to report: an empty report.
    await page.route('**/content-health/report*', (route) =>
      route.fulfill({
        json: {
          data: {
            generatedAt: new Date().toISOString(),
            targets: { en: 8, es: 60, reviewWarningDays: 30, draftDays: 14 },
            counts: {
              total: 0,
              bySeverity: { error: 0, warning: 0, info: 0 },
              byKind: {
                review: 0,
                translation: 0,
                draft: 0,
                readability: 0,
                settings: 0,
                links: 0,
              },
            },
            findings: [],
          },
        },
      }),
    );
    await page.goto(`${env.cmsUrl}/admin`);
    await expect(widget.getByText(text('content-health.widget.all-good'))).toBeVisible();

    // The request fails.
    await page.unroute('**/content-health/report*');
    await page.route('**/content-health/report*', (route) =>
      route.fulfill({
        status: 500,
        json: {
          data: null,
          error: { status: 500, name: 'InternalServerError', message: 'Internal Server Error' },
        },
      }),
    );
    await page.goto(`${env.cmsUrl}/admin`);
    await expect(widget.getByText(text('content-health.widget.error'))).toBeVisible();
  });
});
