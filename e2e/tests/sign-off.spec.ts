import { entryPanel } from './support/admin';
import { expectNoAxeViolations } from './support/axe';
import { seeded } from './support/content';
import { env } from './support/env';
import { expect, test } from './support/fixtures';
import { cmsApi } from './support/site';

// Clinical sign-off (cms/src/sign-off): the seeded article names no reviewer, review dates or
// references, so even a Clinical reviewer, the one role that may publish articles, is refused,
// in the edit view, with the rules that failed; nothing reaches the site.

const ARTICLE = 'api::article.article';

test('a Clinical reviewer’s publish that fails the sign-off rule is refused in the edit view, naming the rules', async ({
  reviewer: page,
}) => {
  const found = await cmsApi<{ data: Array<{ documentId: string }> }>(
    'GET',
    `/articles?locale=en&filters[slug][$eq]=${seeded.en.article.slug}&fields[0]=title`,
  );
  const documentId = found.data[0]!.documentId;
  await page.goto(
    `${env.cmsUrl}/admin/content-manager/collection-types/${ARTICLE}/${documentId}?plugins[i18n][locale]=en`,
  );
  await expect(
    page.getByRole('heading', { level: 1, name: seeded.en.article.title }),
  ).toBeVisible();

  // Name a reviewer (test data), leave the rest as seeded, and publish.
  await page.getByRole('textbox', { name: 'reviewedBy' }).fill('Test Reviewer (test data)');
  const publish = entryPanel(page).getByRole('button', { name: 'Publish' });
  await expect(publish).toBeEnabled();
  const answered = page.waitForResponse(
    (response) =>
      response.request().method() === 'POST' && response.url().includes('/actions/publish'),
  );
  await publish.click();
  expect((await answered).status()).toBe(400);

  // The notification names each rule still failing, in English and Spanish.
  const notification = page.getByRole('region', { name: /^Notifications/ });
  await expect(notification).toContainText('Publishing refused (clinical sign-off)');
  await expect(notification).toContainText('the last review date is missing');
  await expect(notification).toContainText('no reference is listed');
  await expect(notification).toContainText('Publicación rechazada (firma clínica)');
  await expect(notification).not.toContainText('no clinical reviewer is named');
  // And the edit view marks the field.
  await expect(
    page
      .getByText('the last review date is missing / falta la fecha de la última revisión', {
        exact: true,
      })
      .first(),
  ).toBeVisible();

  // Nothing was published or saved: the public API still has the article as seeded.
  const after = await cmsApi<{ data: Array<{ reviewedBy: string | null }> }>(
    'GET',
    `/articles?locale=en&filters[slug][$eq]=${seeded.en.article.slug}&fields[0]=reviewedBy`,
  );
  expect(after.data[0]!.reviewedBy).toBeNull();
});

test('the publish log lists the refusal for Clinical reviewers, filtered by person, with no axe violations', async ({
  reviewer: page,
}) => {
  await page.getByRole('link', { name: 'Publish log' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Publish log' })).toBeVisible();
  // The seed's publish of the article, without sign-off.
  const table = page.getByRole('table');
  await expect(
    table
      .getByRole('row')
      .filter({ hasText: seeded.en.article.title })
      .filter({ hasText: 'seed' })
      .first(),
  ).toContainText('without clinical sign-off');
  // Filtered by person: the refusal above, by the reviewer, naming the failed rules.
  // From the keyboard: Enter in a filter applies them (the Filter button does the same).
  await page.getByRole('textbox', { name: 'Person' }).fill('Rita');
  await page.getByRole('textbox', { name: 'Person' }).press('Enter');
  const refusal = table
    .getByRole('row')
    .filter({ hasText: 'Publishing refused (sign-off)' })
    .first();
  await expect(refusal).toContainText('Rita Reviewer');
  await expect(refusal).toContainText(seeded.en.article.title);
  await expect(refusal).toContainText('references-missing');
  await expect(table.getByRole('row').filter({ hasText: /\bseed\b/ })).toHaveCount(0);
  await expectNoAxeViolations(page);
});
