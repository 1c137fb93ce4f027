import type { Page } from '@playwright/test';
import { entryPanel, expectNotification, openCollection, switchLocale } from './support/admin';
import { expect, test } from './support/fixtures';
import { seeded, ui } from './support/content';
import { recordTiming } from './support/env';

// Through the real Strapi admin (`admin`: logged in as the Editor-role user); the site is checked
// in a separate browser context (`page`: a visitor), loaded fresh each time.
const runId = Date.now().toString(36);

async function siteRiskFactors(site: Page, path: string): Promise<string[]> {
  await site.goto(path);
  const list = site.getByTestId('risk-factors');
  await expect(list).toBeVisible();
  // Each item: the name, then its description when there is one.
  return (await list.getByRole('listitem').allInnerTexts()).map((text) =>
    text.split('\n')[0].trim(),
  );
}

test.describe('editor, in the Strapi admin', () => {
  test('edits an FAQ answer and publishes: the site shows it on the next page load', async ({
    admin: page,
    page: site,
  }) => {
    const faq = seeded.en.faqs[3];
    const addition = `Edited by the e2e editor ${runId}.`;

    await openCollection(page, 'FAQ');
    await page.getByRole('gridcell', { name: faq.question, exact: true }).click();
    await expect(page.getByRole('heading', { level: 1, name: faq.question })).toBeVisible();

    // The answer is a blocks (Slate) editor: click into it, go to the end, add a paragraph.
    const answer = page.getByRole('textbox').filter({ hasText: faq.answerStart });
    await answer.click();
    await page.keyboard.press('Control+End');
    await page.keyboard.press('Enter');
    await page.keyboard.type(addition);
    await expect(answer).toContainText(addition);

    // Before publishing, visitors still get the old answer.
    await site.goto('/faq');
    await site.getByRole('button', { name: faq.question }).click();
    await expect(site.getByText(faq.answerStart)).toBeVisible();
    await expect(site.getByText(addition)).toHaveCount(0);

    const publish = entryPanel(page).getByRole('button', { name: 'Publish' });
    await expect(publish).toBeEnabled();
    const publishedAt = Date.now();
    await publish.click();
    await expectNotification(page, 'Published document');

    await site.goto('/faq');
    await site.getByRole('button', { name: faq.question }).click();
    await expect(site.getByText(addition)).toBeVisible();
    recordTiming('publish-to-visible (FAQ answer)', Date.now() - publishedAt);
    // The rest of the answer is still there, and the Spanish answer is untouched.
    await expect(site.getByText(faq.answerStart)).toBeVisible();
    await site.goto('/es/faq');
    await site.getByRole('button', { name: seeded.es.faqs[3].question }).click();
    await expect(site.getByText(seeded.es.faqs[3].answerStart)).toBeVisible();
    await expect(site.getByText(addition)).toHaveCount(0);
  });

  test('creates a risk factor: draft → not on the site; publish → on it; Spanish translation → on /es; unpublish → gone', async ({
    admin: page,
    page: site,
  }) => {
    const name = { en: `E2E risk factor ${runId}`, es: `Factor de riesgo E2E ${runId}` };

    await openCollection(page, 'Risk factor');
    await page.getByRole('link', { name: 'Create new entry' }).first().click();
    await page.getByRole('textbox', { name: 'name' }).fill(name.en);
    await page
      .getByRole('textbox', { name: 'description' })
      .fill('Written by the end-to-end test.');
    await page.getByRole('textbox', { name: 'order' }).fill('99');

    // Save as a draft.
    await entryPanel(page).getByRole('button', { name: 'Save' }).click();
    await expectNotification(page, 'Saved document');
    await expect(page.getByRole('heading', { level: 1, name: name.en })).toBeVisible();
    await expect(
      page
        .getByRole('status')
        .filter({ hasText: /^Draft$/ })
        .first(),
    ).toBeVisible();

    expect(await siteRiskFactors(site, '/risk-factors')).not.toContain(name.en);
    // The seeded ones are there, so the list did load.
    expect(await siteRiskFactors(site, '/risk-factors')).toContain(seeded.en.riskFactors[0]);

    // Publish.
    await entryPanel(page).getByRole('button', { name: 'Publish' }).click();
    await expectNotification(page, 'Published document');
    expect(await siteRiskFactors(site, '/risk-factors')).toContain(name.en);
    expect(await siteRiskFactors(site, '/es/risk-factors')).not.toContain(name.es);

    // The Spanish translation, from the locale dropdown in the edit view's header.
    await switchLocale(page, 'Spanish (es)');
    await page.getByRole('textbox', { name: 'name' }).fill(name.es);
    await page
      .getByRole('textbox', { name: 'description' })
      .fill('Escrito por la prueba de extremo a extremo.');
    await entryPanel(page).getByRole('button', { name: 'Publish' }).click();
    await expectNotification(page, 'Published document');
    const es = await siteRiskFactors(site, '/es/risk-factors');
    expect(es).toContain(name.es);
    expect(es).not.toContain(name.en);
    // Published order 99: after the seeded ones.
    expect(es.indexOf(name.es)).toBeGreaterThan(es.indexOf(seeded.es.riskFactors.at(-1)!));

    // Unpublish, in Spanish then in English.
    for (const [locale, path] of [
      ['Spanish (es)', '/es/risk-factors'],
      ['English (en)', '/risk-factors'],
    ] as const) {
      await switchLocale(page, locale);
      await entryPanel(page).getByRole('button', { name: 'More document actions' }).click();
      await page.getByRole('menuitem', { name: 'Unpublish', exact: true }).click();
      await expectNotification(page, 'Unpublished document');
      const items = await siteRiskFactors(site, path);
      expect(items).not.toContain(locale.startsWith('Spanish') ? name.es : name.en);
      expect(items).toContain(
        locale.startsWith('Spanish') ? seeded.es.riskFactors[0] : seeded.en.riskFactors[0],
      );
    }
    expect(await siteRiskFactors(site, '/risk-factors')).not.toContain(name.en);
    expect(await siteRiskFactors(site, '/es/risk-factors')).not.toContain(name.es);
    await expect(site.getByRole('heading', { level: 1 })).toHaveText(ui.es.riskFactorsTitle);
  });
});
