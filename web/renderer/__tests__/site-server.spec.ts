// @vitest-environment node
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSiteServer, NOT_FORWARDED_REQUEST_HEADERS } from '../site-server';

let root: string;
let site: Server;
let cms: Server;
let base: string;
let cmsUp = true;

const STYLE_SRC = "'sha256-abc123='";
const CMS_PUBLIC_URL = 'https://cms.example.org';

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
    'pagefind/pagefind-entry.json': '{"version":"1.6.0"}',
    'pagefind/pagefind.js': 'export {}',
    'pagefind/index/en_abc1234.pf_index': 'chunk',
    'pagefind/pagefind.en_abc1234.pf_meta': 'meta',
  })) {
    mkdirSync(join(root, file, '..'), { recursive: true });
    writeFileSync(join(root, file), content);
  }
  cms = createServer((req, res) => {
    if (!cmsUp) return req.socket.destroy();
    res.writeHead(200, {
      'content-type': 'application/json',
      'x-upstream': 'cms',
      // Strapi's own security headers, which nginx replaces with the site's.
      'x-powered-by': 'Strapi <strapi.io>',
      'content-security-policy': "default-src 'self'",
      'x-content-type-options': 'nosniff',
    });
    res.end(JSON.stringify({ path: req.url, host: req.headers.host, headers: req.headers }));
  });
  const cmsUrl = await listen(cms);
  site = createSiteServer({ root, cmsUrl, styleSrc: STYLE_SRC, cmsPublicUrl: CMS_PUBLIC_URL });
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

  it('the search index: its hashed chunks cached for a year, the files naming them revalidated', async () => {
    for (const path of [
      '/pagefind/index/en_abc1234.pf_index',
      '/pagefind/pagefind.en_abc1234.pf_meta',
    ]) {
      const response = await get(path);
      expect(response.status, path).toBe(200);
      expect(response.headers.get('cache-control'), path).toBe(
        'public, max-age=31536000, immutable',
      );
    }
    for (const path of ['/pagefind/pagefind-entry.json', '/pagefind/pagefind.js']) {
      const response = await get(path);
      expect(response.status, path).toBe(200);
      expect(response.headers.get('cache-control'), path).toBe('no-cache');
    }
    expect((await get('/pagefind/index/en_missing.pf_index')).status).toBe(404);
    // Pagefind's WebAssembly may be compiled; JavaScript eval stays forbidden.
    expect((await get('/')).headers.get('content-security-policy')).toContain(
      "script-src 'self' 'wasm-unsafe-eval';",
    );
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

  it('drops the request headers nginx drops before the CMS, and says who the client is', async () => {
    const forged = {
      ...Object.fromEntries(nginxDroppedHeaders.map((name) => [name, 'v4'])),
      'x-forwarded-for': '127.0.0.1, 203.0.113.9',
      'x-real-ip': '203.0.113.9',
      forwarded: 'for=203.0.113.9',
    };
    const response = await get('/api/faqs?locale=en', forged);
    const { headers } = (await response.json()) as { headers: Record<string, string> };
    for (const name of nginxDroppedHeaders) expect(headers, name).not.toHaveProperty(name);
    expect(headers['x-forwarded-for']).toBe('127.0.0.1');
    expect(headers['x-real-ip']).toBe('127.0.0.1');
    expect(headers['x-forwarded-proto']).toBe('http');
  });
});

/**
 * nginx's configuration, read as nginx reads it: the headers its security-headers snippet adds
 * (web/nginx/snippets/security-headers.conf, with default.conf's $content_security_policy), and
 * the request headers its strip snippet drops. The site server must do the same.
 */
