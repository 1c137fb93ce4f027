import type { Page } from '@playwright/test';
import { entryPanel, expectNotification, openCollection, switchLocale } from './support/admin';
import { expect, test } from './support/fixtures';
import { seeded, ui } from './support/content';
import { recordTiming } from './support/env';
import { getPage, median, textOf, waitForPage } from './support/site';

// Through the real Strapi admin (`admin`: logged in as the Editor-role user). What visitors get is
// checked in the raw HTML the site serves (what a first page load, a crawler or a link preview
// gets), and in a visitor's browser (`page`, a separate context).
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

/** Waits until the raw HTML of `path` does (or does not) contain `text`. */
const htmlShows = (path: string, text: string, shown = true) =>
  waitForPage(path, (page) => textOf(page.html).includes(text) === shown);

test.describe('editor, in the Strapi admin', () => {
  test('edits an FAQ answer and publishes: the page is re-rendered within a second', async ({
    admin: page,
    page: site,
  }) => {
    const faq = seeded.en.faqs[3];
    await openCollection(page, 'FAQ');
    await page.getByRole('gridcell', { name: faq.question, exact: true }).click();
    await expect(page.getByRole('heading', { level: 1, name: faq.question })).toBeVisible();
    const answer = page.getByRole('textbox').filter({ hasText: faq.answerStart });

    // Several publishes, each timed from the click on Publish to the new text in the HTML the
    // site serves for /faq (the median is the figure that counts; the first includes warm-up).
    const timings: number[] = [];
    for (let round = 1; round <= 5; round += 1) {
      const addition = `Edited by the e2e editor ${runId}, round ${round}.`;
      // The blocks (Slate) editor: click into it, go to the end, add a paragraph.
      await answer.click();
      await page.keyboard.press('Control+End');
      await page.keyboard.press('Enter');
      await page.keyboard.type(addition);
      await expect(answer).toContainText(addition);

      // Not published yet: visitors still get the old answer.
      expect(textOf((await getPage('/faq')).html)).not.toContain(addition);

      const publish = entryPanel(page).getByRole('button', { name: 'Publish' });
      await expect(publish).toBeEnabled();
      const clicked = Date.now();
      await publish.click();
      timings.push(
        await waitForPage('/faq', (p) => textOf(p.html).includes(addition), { since: clicked }),
      );
      await expectNotification(page, 'Published document');
    }
    recordTiming('publish-to-HTML, FAQ answer (each)', timings);
    recordTiming('publish-to-HTML, FAQ answer (median of 5)', median(timings));

    // The rest of the answer is still there, and the Spanish answer is untouched.
    const html = textOf((await getPage('/faq')).html);
    expect(html).toContain(faq.answerStart);
    const spanish = textOf((await getPage('/es/faq')).html);
    expect(spanish).toContain(seeded.es.faqs[3].answerStart);
    expect(spanish).not.toContain(runId);

    // A visitor's browser shows the new answer on the next page load.
    await site.goto('/faq');
    await site.getByRole('button', { name: faq.question }).click();
    await expect(site.getByText(`round 5.`, { exact: false })).toBeVisible();
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

    // A draft never reaches the site: not in the HTML, not in the browser.
    const draftHtml = textOf((await getPage('/risk-factors')).html);
    expect(draftHtml).not.toContain(name.en);
    expect(draftHtml).toContain(seeded.en.riskFactors[0]);
    expect(await siteRiskFactors(site, '/risk-factors')).not.toContain(name.en);

    // Publish: the page is re-rendered with it, the Spanish page is not.
    await entryPanel(page).getByRole('button', { name: 'Publish' }).click();
    await expectNotification(page, 'Published document');
    await htmlShows('/risk-factors', name.en);
    expect(await siteRiskFactors(site, '/risk-factors')).toContain(name.en);
    expect(textOf((await getPage('/es/risk-factors')).html)).not.toContain(name.es);

    // The Spanish translation, from the locale dropdown in the edit view's header.
    await switchLocale(page, 'Spanish (es)');
    await page.getByRole('textbox', { name: 'name' }).fill(name.es);
    await page
      .getByRole('textbox', { name: 'description' })
      .fill('Escrito por la prueba de extremo a extremo.');
    await entryPanel(page).getByRole('button', { name: 'Publish' }).click();
    await expectNotification(page, 'Published document');
    await htmlShows('/es/risk-factors', name.es);
    const es = await siteRiskFactors(site, '/es/risk-factors');
    expect(es).toContain(name.es);
    expect(es).not.toContain(name.en);
    // Published order 99: after the seeded ones.
    expect(es.indexOf(name.es)).toBeGreaterThan(es.indexOf(seeded.es.riskFactors.at(-1)!));

    // Unpublish, in Spanish then in English: gone from the HTML, then from the browser's page.
    for (const [locale, path] of [
      ['Spanish (es)', '/es/risk-factors'],
      ['English (en)', '/risk-factors'],
    ] as const) {
      const itemName = locale.startsWith('Spanish') ? name.es : name.en;
      await switchLocale(page, locale);
      await entryPanel(page).getByRole('button', { name: 'More document actions' }).click();
      await page.getByRole('menuitem', { name: 'Unpublish', exact: true }).click();
      await expectNotification(page, 'Unpublished document');
      await htmlShows(path, itemName, false);
      const items = await siteRiskFactors(site, path);
      expect(items).not.toContain(itemName);
      expect(items).toContain(
        locale.startsWith('Spanish') ? seeded.es.riskFactors[0] : seeded.en.riskFactors[0],
      );
    }
    expect(textOf((await getPage('/risk-factors')).html)).not.toContain(name.en);
    expect(textOf((await getPage('/es/risk-factors')).html)).not.toContain(name.es);
    expect(await siteRiskFactors(site, '/es/risk-factors')).not.toContain(name.es);
    await expect(site.getByRole('heading', { level: 1 })).toHaveText(ui.es.riskFactorsTitle);
  });
});
