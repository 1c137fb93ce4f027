import { expect, test } from './support/fixtures';
import { XMLParser } from 'fast-xml-parser';
import { LANGS, prefix, seeded, ui } from './support/content';
import { env } from './support/env';
import { cmsApi, getPage, jsonLdOf, textOf, waitForPage } from './support/site';

// What a crawler, a link preview or a reader with scripts off gets: plain HTTP GETs of the files
// the renderer wrote, served by nginx with the site's own configuration. No browser.
const url = (path: string) => new URL(path, env.webUrl).href;

for (const lang of LANGS) {
  const text = seeded[lang];
  const t = ui[lang];
  const faqPath = `${prefix(lang)}/faq`;

  test.describe(`prerendered pages, no browser (${lang})`, () => {
    test(`${faqPath}: every question and answer, crisis help and the head tags`, async () => {
      const page = await getPage(faqPath);
      expect(page.status).toBe(200);
      expect(page.contentType).toMatch(/^text\/html/);
      const body = textOf(page.html);
      for (const faq of text.faqs) {
        expect(body).toContain(faq.question);
        for (const paragraph of faq.answerTexts) expect(body).toContain(paragraph);
      }
      expect(body).toContain(text.crisisHelp);
      expect(body).toContain('988');

      expect(page.html).toContain(`<html lang="${lang}"`);
      expect(page.html).toMatch(new RegExp(`<title>${t.faqTitle} \\| [^<]+</title>`));
      expect(page.html).toContain(`<meta name="description" content="${t.faqDescription}">`);
      expect(page.html).toContain(`<link rel="canonical" href="${url(faqPath)}"`);
      for (const [hreflang, path] of [
        ['en', '/faq'],
        ['es', '/es/faq'],
        ['x-default', '/faq'],
      ]) {
        expect(page.html).toContain(
          `<link rel="alternate" hreflang="${hreflang}" href="${url(path!)}"`,
        );
      }
      const faqPage = jsonLdOf(page.html).find((data) => data['@type'] === 'FAQPage');
      expect(faqPage).toBeDefined();
      const entities = faqPage!.mainEntity as Array<{
        name: string;
        acceptedAnswer: { text: string };
      }>;
      expect(entities.map((entity) => entity.name)).toEqual(text.faqs.map((faq) => faq.question));
      expect(entities[0]!.acceptedAnswer.text).toContain(text.faqs[0]!.answerTexts[0]);
    });

    test('the article page holds the whole article', async () => {
      const path = `${prefix(lang)}/articles/${text.article.slug}`;
      const page = await getPage(path);
      expect(page.status).toBe(200);
      const body = textOf(page.html);
      expect(body).toContain(text.article.title);
      for (const block of text.article.bodyTexts) expect(body).toContain(block);
      const article = jsonLdOf(page.html).find((data) => data['@type'] === 'MedicalWebPage');
      expect(article).toMatchObject({ headline: text.article.title, inLanguage: lang });
      expect(page.html).toContain('<meta property="og:type" content="article">');
      expect(page.html).toContain(`<meta property="og:url" content="${url(path)}">`);
    });

    test('home, the article list and the risk factors are complete pages', async () => {
      const home = textOf((await getPage(lang === 'es' ? '/es' : '/')).html);
      expect(home).toContain(text.heroTitle);
      expect(home).toContain(text.article.title);
      for (const factor of text.riskFactors) expect(home).toContain(factor);
      const list = textOf((await getPage(`${prefix(lang)}/articles`)).html);
      expect(list).toContain(text.article.summary);
      const risks = textOf((await getPage(`${prefix(lang)}/risk-factors`)).html);
      for (const factor of text.riskFactors) expect(risks).toContain(factor);
    });

    test('unknown paths answer 404 with the 404 page', async () => {
      for (const path of [`${prefix(lang)}/no-such-page`, `${prefix(lang)}/articles/no-such`]) {
        const page = await getPage(path);
        expect(page.status, path).toBe(404);
        expect(textOf(page.html)).toContain(t.notFoundTitle);
        expect(page.html).toContain('<meta name="robots" content="noindex">');
      }
    });
  });
}

