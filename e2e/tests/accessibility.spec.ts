import { type Page } from '@playwright/test';
import { expectNoAxeViolations } from './support/axe';
import { expect, test } from './support/fixtures';
import { LANGS, prefix, seeded, ui, type Lang } from './support/content';
import { env } from './support/env';

interface Route {
  name: string;
  path: (lang: Lang) => string;
  /** Waits until the page's content (not its loading skeleton) is there. */
  ready: (page: Page, lang: Lang) => Promise<void>;
}

const h1 = (page: Page) => page.getByRole('heading', { level: 1 });

const routes: Route[] = [
  {
    name: 'home',
    path: (lang) => `${prefix(lang)}/`,
    ready: async (page, lang) => {
      await expect(h1(page)).toHaveText(seeded[lang].heroTitle);
      await expect(
        page.getByRole('link', { name: seeded[lang].article.title, exact: true }),
      ).toBeVisible();
      await expect(page.getByRole('button', { name: seeded[lang].faqs[0].question })).toBeVisible();
    },
  },
  {
    name: 'articles',
    path: (lang) => `${prefix(lang)}/articles`,
    ready: async (page, lang) => {
      await expect(h1(page)).toHaveText(ui[lang].articlesTitle);
      await expect(
        page.getByRole('link', { name: seeded[lang].article.title, exact: true }),
      ).toBeVisible();
    },
  },
  {
    name: 'article',
    path: (lang) => `${prefix(lang)}/articles/${seeded[lang].article.slug}`,
    ready: async (page, lang) => {
      await expect(h1(page)).toHaveText(seeded[lang].article.title);
    },
  },
  {
    name: 'faq',
    path: (lang) => `${prefix(lang)}/faq`,
    ready: async (page, lang) => {
      await expect(h1(page)).toHaveText(ui[lang].faqTitle);
      // Open one answer, so its content is checked too.
      const question = page.getByRole('button', { name: seeded[lang].faqs[0].question });
      await question.click();
      await expect(page.getByText(seeded[lang].faqs[0].answerStart)).toBeVisible();
    },
  },
  {
    name: 'risk factors',
    path: (lang) => `${prefix(lang)}/risk-factors`,
    ready: async (page, lang) => {
      await expect(h1(page)).toHaveText(ui[lang].riskFactorsTitle);
      await expect(page.getByText(seeded[lang].riskFactors[0])).toBeVisible();
    },
  },
  {
    name: 'glossary',
    path: (lang) => `${prefix(lang)}/glossary`,
    ready: async (page, lang) => {
      await expect(h1(page)).toHaveText(ui[lang].glossaryTitle);
    },
  },
  {
    name: '404',
    path: (lang) => `${prefix(lang)}/no-such-page`,
    ready: async (page, lang) => {
      await expect(h1(page)).toHaveText(ui[lang].notFoundTitle);
    },
  },
];

for (const lang of LANGS) {
  test.describe(`axe, WCAG 2.2 A/AA (${lang})`, () => {
    for (const route of routes) {
      test(`${route.name}: no violations`, async ({ page }) => {
        await page.goto(route.path(lang));
        await route.ready(page, lang);
        // The crisis help from the CMS, not the fallback: the real page.
        await expect(page.getByTestId('crisis-fallback')).toHaveCount(0);
        await expectNoAxeViolations(page);
      });
    }
  });
}

/** A page of the sitemap, or of this list, as a kind of page (one article stands for all). */
const kindOf = (path: string) =>
  path.replace(/\/articles\/[^/]+$/, '/articles/:slug').replace(/(.)\/$/, '$1');

test('every page the sitemap lists is one of the pages checked here', async () => {
  const xml = await (await fetch(new URL('/sitemap.xml', env.webUrl))).text();
  const listed = [...xml.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) =>
    kindOf(new URL(m[1]!).pathname),
  );
  const checked = new Set(LANGS.flatMap((lang) => routes.map((route) => kindOf(route.path(lang)))));
  expect(listed.length).toBeGreaterThan(0);
  for (const path of listed) expect([...checked], `${path} has no axe check`).toContain(path);
});
