import { expect, test } from './support/fixtures';
import { LANGS, prefix, seeded, ui } from './support/content';

// The smallest phones in use: 320×640 CSS px. The page's own heading starts on the first screen
// (crisis help and the header leave room for it), nothing scrolls sideways, and 988 is one tap
// away. At 200% zoom of a 1280 px window (640 CSS px) nothing scrolls sideways either.
for (const lang of LANGS) {
  const pages = [
    { path: `${prefix(lang)}/`, heading: seeded[lang].heroTitle },
    { path: `${prefix(lang)}/faq`, heading: ui[lang].faqTitle },
    {
      path: `${prefix(lang)}/articles/${seeded[lang].article.slug}`,
      heading: seeded[lang].article.title,
    },
  ];

  test.describe(`320×640 (${lang})`, () => {
    test.use({ viewport: { width: 320, height: 640 } });

    for (const { path, heading } of pages) {
      test(`${path}: the heading starts on the first screen, no sideways scrolling`, async ({
        page,
      }) => {
        await page.goto(path);
        const h1 = page.getByRole('heading', { level: 1 });
        await expect(h1).toHaveText(heading);
        const box = await h1.boundingBox();
        expect(box, 'the h1 is laid out').not.toBeNull();
        expect(box!.y, 'the h1 starts within the first screen').toBeLessThan(640);
        expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBe(320);
        // 988 is on the first screen, callable.
        const crisis = page.getByRole('complementary', { name: ui[lang].crisisLabel });
        const call = crisis.getByRole('link', { name: /988/ }).first();
        await expect(call).toBeVisible();
        await expect(call).toHaveAttribute('href', /988$/);
        expect((await call.boundingBox())!.y).toBeLessThan(640);
      });
    }

    test('the menu gives the navigation', async ({ page }) => {
      await page.goto(`${prefix(lang)}/`);
      const nav = page.getByRole('navigation', { name: ui[lang].mainNav });
      const faqLink = nav.getByRole('link', { name: ui[lang].nav.faq });
      const menu = page.getByRole('banner').getByRole('button', { expanded: false });
      await expect(menu).toBeVisible();
      await menu.click();
      await expect(page.getByRole('banner').getByRole('button', { expanded: true })).toBeVisible();
      await faqLink.click();
      await expect(page.getByRole('heading', { level: 1 })).toHaveText(ui[lang].faqTitle);
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBe(320);
    });
  });

  test.describe(`200% zoom (${lang})`, () => {
    test.use({ viewport: { width: 640, height: 450 } });
    for (const { path, heading } of pages) {
      test(`${path}: no sideways scrolling`, async ({ page }) => {
        await page.goto(path);
        await expect(page.getByRole('heading', { level: 1 })).toHaveText(heading);
        expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBe(640);
      });
    }
  });
}
