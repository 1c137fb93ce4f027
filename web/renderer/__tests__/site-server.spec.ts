// @vitest-environment node
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSiteServer } from '../site-server';

let root: string;
let site: Server;
let cms: Server;
let base: string;
let cmsUp = true;

const listen = (server: Server) =>
  new Promise<string>((resolve) =>
    server.listen(0, '127.0.0.1', () =>
      resolve(`http://127.0.0.1:${(server.address() as AddressInfo).port}`),
    ),
  );

beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), 'served-'));
  for (const [file, content] of Object.entries({
    'index.html': '<h1>Home</h1>',
    'faq.html': '<h1>FAQ</h1>'.padEnd(2000, ' '),
    'es.html': '<h1>Inicio</h1>',
    'es/faq.html': '<h1>Preguntas</h1>',
    '404.html': '<h1>Page not found</h1>',
    'es/404.html': '<h1>Página no encontrada</h1>',
    'assets/index-abc123.js': 'console.log("app")',
    'robots.txt': 'User-agent: *\n',
    'sitemap.xml': '<?xml version="1.0"?><urlset/>',
    'faq.html.abc.tmp': 'half-written',
  })) {
    mkdirSync(join(root, file, '..'), { recursive: true });
    writeFileSync(join(root, file), content);
  }
  cms = createServer((req, res) => {
    if (!cmsUp) return req.socket.destroy();
    res.writeHead(200, { 'content-type': 'application/json', 'x-upstream': 'cms' });
    res.end(JSON.stringify({ path: req.url, host: req.headers.host }));
  });
  const cmsUrl = await listen(cms);
  site = createSiteServer({ root, cmsUrl });
  base = await listen(site);
});

afterAll(async () => {
  site.close();
  cms.close();
  await rm(root, { recursive: true, force: true });
});

const get = (path: string, headers: Record<string, string> = {}) =>
  fetch(base + path, { headers, redirect: 'manual' });

describe('site server', () => {
  it.each([
    ['/', 'Home'],
    ['/faq', 'FAQ'],
    ['/es', 'Inicio'],
    ['/es/faq', 'Preguntas'],
  ])('serves %s from its prerendered file, revalidated', async (path, text) => {
    const response = await get(path);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(response.headers.get('cache-control')).toBe('no-cache');
    expect(await response.text()).toContain(text);
  });

  it.each([
    ['/no-such-page', 'Page not found'],
    ['/articles/removed-article', 'Page not found'],
    ['/es/no-existe', 'Página no encontrada'],
    ['/404', 'Page not found'],
    ['/faq.html.abc.tmp', 'Page not found'],
  ])('answers %s with 404 and the 404 page', async (path, text) => {
    const response = await get(path);
    expect(response.status).toBe(404);
    expect(await response.text()).toContain(text);
  });

  it('robots.txt and sitemap.xml have their own types', async () => {
    expect((await get('/robots.txt')).headers.get('content-type')).toBe(
      'text/plain; charset=utf-8',
    );
    expect((await get('/sitemap.xml')).headers.get('content-type')).toBe(
      'application/xml; charset=utf-8',
    );
  });

  it('hashed assets are cached for a year; a missing asset is a 404, never a page', async () => {
    const response = await get('/assets/index-abc123.js');
    expect(response.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect(response.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect((await get('/assets/missing.js')).status).toBe(404);
  });

  it('revalidation: the same ETag answers 304 with no body', async () => {
    const first = await get('/faq');
    const etag = first.headers.get('etag')!;
    const again = await get('/faq', { 'if-none-match': etag });
    expect(again.status).toBe(304);
    expect(await again.text()).toBe('');
  });

  it('gzips text when the browser accepts it', async () => {
    const response = await new Promise<{ encoding?: string; body: Buffer }>((resolve) => {
      import('node:http').then(({ get: httpGet }) =>
        httpGet(`${base}/faq`, { headers: { 'accept-encoding': 'gzip' } }, (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('end', () =>
            resolve({ encoding: res.headers['content-encoding'], body: Buffer.concat(chunks) }),
          );
        }),
      );
    });
    expect(response.encoding).toBe('gzip');
    expect(gunzipSync(response.body).toString()).toContain('FAQ');
  });

  it('redirects a trailing slash to the page', async () => {
    const response = await get('/faq/');
    expect(response.status).toBe(301);
    expect(response.headers.get('location')).toBe('/faq');
  });

  it.each(['/%2e%2e/etc/passwd', '/a/../../etc/passwd', '/%00', '/%E0%A4%A'])(
    'refuses %s (400), never reads outside the site',
    async (path) => {
      const response = await fetch(base + path);
      expect([400, 404]).toContain(response.status);
      expect(await response.text()).not.toContain('root:');
    },
  );

  it('proxies /api and /uploads to the CMS', async () => {
    const response = await get('/api/faqs?locale=en');
    expect(response.headers.get('x-upstream')).toBe('cms');
    expect(await response.json()).toMatchObject({ path: '/api/faqs?locale=en' });
    expect((await get('/uploads/a.png')).headers.get('x-upstream')).toBe('cms');
  });

  it('answers 502 with a message when the CMS is down', async () => {
    cmsUp = false;
    try {
      const response = await get('/api/faqs');
      expect(response.status).toBe(502);
      expect((await response.json()).error.message).toBe('The CMS is not reachable');
    } finally {
      cmsUp = true;
    }
  });

  it('only GET and HEAD for pages', async () => {
    expect((await fetch(`${base}/faq`, { method: 'POST' })).status).toBe(405);
    expect((await fetch(`${base}/faq`, { method: 'HEAD' })).status).toBe(200);
  });
});
