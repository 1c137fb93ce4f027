// @vitest-environment node
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ContentChange } from '@clinic/contract';
import { ARTICLE } from '@/api';
import { articles } from '@/api/__tests__/fixtures/strapi';
import { installFakeCms, type FakeCms } from '@/test/cms';
import { createHookServer } from '../hook-server';
import {
  createRedirectLookup,
  parseRedirects,
  REDIRECT_UID,
  REDIRECTS_FILE,
  redirectsFileContent,
} from '../redirects';
import type { RenderQueue } from '../render-queue';
import { createSiteRenderer } from '../site-renderer';
import { createSiteServer } from '../site-server';

/**
 * Redirects on the site's side (./redirects.ts): the renderer writes the CMS's redirects beside
 * the pages; nginx's lookup (the hook server) and `npm start`'s server answer a missing page that
 * has one with a 301, read from that file as it changes.
 */
let root: string;
let servers: Server[] = [];

beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'redirects-'));
});
afterEach(async () => {
  for (const server of servers) await new Promise((resolve) => server.close(resolve));
  servers = [];
  await rm(root, { recursive: true, force: true });
});

const writeRedirects = (data: unknown) =>
  writeFileSync(join(root, REDIRECTS_FILE), JSON.stringify({ data }));

const listen = async (server: Server) => {
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
};

describe('the lookup', () => {
  it('finds a moved page by its path, decoded and without a trailing slash, keeping the query', async () => {
    writeRedirects([
      { source: '/articles/old', target: '/articles/new', locale: 'en' },
      { source: '/es/articles/viejo', target: '/es/glossary#cortisol', locale: 'es' },
      { source: '/articles/ñu', target: '/faq', locale: 'en' },
    ]);
    const lookup = createRedirectLookup(root);
    expect(await lookup('/articles/old')).toBe('/articles/new');
    expect(await lookup('/articles/old/', '?ref=mail')).toBe('/articles/new?ref=mail');
    expect(await lookup('/es/articles/viejo', '?a=1')).toBe('/es/glossary?a=1#cortisol');
    expect(await lookup('/articles/%C3%B1u')).toBe('/faq');
    expect(await lookup('/articles/new')).toBeNull();
    expect(await lookup('/ARTICLES/OLD')).toBeNull();
  });

  it('reads the file again when it changes, and has nothing without a good file', async () => {
    const lookup = createRedirectLookup(root);
    expect(await lookup('/a')).toBeNull(); // no file yet
    writeRedirects([{ source: '/a', target: '/b', locale: 'en' }]);
    expect(await lookup('/a')).toBe('/b');
    writeRedirects([{ source: '/a', target: '/c/longer', locale: 'en' }]);
    expect(await lookup('/a')).toBe('/c/longer');
    writeFileSync(join(root, REDIRECTS_FILE), '{"data": [');
    expect(await lookup('/a')).toBeNull();
  });

  it.each([
    ['another host', { source: '/a', target: '//evil.example/' }],
    ['a scheme', { source: '/a', target: 'https://evil.example/' }],
    ['a backslash', { source: '/a', target: '/\\evil.example' }],
    ['a relative source', { source: 'a', target: '/b' }],
  ])('refuses a list with %s (never an open redirect)', (_name, redirect) => {
    expect(parseRedirects({ data: [redirect] })).toBeNull();
    expect(parseRedirects({ data: [{ source: '/a', target: '/b' }] })).toEqual([
      { source: '/a', target: '/b' },
    ]);
  });
});

describe('the web servers', () => {
  beforeEach(() => {
    for (const [file, content] of Object.entries({
      'faq.html': '<h1>FAQ</h1>',
      '404.html': '<h1>Page not found</h1>',
      'es/404.html': '<h1>Página no encontrada</h1>',
    })) {
      mkdirSync(join(root, file, '..'), { recursive: true });
      writeFileSync(join(root, file), content);
    }
    writeRedirects([
      { source: '/articles/old', target: '/articles/new', locale: 'en' },
      { source: '/faq', target: '/elsewhere', locale: 'en' },
    ]);
  });

  it("npm start's server: 301 for a moved page, the page itself when it exists, else 404", async () => {
    const base = await listen(createSiteServer({ root, cmsUrl: 'http://127.0.0.1:9' }));
    const moved = await fetch(`${base}/articles/old?x=1`, { redirect: 'manual' });
    expect(moved.status).toBe(301);
    expect(moved.headers.get('location')).toBe('/articles/new?x=1');
    expect(moved.headers.get('content-security-policy')).toContain("default-src 'self'");
    const page = await fetch(`${base}/faq`, { redirect: 'manual' });
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('FAQ');
    const missing = await fetch(`${base}/es/articles/nothing`, { redirect: 'manual' });
    expect(missing.status).toBe(404);
    expect(await missing.text()).toContain('Página no encontrada');
  });

  it("nginx's lookup on the renderer: 301 with the new address, or 404", async () => {
    const queue = { renderChanges: vi.fn(), status: { lastSuccess: null, lastError: null } };
    const base = await listen(
      createHookServer(queue as unknown as RenderQueue, 'secret', createRedirectLookup(root)),
    );
    const moved = await fetch(`${base}/redirects/articles/old?x=1`, { redirect: 'manual' });
    expect(moved.status).toBe(301);
    expect(moved.headers.get('location')).toBe('/articles/new?x=1');
    expect((await fetch(`${base}/redirects/articles/other`)).status).toBe(404);
    expect((await fetch(`${base}/redirects/articles/old`, { method: 'POST' })).status).toBe(404);
  });
});

