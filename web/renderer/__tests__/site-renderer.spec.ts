// @vitest-environment node
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  writeFileSync,
} from 'node:fs';
import { rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ContentChange } from '@clinic/contract';
import { createCmsApi, FAQ, GLOSSARY_TERM, ARTICLE, SITE_SETTING } from '@/api';
import { fixtureFetcher, installFakeCms, type FakeCms } from '@/test/cms';
import {
  articles,
  errorBody,
  faqs,
  glossaryTerms,
  listBody,
} from '@/api/__tests__/fixtures/strapi';
import { LOCALES } from '@/shared/locales';
import { prerenderedRoutes, sitePage, type SitePage } from '../pages';
import { closeSearchIndexer } from '../search-index';
import { createSiteRenderer } from '../site-renderer';
import { searchSite } from './search-query';

/**
 * The renderer against a fake CMS at the HTTP edge (the same fixtures as the site's tests), with
 * a minimal built client as its template. Which pages exist is derived from the site's routes,
 * as the renderer derives it, never written down here.
 */
let cms: FakeCms;
let outDir: string;
let clientDir: string;
const logs: string[] = [];

const TEMPLATE = `<!doctype html><html lang="en"><head><meta charset="UTF-8" /><title>Patient information</title></head><body><div id="app"><!--app-html--></div><!--app-state--><script type="module" src="/assets/index-abc.js"></script></body></html>`;

beforeEach(() => {
  cms = installFakeCms();
  outDir = mkdtempSync(join(tmpdir(), 'site-'));
  clientDir = mkdtempSync(join(tmpdir(), 'client-'));
  mkdirSync(join(clientDir, '.vite'));
  mkdirSync(join(clientDir, 'assets'));
  writeFileSync(join(clientDir, 'index.html'), TEMPLATE);
  writeFileSync(join(clientDir, '.vite', 'ssr-manifest.json'), '{}');
  writeFileSync(join(clientDir, 'assets', 'index-abc.js'), 'console.log(1)');
  writeFileSync(join(clientDir, 'favicon.svg'), '<svg/>');
  logs.length = 0;
});

afterEach(async () => {
  await rm(outDir, { recursive: true, force: true });
  await rm(clientDir, { recursive: true, force: true });
});

const renderer = () =>
  createSiteRenderer({
    cmsUrl: 'http://cms.test',
    siteUrl: 'https://clinic.example',
    outDir,
    clientDir,
    log: (message) => logs.push(message),
  });
const read = (file: string) => readFileSync(join(outDir, file), 'utf8');
const pageFiles = () =>
  readdirSync(outDir, { recursive: true })
    .map(String)
    .filter((file) => file.endsWith('.html') && !file.startsWith('assets'))
    .sort();

/** Every page the routes declare for the fixtures' content (what a full render must write). */
async function expectedPages(): Promise<SitePage[]> {
  const api = createCmsApi(fixtureFetcher);
  const pages: SitePage[] = [];
  for (const route of prerenderedRoutes()) {
    for (const locale of LOCALES) {
      for (const path of await route.paths(api, locale)) pages.push(sitePage(route, locale, path));
    }
  }
  return pages;
}

/** Every page file marked, so that the files a render writes are told from those it leaves. */
function markAll(): void {
  for (const file of pageFiles()) writeFileSync(join(outDir, file), 'marker');
}
const rewrittenSince = () => pageFiles().filter((file) => read(file) !== 'marker');

const change = (uid: string, documentId: string | null, locale: string | null): ContentChange => ({
  uid,
  action: 'publish',
  documentId,
  locale,
  at: '2026-11-30T10:00:00.000Z',
});