const nginxFile = (path: string) =>
  readFileSync(new URL(`../../nginx/${path}`, import.meta.url), 'utf8').replace(/#.*$/gm, '');

/** `proxy_set_header <name> "";` (not sent) in the snippets that proxy to the CMS. */
const nginxDroppedHeaders = ['snippets/strip-reshaping-headers.conf', 'snippets/proxy-cms.conf']
  .flatMap((file) => [...nginxFile(file).matchAll(/^\s*proxy_set_header\s+([\w-]+)\s+""\s*;/gm)])
  .map((match) => match[1]!.toLowerCase())
  // Hop-by-hop: nginx's own connection to the CMS, not something a client asked for.
  .filter((name) => name !== 'connection');

/** The headers nginx adds to a response over plain HTTP with no trusted front proxy. */
function nginxSecurityHeaders(): Record<string, string> {
  const csp = /set \$content_security_policy "([^"]*)";/.exec(nginxFile('default.conf'))?.[1];
  if (!csp) throw new Error('default.conf sets no $content_security_policy');
  const variables: Record<string, string> = {
    $content_security_policy: csp
      .replace('${CSP_STYLE_SRC}', STYLE_SRC)
      .replace('${CMS_PUBLIC_URL}', CMS_PUBLIC_URL),
    // Only over HTTPS from a trusted front proxy: empty, so not sent.
    $strict_transport_security: '',
  };
  const headers: Record<string, string> = {};
  for (const [, name, quoted, variable] of nginxFile('snippets/security-headers.conf').matchAll(
    /^\s*add_header\s+([\w-]+)\s+(?:"([^"]*)"|(\$\w+))\s+always\s*;/gm,
  )) {
    const value = quoted ?? variables[variable!];
    if (value === undefined) throw new Error(`unknown nginx variable ${variable}`);
    if (value !== '') headers[name!.toLowerCase()] = value;
  }
  return headers;
}

describe('site server and nginx send the same security headers', () => {
  const expected = nginxSecurityHeaders();
  const securityHeaderNames = [
    ...Object.keys(expected),
    'strict-transport-security',
    'x-powered-by',
  ];
  const security = (response: Response) =>
    Object.fromEntries(
      securityHeaderNames
        .map((name) => [name, response.headers.get(name)] as const)
        .filter(([, value]) => value !== null),
    );

  it('reads what nginx sends (a CSP with frame-ancestors, nosniff, …)', () => {
    expect(expected['content-security-policy']).toContain(
      `frame-ancestors 'self' ${CMS_PUBLIC_URL}`,
    );
    expect(expected['content-security-policy']).toContain(`style-src 'self' ${STYLE_SRC}`);
    expect(expected['x-content-type-options']).toBe('nosniff');
    expect(Object.keys(expected).length).toBeGreaterThanOrEqual(4);
  });

  it.each([
    ['a page', '/faq', {}],
    ['a missing page', '/no-such-page', {}],
    ['an asset', '/assets/index-abc123.js', {}],
    ['robots.txt', '/robots.txt', {}],
    ['a bad path', '/%00', {}],
    ["the API (Strapi's own headers replaced)", '/api/faqs?locale=en', {}],
    ['media from the CMS', '/uploads/a.png', {}],
  ])('%s', async (_, path, headers) => {
    expect(security(await get(path, headers))).toEqual(expected);
  });

  it('a revalidation, a refused method and the CMS being down', async () => {
    const etag = (await get('/faq')).headers.get('etag')!;
    expect(security(await get('/faq', { 'if-none-match': etag }))).toEqual(expected);
    expect(security(await fetch(`${base}/faq`, { method: 'POST' }))).toEqual(expected);
    cmsUp = false;
    try {
      expect(security(await get('/api/faqs'))).toEqual(expected);
    } finally {
      cmsUp = true;
    }
  });

  it('drops exactly the request headers nginx drops', () => {
    expect(nginxDroppedHeaders).toContain('strapi-response-format');
    expect(nginxDroppedHeaders).toContain('forwarded');
    expect([...NOT_FORWARDED_REQUEST_HEADERS].sort()).toEqual([...nginxDroppedHeaders].sort());
  });
});