describe('the renderer', () => {
  let cms: FakeCms;
  let clientDir: string;
  const logs: string[] = [];
  const TEMPLATE = `<!doctype html><html lang="en"><head><meta charset="UTF-8" /><title>x</title></head><body><div id="app"><!--app-html--></div><!--app-state--></body></html>`;

  beforeEach(() => {
    cms = installFakeCms();
    clientDir = mkdtempSync(join(tmpdir(), 'client-'));
    mkdirSync(join(clientDir, '.vite'));
    writeFileSync(join(clientDir, 'index.html'), TEMPLATE);
    writeFileSync(join(clientDir, '.vite', 'ssr-manifest.json'), '{}');
    logs.length = 0;
  });
  afterEach(async () => {
    await rm(clientDir, { recursive: true, force: true });
  });

  const renderer = () =>
    createSiteRenderer({
      cmsUrl: 'http://cms.test',
      siteUrl: 'https://clinic.example',
      outDir: root,
      clientDir,
      log: (message) => logs.push(message),
    });
  const change = (uid: string, documentId: string, locale: string): ContentChange => ({
    uid,
    action: 'publish',
    documentId,
    locale,
    at: '2026-11-30T10:00:00.000Z',
  });
  const redirectsFile = () => readFileSync(join(root, REDIRECTS_FILE), 'utf8');
  let served: Array<{ source: string; target: string; locale: string }> = [];
  beforeEach(() => {
    served = [];
    cms.override('/api/site-redirects', () => ({ status: 200, body: { data: served } }));
  });

  it('writes the redirects with the site on a full render', async () => {
    served = [{ source: '/articles/old', target: '/articles/new', locale: 'en' }];
    await renderer().renderAll();
    expect(redirectsFile()).toBe(
      redirectsFileContent([{ source: '/articles/old', target: '/articles/new' }]),
    );
  });

  it('a renamed article: the redirect is written, the old page removed and out of the sitemap', async () => {
    const site = renderer();
    await site.renderAll();
    const old = articles.en[0]!;
    expect(existsSync(join(root, `articles/${old.slug}.html`))).toBe(true);
    expect(readFileSync(join(root, 'sitemap.xml'), 'utf8')).toContain(`/articles/${old.slug}<`);

    cms.publish(ARTICLE, 'en', old.documentId, { ...old, slug: 'renamed-article' });
    served = [
      { source: `/articles/${old.slug}`, target: '/articles/renamed-article', locale: 'en' },
    ];
    await site.renderChanges([
      change(ARTICLE, old.documentId, 'en'),
      change(REDIRECT_UID, 'redirect0000000000000001', 'en'),
    ]);
    expect(existsSync(join(root, `articles/${old.slug}.html`))).toBe(false);
    expect(existsSync(join(root, 'articles/renamed-article.html'))).toBe(true);
    const sitemap = readFileSync(join(root, 'sitemap.xml'), 'utf8');
    expect(sitemap).not.toContain(`/articles/${old.slug}<`);
    expect(sitemap).toContain('/articles/renamed-article<');
    expect(await createRedirectLookup(root)(`/articles/${old.slug}`)).toBe(
      '/articles/renamed-article',
    );
  });

  it('a redirect made by an editor rewrites the file and no page', async () => {
    const site = renderer();
    await site.renderAll();
    served = [{ source: '/old-leaflet', target: '/faq', locale: 'en' }];
    const report = await site.renderChanges([
      change(REDIRECT_UID, 'redirect0000000000000002', 'en'),
    ]);
    expect(report).toMatchObject({ full: false, pages: 0, removed: 0 });
    expect(await createRedirectLookup(root)('/old-leaflet')).toBe('/faq');
  });

  it('keeps the last redirects when the CMS cannot give them, and says so', async () => {
    const site = renderer();
    served = [{ source: '/kept', target: '/faq', locale: 'en' }];
    await site.renderAll();
    cms.override('/api/site-redirects', { status: 500, body: {} });
    await site.renderChanges([change(REDIRECT_UID, 'redirect0000000000000003', 'en')]);
    expect(await createRedirectLookup(root)('/kept')).toBe('/faq');
    expect(logs.join('\n')).toMatch(/could not read the redirects.*answered 500/);
    cms.override('/api/site-redirects', {
      status: 200,
      body: { data: [{ source: '/x', target: 'https://evil.example' }] },
    });
    await site.renderChanges([change(REDIRECT_UID, 'redirect0000000000000003', 'en')]);
    expect(await createRedirectLookup(root)('/kept')).toBe('/faq');
  });
});