describe('full render', () => {
  it('writes a page for every route the site prerenders, in both languages', async () => {
    const expected = await expectedPages();
    // The routes give what the fixtures hold: each static page twice, one page per article.
    expect(expected.map((page) => page.file)).toEqual(
      expect.arrayContaining([
        'index.html',
        'es.html',
        'glossary.html',
        'es/glossary.html',
        'articles/ketamine-for-depression.html',
        'es/articles/ketamina-para-la-depresion.html',
        '404.html',
        'es/404.html',
      ]),
    );
    const report = await renderer().renderAll();
    expect(report).toMatchObject({ full: true, failed: 0, pages: expected.length });
    expect(pageFiles()).toEqual(expected.map((page) => page.file).sort());
    for (const file of ['assets/index-abc.js', 'favicon.svg', 'sitemap.xml', 'robots.txt']) {
      expect(existsSync(join(outDir, file)), file).toBe(true);
    }
    // The template stays out: it is not a page; no temporary file is left.
    expect(readdirSync(outDir, { recursive: true }).map(String)).not.toEqual(
      expect.arrayContaining([expect.stringMatching(/\.vite|\.tmp$/)]),
    );
  });

  it('pages are complete: content, head tags and the state they were rendered from', async () => {
    await renderer().renderAll();
    const html = read('es/faq.html');
    expect(html).toContain('<html lang="es"');
    for (const faq of faqs.es) expect(html).toContain(faq.question.replace(/&/g, '&amp;'));
    expect(html).toContain('<link rel="canonical" href="https://clinic.example/es/faq"');
    expect(html).toMatch(/hreflang="en" href="https:\/\/clinic\.example\/faq"/);
    expect(html).toContain('"@type":"FAQPage"');
    expect(html).toContain('<script id="page-state" type="application/json">');
    // Crisis help is part of every page.
    expect(html).toContain('data-testid="crisis-help"');
    expect(read('glossary.html')).toContain(glossaryTerms.en[0]!.definition);
  });

  it('the sitemap lists every indexable page with the alternates its head gives', async () => {
    await renderer().renderAll();
    const sitemap = read('sitemap.xml');
    const locs = [...sitemap.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => m[1]);
    const listed = (await expectedPages()).filter((page) => page.sitemap);
    expect(listed.map((page) => page.path)).toEqual(
      expect.arrayContaining(['/glossary', '/es/glossary', '/articles/ketamine-for-depression']),
    );
    expect(locs.sort()).toEqual(listed.map((page) => `https://clinic.example${page.path}`).sort());
    expect(locs).not.toContain('https://clinic.example/404');
    expect(sitemap).toContain(
      '<xhtml:link rel="alternate" hreflang="es" href="https://clinic.example/es/articles/ketamina-para-la-depresion"/>',
    );
    expect(sitemap).toContain(
      '<xhtml:link rel="alternate" hreflang="es" href="https://clinic.example/es/glossary"/>',
    );
    expect(sitemap).toMatch(/<lastmod>\d{4}-\d\d-\d\dT/);
    expect(read('robots.txt')).toBe(
      'User-agent: *\nDisallow: /preview\nDisallow: /es/preview\n\nSitemap: https://clinic.example/sitemap.xml\n',
    );
  });

  it('renders CMS text as text: markup in content cannot become markup or end the state script', async () => {
    const evil = '</script><script>alert(1)</script><img src=x onerror=alert(2)>';
    cms.publish(FAQ, 'en', faqs.en[0]!.documentId, { question: `${evil}?` });
    await renderer().renderAll();
    const html = read('faq.html');
    expect(html).not.toContain('<script>alert(1)');
    expect(html).not.toContain('<img src=x');
    expect(html).toContain('&lt;/script&gt;&lt;script&gt;alert(1)&lt;/script&gt;');
    const state = /<script id="page-state" type="application\/json">([\s\S]*?)<\/script>/.exec(
      html,
    )![1]!;
    expect(state).not.toContain('<');
    expect(JSON.stringify(JSON.parse(state))).toContain(evil);
  });

  it('a slug that is not a safe path never becomes a file', async () => {
    cms.publish(ARTICLE, 'en', 'evil0000000000000000000', {
      ...articles.en[0]!,
      id: 99,
      slug: '..',
    });
    await renderer().renderAll();
    expect(pageFiles().some((file) => file.includes('..'))).toBe(false);
    expect(logs.some((line) => line.includes('not a safe path'))).toBe(true);
  });

  it('a CMS that cannot be read writes nothing and keeps the last pages', async () => {
    const site = renderer();
    await site.renderAll();
    const before = read('faq.html');
    cms.override('/faqs', { status: 500, body: errorBody(500) });
    cms.override('/articles', 'network-error');
    await expect(site.renderAll()).rejects.toThrow();
    expect(read('faq.html')).toBe(before);
  });

  it('a page that fails to render keeps its last version; the others are written', async () => {
    const site = renderer();
    await site.renderAll();
    writeFileSync(join(outDir, 'es.html'), 'last good Spanish home');
    writeFileSync(join(outDir, 'index.html'), 'old English home');
    // The Spanish settings unpublished: no Spanish page can be rendered, English ones can.
    cms.publish(SITE_SETTING, 'es', 'sitesetting0000000000001', null);
    const report = await site.renderAll();
    const spanish = (await expectedPages()).filter((page) => page.locale === 'es');
    expect(report.failed).toBe(spanish.length);
    expect(read('es.html')).toBe('last good Spanish home');
    expect(read('index.html')).toContain('data-testid="crisis-help"');
    expect(logs.some((line) => /could not render \/es\/faq .*getSiteSetting/.test(line))).toBe(
      true,
    );
  });
});