test('sitemap.xml parses and lists every page in both languages, with alternates', async () => {
  const response = await fetch(url('/sitemap.xml'));
  expect(response.status).toBe(200);
  expect(response.headers.get('content-type')).toMatch(/^application\/xml/);
  const xml = await response.text();
  const parsed = new XMLParser({ ignoreAttributes: false, isArray: (name) => name === 'url' });
  const sitemap = parsed.parse(xml, true) as {
    urlset: { url: Array<{ loc: string; lastmod?: string; 'xhtml:link'?: unknown[] }> };
  };
  const locs = sitemap.urlset.url.map((entry) => entry.loc);
  const expected = LANGS.flatMap((lang) => [
    lang === 'es' ? '/es' : '/',
    `${prefix(lang)}/articles`,
    `${prefix(lang)}/faq`,
    `${prefix(lang)}/risk-factors`,
    `${prefix(lang)}/glossary`,
    `${prefix(lang)}/articles/${seeded[lang].article.slug}`,
  ]).map(url);
  for (const loc of expected) expect(locs).toContain(loc);
  expect(locs.some((loc) => loc.includes('/preview'))).toBe(false);
  for (const entry of sitemap.urlset.url) {
    expect(entry.lastmod, entry.loc).toMatch(/^\d{4}-\d\d-\d\dT/);
  }
  const article = sitemap.urlset.url.find((entry) => entry.loc.endsWith(seeded.en.article.slug));
  expect(JSON.stringify(article!['xhtml:link'])).toContain(
    url(`/es/articles/${seeded.es.article.slug}`),
  );
  // Every listed page is there.
  for (const loc of locs) expect((await fetch(loc)).status, loc).toBe(200);
});

test('robots.txt allows the site, keeps crawlers off the preview, and names the sitemap', async () => {
  const response = await fetch(url('/robots.txt'));
  expect(response.status).toBe(200);
  expect(response.headers.get('content-type')).toMatch(/^text\/plain/);
  const lines = (await response.text()).split('\n');
  expect(lines).toContain('User-agent: *');
  expect(lines).toContain('Disallow: /preview');
  expect(lines).toContain('Disallow: /es/preview');
  expect(lines).toContain(`Sitemap: ${url('/sitemap.xml')}`);
});

/** Review fields that pass the clinical sign-off rule today (test data, not a real review). */
function signedOff() {
  const day = (offset: number) =>
    new Date(Date.now() + offset * 24 * 60 * 60 * 1000).toISOString().slice(0, 10);
  return {
    reviewedBy: 'Test Reviewer (test data)',
    lastReviewed: day(-1),
    nextReviewDue: day(365),
    references: [{ label: 'Test reference', url: 'https://example.org/test-reference' }],
  };
}

test('an article that is deleted in the CMS loses its page: 404, and it leaves the sitemap', async () => {
  const slug = `e2e-removed-${Date.now().toString(36)}`;
  const created = await cmsApi<{ data: { documentId: string } }>(
    'POST',
    '/articles?locale=en&status=published',
    {
      data: {
        title: 'An article that will be removed',
        slug,
        summary: 'Short-lived.',
        body: [{ type: 'paragraph', children: [{ type: 'text', text: 'Soon gone.' }] }],
        ...signedOff(), // publishing an article needs clinical sign-off
      },
    },
  );
  const path = `/articles/${slug}`;
  await waitForPage(path, (page) => page.status === 200);
  expect(textOf((await getPage('/articles')).html)).toContain('An article that will be removed');

  await cmsApi('DELETE', `/articles/${created.data.documentId}?locale=en`);
  await waitForPage(path, (page) => page.status === 404);
  expect(textOf((await getPage(path)).html)).toContain(ui.en.notFoundTitle);
  expect(await (await fetch(url('/sitemap.xml'))).text()).not.toContain(slug);
});
