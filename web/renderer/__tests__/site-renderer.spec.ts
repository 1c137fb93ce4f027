// @vitest-environment node
import {
  mkdtempSync,
  readFileSync,
  existsSync,
  mkdirSync,
  writeFileSync,
  readdirSync,
} from 'node:fs';
import { rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { installFakeCms, type FakeCms } from '@/test/cms';
import { articles, errorBody, faqs, listBody } from '@/api/__tests__/fixtures/strapi';
import { ARTICLE } from '../changes';
import { createSiteRenderer } from '../site-renderer';

/**
 * The renderer against a fake CMS at the HTTP edge (the same fixtures as the site's tests), with
 * a minimal built client as its template.
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
const allFiles = () => readdirSync(outDir, { recursive: true }).map(String).sort();

describe('full render', () => {
  it('writes every page, the app files, the sitemap and robots.txt', async () => {
    const report = await renderer().renderAll();
    expect(report).toMatchObject({ full: true, failed: 0, pages: 16 });
    for (const file of [
      'index.html',
      'es.html',
      'faq.html',
      'es/faq.html',
      'articles/ketamine-for-depression.html',
      'es/articles/ketamina-para-la-depresion.html',
      '404.html',
      'es/404.html',
      'assets/index-abc.js',
      'favicon.svg',
      'sitemap.xml',
      'robots.txt',
    ]) {
      expect(existsSync(join(outDir, file)), file).toBe(true);
    }
    // The template stays out: it is not a page.
    expect(allFiles().some((file) => file.includes('.vite'))).toBe(false);
    expect(allFiles().some((file) => file.endsWith('.tmp'))).toBe(false);
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
  });

  it('the sitemap lists every indexable page with its alternates; robots.txt points at it', async () => {
    await renderer().renderAll();
    const sitemap = read('sitemap.xml');
    const locs = [...sitemap.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => m[1]);
    expect(locs.sort()).toEqual(
      [
        'https://clinic.example/',
        'https://clinic.example/articles',
        'https://clinic.example/articles/ketamine-for-depression',
        'https://clinic.example/faq',
        'https://clinic.example/risk-factors',
        'https://clinic.example/es',
        'https://clinic.example/es/articles',
        'https://clinic.example/es/articles/ketamina-para-la-depresion',
        'https://clinic.example/es/faq',
        'https://clinic.example/es/risk-factors',
      ].sort(),
    );
    expect(sitemap).toContain(
      '<xhtml:link rel="alternate" hreflang="es" href="https://clinic.example/es/articles/ketamina-para-la-depresion"/>',
    );
    expect(sitemap).toMatch(/<lastmod>\d{4}-\d\d-\d\dT/);
    expect(read('robots.txt')).toBe(
      'User-agent: *\nDisallow: /preview\nDisallow: /es/preview\n\nSitemap: https://clinic.example/sitemap.xml\n',
    );
  });

  it('renders CMS text as text: markup in content cannot become markup or end the state script', async () => {
    const evil = '</script><script>alert(1)</script><img src=x onerror=alert(2)>';
    cms.override('/faqs', (req) => ({
      status: 200,
      body: listBody(
        faqs[req.query.locale === 'es' ? 'es' : 'en'].map((faq, i) =>
          i === 0 ? { ...faq, question: `${evil}?` } : faq,
        ),
      ),
    }));
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

  it('a CMS that cannot be read writes nothing and keeps the last pages', async () => {
    const site = renderer();
    await site.renderAll();
    const before = read('faq.html');
    cms.override('/faqs', { status: 500, body: errorBody(500) });
    await expect(site.renderAll()).rejects.toThrow();
    expect(read('faq.html')).toBe(before);
  });

  it('a page that fails to render keeps its last version; the others are written', async () => {
    const site = renderer();
    await site.renderAll();
    writeFileSync(join(outDir, 'es.html'), 'last good Spanish home');
    writeFileSync(join(outDir, 'index.html'), 'old English home');
    // The Spanish settings unpublished: no Spanish page can be rendered, English ones can.
    cms.override('/site-setting', (req) =>
      req.query.locale === 'es' ? { status: 404, body: errorBody(404) } : undefined,
    );
    const report = await site.renderAll();
    expect(report.failed).toBe(8);
    expect(read('es.html')).toBe('last good Spanish home');
    expect(read('index.html')).toContain('data-testid="crisis-help"');
    expect(logs.some((line) => /could not render \/es\/faq .*settings/.test(line))).toBe(true);
  });
});

describe('render for changes', () => {
  it('an unpublished article: its pages are removed, the lists re-rendered', async () => {
    const site = renderer();
    await site.renderAll();
    const documentId = articles.en[0]!.documentId;
    cms.override('/articles', { status: 200, body: listBody([]) });
    cms.override(`/articles/${documentId}`, { status: 404, body: errorBody(404) });
    const report = await site.renderChanges([{ uid: ARTICLE, action: 'unpublish', documentId }]);
    expect(report).toMatchObject({ full: false, removed: 2, failed: 0 });
    expect(existsSync(join(outDir, 'articles/ketamine-for-depression.html'))).toBe(false);
    expect(existsSync(join(outDir, 'es/articles/ketamina-para-la-depresion.html'))).toBe(false);
    expect(read('articles.html')).not.toContain('ketamine-for-depression');
    expect(read('sitemap.xml')).not.toContain('ketamine-for-depression');
  });

  it('fetches only what changed', async () => {
    const site = renderer();
    await site.renderAll();
    const before = cms.requests.length;
    await site.renderChanges([{ uid: 'api::faq.faq', action: 'publish', documentId: 'x' }]);
    const paths = cms.requests.slice(before).map((r) => r.path);
    expect(paths.sort()).toEqual(['/api/faqs', '/api/faqs']);
  });
});