describe('answers the CMS should never give (a poisoned cache, a v4-shaped answer)', () => {
  /** The Spanish FAQs answered in Strapi v4's shape (fields under `attributes`). */
  const v4Faqs = () =>
    cms.override('/faqs', (req) =>
      req.query.locale === 'es'
        ? {
            status: 200,
            body: listBody(
              faqs.es.map(({ id, documentId, ...attributes }) => ({ id, documentId, attributes })),
            ),
          }
        : undefined,
    );

  it('keep the pages that read them, log why, and let every other page and removal through', async () => {
    const site = renderer();
    await site.renderAll();
    writeFileSync(join(outDir, 'es/faq.html'), 'last good Spanish FAQ');
    writeFileSync(join(outDir, 'es.html'), 'last good Spanish home');
    writeFileSync(join(outDir, 'faq.html'), 'old English FAQ');
    v4Faqs();
    // The article is unpublished at the same time: its pages still go.
    cms.publish(ARTICLE, 'en', articles.en[0]!.documentId, null);
    cms.publish(ARTICLE, 'es', articles.es[0]!.documentId, null);
    const report = await site.renderAll();
    expect(report.failed).toBe(2);
    expect(read('es/faq.html')).toBe('last good Spanish FAQ');
    expect(read('es.html')).toBe('last good Spanish home');
    expect(read('faq.html')).toContain(faqs.en[0]!.question);
    expect(existsSync(join(outDir, 'articles/ketamine-for-depression.html'))).toBe(false);
    expect(logs.join('\n')).toMatch(
      /could not render \/es\/faq .*list api::faq\.faq \(es\).*"attributes" wrapper/,
    );
  });

  it('text carrying encoded source maps is refused the same way', async () => {
    const site = renderer();
    await site.renderAll();
    writeFileSync(join(outDir, 'glossary.html'), 'last good glossary');
    const marked = `${glossaryTerms.en[1]!.term}\u200B\u200B\u200B\u200B\u200C\u200D`;
    cms.publish(GLOSSARY_TERM, 'en', glossaryTerms.en[1]!.documentId, { term: marked });
    await site.renderChanges([change(GLOSSARY_TERM, glossaryTerms.en[1]!.documentId, 'en')]);
    expect(read('glossary.html')).toBe('last good glossary');
    expect(logs.join('\n')).toContain('hidden characters');
  });

  it('a listing that cannot be read keeps the pages it lists (nothing removed on a bad answer)', async () => {
    const site = renderer();
    await site.renderAll();
    cms.override('/articles', (req) =>
      req.query.locale === 'en' && req.query.populate
        ? { status: 200, body: listBody([{ id: 1, attributes: { slug: 'x' } }]) }
        : undefined,
    );
    const report = await site.renderAll();
    expect(existsSync(join(outDir, 'articles/ketamine-for-depression.html'))).toBe(true);
    expect(report.removed).toBe(0);
    expect(logs.join('\n')).toMatch(/could not list the article pages \(en\); they are kept/);
  });
});

