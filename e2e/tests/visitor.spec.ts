import { type Page } from '@playwright/test';
import { expect, test } from './support/fixtures';
import { LANGS, prefix, seeded, ui, type Lang } from './support/content';

const h1 = (page: Page) => page.getByRole('heading', { level: 1 });
const mainNav = (page: Page, lang: Lang) =>
  page.getByRole('navigation', { name: ui[lang].mainNav });

for (const lang of LANGS) {
  const text = seeded[lang];
  const t = ui[lang];

  test.describe(`visitor (${lang})`, () => {
    test('home → article → FAQ → risk factors, by clicking the links', async ({ page }) => {
      await page.goto(`${prefix(lang)}/`);
      await expect(h1(page)).toHaveText(text.heroTitle);
      await expect(page.locator('html')).toHaveAttribute('lang', lang);

      // The featured article, from the home page. Its button's accessible name says which
      // article, starting with the words it shows.
      await expect(
        page.getByRole('link', { name: `${t.readArticle}: ${text.article.title}`, exact: true }),
      ).toHaveText(t.readArticle);
      await page.getByRole('link', { name: text.article.title, exact: true }).click();
      await expect(page).toHaveURL(`${prefix(lang)}/articles/${text.article.slug}`);
      await expect(h1(page)).toHaveText(text.article.title);
      await expect(page.getByRole('main')).toContainText(text.article.bodyStart);
      // The article's body has each question as a heading.
      for (const faq of text.faqs) {
        await expect(page.getByRole('heading', { level: 2, name: faq.question })).toBeVisible();
      }

      // FAQ page through the main navigation: questions in order, answers closed until asked.
      await mainNav(page, lang).getByRole('link', { name: t.nav.faq }).click();
      await expect(page).toHaveURL(`${prefix(lang)}/faq`);
      await expect(h1(page)).toHaveText(t.faqTitle);
      const questions = page.getByRole('main').getByRole('button', { name: /\?$/ });
      await expect(questions).toHaveCount(text.faqs.length);
      for (const [i, faq] of text.faqs.entries()) {
        await expect(questions.nth(i)).toHaveAccessibleName(faq.question);
      }
      const first = page.getByRole('button', { name: text.faqs[0].question });
      await expect(first).toHaveAttribute('aria-expanded', 'false');
      await expect(page.getByText(text.faqs[0].answerStart)).toBeHidden();
      await first.click();
      await expect(first).toHaveAttribute('aria-expanded', 'true');
      await expect(page.getByText(text.faqs[0].answerStart)).toBeVisible();

      // Risk factors through the main navigation: every seeded factor, in the clinic's order.
      await mainNav(page, lang).getByRole('link', { name: t.nav.riskFactors }).click();
      await expect(page).toHaveURL(`${prefix(lang)}/risk-factors`);
      await expect(h1(page)).toHaveText(t.riskFactorsTitle);
      const items = page.getByTestId('risk-factors').getByRole('listitem');
      const names = (await items.allInnerTexts()).map((s) => s.split('\n')[0].trim());
      const seededOnly = names.filter((name) =>
        (text.riskFactors as readonly string[]).includes(name),
      );
      expect(seededOnly).toEqual([...text.riskFactors]);

      // Crisis help is on every page.
      await expect(page.getByRole('complementary', { name: t.crisisLabel })).toContainText('988');
    });

    test('unknown URLs and unknown article slugs show the 404 view', async ({ page }) => {
      for (const path of [
        `${prefix(lang)}/no-such-page`,
        `${prefix(lang)}/articles/no-such-article`,
      ]) {
        await page.goto(path);
        await expect(page.getByTestId('not-found')).toBeVisible();
        await expect(h1(page)).toHaveText(t.notFoundTitle);
        await expect(page.getByText(text.article.title)).toHaveCount(0);
      }
      // The 404 view leads back home.
      await page.getByRole('main').getByRole('link').first().click();
      await expect(h1(page)).toHaveText(text.heroTitle);
    });
  });
}