describe('render for changes: the pages whose answers changed, and only those', () => {
  it('a glossary term changed in English: the English glossary and nothing else', async () => {
    const site = renderer();
    await site.renderAll();
    markAll();
    const term = glossaryTerms.en[1]!;
    cms.publish(GLOSSARY_TERM, 'en', term.documentId, { definition: 'A stress hormone (edited).' });
    const report = await site.renderChanges([change(GLOSSARY_TERM, term.documentId, 'en')]);
    expect(rewrittenSince()).toEqual(['glossary.html']);
    expect(report).toMatchObject({ full: false, pages: 1, failed: 0, removed: 0 });
    expect(read('glossary.html')).toContain('A stress hormone (edited).');
  });

  it('a term changed in every locale (`*`): both glossaries', async () => {
    const site = renderer();
    await site.renderAll();
    markAll();
    const id = glossaryTerms.en[1]!.documentId;
    cms.publish(GLOSSARY_TERM, 'en', id, { term: 'Cortisol (hormone)' });
    cms.publish(GLOSSARY_TERM, 'es', id, { term: 'Cortisol (hormona)' });
    await site.renderChanges([change(GLOSSARY_TERM, id, '*')]);
    expect(rewrittenSince()).toEqual(['es/glossary.html', 'glossary.html']);
  });

  it('a new term: the glossary of its language, and the sitemap says so', async () => {
    const site = renderer();
    await site.renderAll();
    markAll();
    cms.publish(GLOSSARY_TERM, 'es', 'glossary0000000000000009', {
      id: 77,
      locale: 'es',
      term: 'Amígdala',
      slug: 'amigdala',
      definition: 'Una parte del cerebro.',
      updatedAt: '2026-11-30T12:00:00.000Z',
    });
    await site.renderChanges([change(GLOSSARY_TERM, 'glossary0000000000000009', 'es')]);
    expect(rewrittenSince()).toEqual(['es/glossary.html']);
    expect(read('es/glossary.html')).toContain('id="amigdala"');
    expect(read('sitemap.xml')).toContain('<lastmod>2026-11-30T12:00:00.000Z</lastmod>');
  });

  it('a question edited in English: the pages that show it (home, questions, the article linking it)', async () => {
    const faq = faqs.en[0]!;
    const { id, documentId, question, order } = faq;
    cms.publish(ARTICLE, 'en', articles.en[0]!.documentId, {
      faqs: [{ id, documentId, question, order }],
    });
    const site = renderer();
    await site.renderAll();
    markAll();
    cms.publish(FAQ, 'en', faq.documentId, { question: 'What causes depression? (edited)' });
    await site.renderChanges([change(FAQ, faq.documentId, 'en')]);
    expect(rewrittenSince()).toEqual([
      'articles/ketamine-for-depression.html',
      'faq.html',
      'index.html',
    ]);
    expect(read('articles/ketamine-for-depression.html')).toContain(
      'What causes depression? (edited)',
    );
  });

  it('a related article edited: the article that lists it is rendered again, with it', async () => {
    const related = {
      id: 91,
      locale: 'en',
      title: 'Depression and sleep',
      slug: 'depression-and-sleep',
      summary: 'How sleep and mood affect each other.',
      body: [],
      faqs: [],
    };
    cms.publish(ARTICLE, 'en', 'relatedarticle0000000001', related);
    cms.publish(ARTICLE, 'en', articles.en[0]!.documentId, {
      relatedArticles: [{ documentId: 'relatedarticle0000000001' }],
    });
    const site = renderer();
    await site.renderAll();
    expect(read('articles/ketamine-for-depression.html')).toContain('Depression and sleep');
    markAll();
    cms.publish(ARTICLE, 'en', 'relatedarticle0000000001', { title: 'Sleep and depression' });
    await site.renderChanges([change(ARTICLE, 'relatedarticle0000000001', 'en')]);
    expect(rewrittenSince()).toContain('articles/ketamine-for-depression.html');
    expect(read('articles/ketamine-for-depression.html')).toContain('Sleep and depression');

    // Unpublished: the article no longer shows it.
    markAll();
    cms.publish(ARTICLE, 'en', 'relatedarticle0000000001', null);
    await site.renderChanges([change(ARTICLE, 'relatedarticle0000000001', 'en')]);
    expect(rewrittenSince()).toContain('articles/ketamine-for-depression.html');
    expect(read('articles/ketamine-for-depression.html')).not.toContain('Sleep and depression');
  });

  it('the article an answer links to, retitled: the questions page is rendered again', async () => {
    const faq = faqs.en[0]!;
    cms.publish(FAQ, 'en', faq.documentId, { article: { documentId: articles.en[0]!.documentId } });
    const site = renderer();
    await site.renderAll();
    expect(read('faq.html')).toContain(articles.en[0]!.title);
    markAll();
    cms.publish(ARTICLE, 'en', articles.en[0]!.documentId, { title: 'Ketamine, retitled' });
    await site.renderChanges([change(ARTICLE, articles.en[0]!.documentId, 'en')]);
    expect(rewrittenSince()).toContain('faq.html');
    expect(read('faq.html')).toContain('Ketamine, retitled');
  });

  it('a draft saved (nothing public changed): no page is written', async () => {
    const site = renderer();
    await site.renderAll();
    markAll();
    const report = await site.renderChanges([
      { ...change(FAQ, faqs.en[0]!.documentId, 'en'), action: 'update' },
    ]);
    expect(rewrittenSince()).toEqual([]);
    expect(report.pages).toBe(0);
  });

  it('the settings changed in Spanish: every Spanish page', async () => {
    const site = renderer();
    await site.renderAll();
    markAll();
    cms.publish(SITE_SETTING, 'es', 'sitesetting0000000000001', { heroTitle: 'Nuevo título' });
    await site.renderChanges([change(SITE_SETTING, 'sitesetting0000000000001', 'es')]);
    const spanish = (await expectedPages()).filter((page) => page.locale === 'es');
    expect(rewrittenSince()).toEqual(spanish.map((page) => page.file).sort());
  });

  it('an unpublished article: its pages are removed, the pages that listed it rendered', async () => {
    const site = renderer();
    await site.renderAll();
    markAll();
    const { documentId } = articles.en[0]!;
    cms.publish(ARTICLE, 'en', documentId, null);
    const report = await site.renderChanges([change(ARTICLE, documentId, 'en')]);
    expect(report).toMatchObject({ full: false, removed: 1, failed: 0 });
    expect(existsSync(join(outDir, 'articles/ketamine-for-depression.html'))).toBe(false);
    // The Spanish article's language switch pointed at it.
    expect(rewrittenSince()).toEqual([
      'articles.html',
      'es/articles/ketamina-para-la-depresion.html',
      'index.html',
    ]);
    expect(read('sitemap.xml')).not.toContain('/articles/ketamine-for-depression<');
  });

  it('a new article: its page is written, and the list and home show it', async () => {
    const site = renderer();
    await site.renderAll();
    markAll();
    const documentId = 'newarticle00000000000001';
    cms.publish(ARTICLE, 'en', documentId, {
      ...articles.en[0]!,
      id: 500,
      title: 'A new article',
      slug: 'a-new-article',
    });
    await site.renderChanges([change(ARTICLE, documentId, 'en')]);
    expect(rewrittenSince()).toEqual([
      'articles.html',
      'articles/a-new-article.html',
      'index.html',
    ]);
    expect(read('sitemap.xml')).toContain('https://clinic.example/articles/a-new-article');
  });

  it('asks the CMS only what the change could alter', async () => {
    const site = renderer();
    await site.renderAll();
    const before = cms.requests.length;
    const term = glossaryTerms.es[0]!;
    await site.renderChanges([change(GLOSSARY_TERM, term.documentId, 'es')]);
    const asked = cms.requests.slice(before).map((r) => `${r.path}?locale=${r.query.locale}`);
    // The Spanish listing asks again for that one term.
    expect(asked).toEqual([`/api/glossary-terms/${term.documentId}?locale=es`]);
  });

  it.each([
    ['a locale', change('plugin::i18n.locale', null, 'fr')],
    ['the Public role', change('plugin::users-permissions.permission', null, null)],
    ['a collection entry without a documentId', change(FAQ, null, 'en')],
  ])('%s changed: a full render', async (_name, unknown) => {
    const site = renderer();
    await site.renderAll();
    const report = await site.renderChanges([unknown]);
    expect(report.full).toBe(true);
  });
});