test.describe('language switch', () => {
  test('article: en ↔ es goes to the translated slug', async ({ page }) => {
    await page.goto(`/articles/${seeded.en.article.slug}`);
    await expect(h1(page)).toHaveText(seeded.en.article.title);

    await page.getByRole('link', { name: ui.en.switchTo }).click();
    await expect(page).toHaveURL(`/es/articles/${seeded.es.article.slug}`);
    await expect(h1(page)).toHaveText(seeded.es.article.title);
    await expect(page.locator('html')).toHaveAttribute('lang', 'es');

    await page.getByRole('link', { name: ui.es.switchTo }).click();
    await expect(page).toHaveURL(`/articles/${seeded.en.article.slug}`);
    await expect(h1(page)).toHaveText(seeded.en.article.title);
    await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  });

  for (const [path, title] of [
    ['/faq', 'faqTitle'],
    ['/risk-factors', 'riskFactorsTitle'],
    ['/articles', 'articlesTitle'],
  ] as const) {
    test(`${path}: en ↔ es stays on the same page`, async ({ page }) => {
      await page.goto(path);
      await expect(h1(page)).toHaveText(ui.en[title]);
      await page.getByRole('link', { name: ui.en.switchTo }).click();
      await expect(page).toHaveURL(`/es${path}`);
      await expect(h1(page)).toHaveText(ui.es[title]);
      await page.getByRole('link', { name: ui.es.switchTo }).click();
      await expect(page).toHaveURL(path);
      await expect(h1(page)).toHaveText(ui.en[title]);
    });
  }

  test('home: en ↔ es', async ({ page }) => {
    await page.goto('/');
    await expect(h1(page)).toHaveText(seeded.en.heroTitle);
    await page.getByRole('link', { name: ui.en.switchTo }).click();
    await expect(page).toHaveURL(/\/es\/?$/);
    await expect(h1(page)).toHaveText(seeded.es.heroTitle);
    await page.getByRole('link', { name: ui.es.switchTo }).click();
    await expect(page).toHaveURL(/127\.0\.0\.1:\d+\/$/);
    await expect(h1(page)).toHaveText(seeded.en.heroTitle);
  });
});

test.describe('FAQ with the keyboard alone', () => {
  for (const lang of LANGS) {
    test(`Tab to a question, Enter and Space toggle it (${lang})`, async ({ page }) => {
      const faqs = seeded[lang].faqs;
      await page.goto(`${prefix(lang)}/faq`);
      await expect(page.getByRole('button', { name: faqs[1].question })).toBeVisible();

      // Tab from the top of the page until the second question has focus.
      const target = page.getByRole('button', { name: faqs[1].question });
      let reached = false;
      for (let i = 0; i < 40 && !reached; i++) {
        await page.keyboard.press('Tab');
        reached = await target.evaluate((el) => el === document.activeElement);
      }
      expect(reached, 'Tab reaches the question').toBe(true);
      await expect(target).toBeFocused();
      await expect(target).toHaveAttribute('aria-expanded', 'false');
      const answer = page.getByText(faqs[1].answerStart);
      await expect(answer).toBeHidden();

      await page.keyboard.press('Enter');
      await expect(target).toHaveAttribute('aria-expanded', 'true');
      await expect(answer).toBeVisible();
      // The button controls the panel that shows the answer.
      const panelId = await target.getAttribute('aria-controls');
      expect(panelId).toBeTruthy();
      await expect(page.locator(`#${panelId}`)).toContainText(faqs[1].answerStart);

      await page.keyboard.press('Space');
      await expect(target).toHaveAttribute('aria-expanded', 'false');
      await expect(answer).toBeHidden();

      await page.keyboard.press('Space');
      await expect(target).toHaveAttribute('aria-expanded', 'true');
      await expect(answer).toBeVisible();

      // Shift+Tab goes back to the previous question, still closed.
      await page.keyboard.press('Shift+Tab');
      const previous = page.getByRole('button', { name: faqs[0].question });
      await expect(previous).toBeFocused();
      await expect(previous).toHaveAttribute('aria-expanded', 'false');
    });
  }
});