describe('search index', () => {
  afterAll(() => closeSearchIndexer());

  it('has each question its own result, and articles, in the language of their pages', async () => {
    await renderer().renderAll();
    const [en, es] = [faqs.en[1]!, faqs.es[1]!];

    const english = await searchSite(outDir, 'en', 'genetic');
    expect(english.map((result) => [result.url, result.meta.title])).toContainEqual([
      `/faq#faq-${en.documentId}`,
      en.question,
    ]);
    expect(english.every((result) => !result.url.startsWith('/es'))).toBe(true);
    const spanish = await searchSite(outDir, 'es', 'genética');
    expect(spanish.map((result) => result.url)).toContain(`/es/faq#faq-${es.documentId}`);
    expect(spanish.every((result) => result.url.startsWith('/es/'))).toBe(true);
    // Articles are their own result; pages that only list others (home, the list) are not.
    const article = await searchSite(outDir, 'en', 'ketamine');
    expect(article.map((result) => result.url)).toContain('/articles/ketamine-for-depression');
    expect(article.map((result) => result.url)).not.toContain('/');
    expect(article.map((result) => result.url)).not.toContain('/articles');
  });

  it('a published question is found after the render of the change', async () => {
    const site = renderer();
    await site.renderAll();
    const faq = faqs.en[0]!;
    cms.publish(FAQ, 'en', faq.documentId, { question: 'Does zygomorphic light help?' });

    const report = await site.renderChanges([change(FAQ, faq.documentId, 'en')]);

    expect(report.search).toMatchObject({ documents: expect.any(Number) });
    const results = await searchSite(outDir, 'en', 'zygomorphic');
    expect(results.map((result) => result.url)).toEqual([`/faq#faq-${faq.documentId}`]);
  });
});
