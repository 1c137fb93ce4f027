import { createReadStream } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import {
  createServer,
  request as httpRequest,
  type IncomingMessage,
  type Server,
  type ServerResponse,
} from 'node:http';
import { extname, join, normalize } from 'node:path';
import { gzipSync } from 'node:zlib';
import { isHashedSearchFile } from './search-index';
import { createRedirectLookup, type RedirectLookup } from './redirects';

/**
 * Serves the prerendered site the way the production nginx config does (web/nginx/default.conf),
 * for `npm start` and the tests on machines without nginx:
 * - `/faq` → `faq.html`; real files (scripts, styles, robots.txt, sitemap.xml) as they are;
 * - a page that does not exist but has moved: 301 to its new address (./redirects.ts);
 * - anything else: status 404 with the 404 page (`es/404.html` under `/es/`);
 * - `/api/` and `/uploads/` proxied to the CMS;
 * - hashed assets and search index chunks cached for a year, everything else revalidated
 *   (ETag → 304); gzip.
 */
export interface SiteServerOptions {
  root: string;
  cmsUrl: string;
  /**
   * The CMS admin's public URL(s), space-separated: allowed to frame the site (Strapi's preview),
   * as nginx's CMS_PUBLIC_URL. Default: `cmsUrl`'s origin.
   */
  cmsPublicUrl?: string;
  /** CSP sources for the pages' inline stylesheet (its hash, from the build). */
  styleSrc?: string;
  /** Where a missing page moved; default: the renderer's redirects.json in `root`. */
  redirects?: RedirectLookup;
}

/**
 * Request headers never passed on to the CMS, as nginx drops them (proxy_set_header … ""):
 * web/nginx/snippets/strip-reshaping-headers.conf (headers that reshape Strapi's answers: the
 * caches key on the URL) and `Forwarded` (proxy-cms.conf: the client is named by X-Forwarded-For,
 * which this server sets itself). The tests compare the list with nginx's.
 */
export const NOT_FORWARDED_REQUEST_HEADERS: readonly string[] = [
  'strapi-response-format',
  'strapi-encode-source-maps',
  'forwarded',
];

/** Strapi's security headers on proxied answers, replaced by the site's (proxy-cms.conf). */
const HIDDEN_RESPONSE_HEADERS = [
  'x-powered-by',
  'content-security-policy',
  'x-content-type-options',
  'referrer-policy',
  'permissions-policy',
  'strict-transport-security',
];

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
};
const COMPRESSIBLE = new Set(['.html', '.js', '.css', '.json', '.xml', '.txt', '.svg']);

/**
 * The headers nginx adds to every answer (web/nginx/snippets/security-headers.conf, with
 * default.conf's $content_security_policy). Strict-Transport-Security is not among them: nginx
 * sends it only over HTTPS through a trusted front proxy, and this server is plain HTTP. The tests
 * read nginx's files and compare.
 */
export function securityHeaders(styleSrc: string, cmsPublicUrl: string): Record<string, string> {
  return {
    'content-security-policy':
      `default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self' ${styleSrc}; img-src 'self' data:; ` +
      "font-src 'self'; connect-src 'self'; media-src 'self'; object-src 'none'; base-uri 'self'; " +
      `form-action 'self'; frame-ancestors 'self' ${cmsPublicUrl}`,
    'x-content-type-options': 'nosniff',
    'referrer-policy': 'strict-origin-when-cross-origin',
    'permissions-policy':
      'accelerometer=(), camera=(), geolocation=(), gyroscope=(), magnetometer=(), ' +
      'microphone=(), payment=(), usb=(), browsing-topics=()',
  };
}

export function createSiteServer({
  root,
  cmsUrl,
  cmsPublicUrl,
  styleSrc = '',
  redirects = createRedirectLookup(root),
}: SiteServerOptions): Server {
  const cms = new URL(cmsUrl);
  const headers = securityHeaders(styleSrc, cmsPublicUrl || cms.origin);

  return createServer((req, res) => {
    // On every answer, as nginx's `add_header … always` does.
    for (const [name, value] of Object.entries(headers)) res.setHeader(name, value);
    const url = new URL(req.url ?? '/', 'http://site');
    if (url.pathname.startsWith('/api/') || url.pathname.startsWith('/uploads/')) {
      return proxy(req, res, cms);
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, { allow: 'GET, HEAD', 'content-type': 'text/plain' });
      return res.end('Method not allowed\n');
    }
    serveFile(root, url, req, res, redirects).catch(() => {
      if (!res.headersSent) res.writeHead(500, { 'content-type': 'text/plain' });
      res.end('Internal error\n');
    });
  });
}

/** The file a URL path is served from, or null (a 404). */
async function resolveFile(root: string, pathname: string): Promise<string | null> {
  const candidates =
    pathname === '/' ? ['index.html'] : [`${pathname.slice(1)}.html`, pathname.slice(1)];
  for (const candidate of candidates) {
    const file = normalize(candidate);
    // 404 pages are only ever served as the answer to a missing page; temporary files never.
    if (/(^|\/)404\.html$/.test(file) || file.endsWith('.tmp')) continue;
    const info = await stat(join(root, file)).catch(() => null);
    if (info?.isFile()) return file;
  }
  return null;
}

async function serveFile(
  root: string,
  url: URL,
  req: IncomingMessage,
  res: ServerResponse,
  redirects: RedirectLookup,
) {
  let pathname: string;
  try {
    pathname = decodeURIComponent(url.pathname);
  } catch {
    pathname = '';
  }
  if (!pathname || pathname.includes('\0') || pathname.split('/').includes('..')) {
    res.writeHead(400, { 'content-type': 'text/plain' });
    return res.end('Bad request\n');
  }
  if (pathname.length > 1 && pathname.endsWith('/')) {
    res.writeHead(301, { location: pathname.replace(/\/+$/, '') + url.search });
    return res.end();
  }

  const file = await resolveFile(root, pathname);
  if (!file) {
    // As nginx's `@redirects`: only a page that does not exist can have moved.
    const location = await redirects(url.pathname, url.search);
    if (location) {
      res.writeHead(301, { location, 'cache-control': 'no-cache', 'content-length': '0' });
      return res.end();
    }
    const notFound = pathname === '/es' || pathname.startsWith('/es/') ? 'es/404.html' : '404.html';
    return send(root, notFound, 404, req, res).catch(() => {
      res.writeHead(404, { 'content-type': 'text/plain' });
      res.end('Not found\n');
    });
  }
  return send(root, file, 200, req, res);
}

async function send(
  root: string,
  file: string,
  status: number,
  req: IncomingMessage,
  res: ServerResponse,
) {
  const path = join(root, file);
  const info = await stat(path);
  const ext = extname(file);
  const etag = `W/"${info.size.toString(16)}-${Math.floor(info.mtimeMs).toString(16)}"`;
  const headers: Record<string, string> = {
    'content-type': TYPES[ext] ?? 'application/octet-stream',
    'cache-control':
      file.startsWith('assets/') || isHashedSearchFile(file)
        ? 'public, max-age=31536000, immutable'
        : 'no-cache',
    etag,
    vary: 'Accept-Encoding',
  };
  if (status === 200 && req.headers['if-none-match'] === etag) {
    res.writeHead(304, headers);
    return res.end();
  }
  const gzip = COMPRESSIBLE.has(ext) && /\bgzip\b/.test(req.headers['accept-encoding'] ?? '');
  if (gzip) {
    const body = gzipSync(await readFile(path));
    res.writeHead(status, {
      ...headers,
      'content-encoding': 'gzip',
      'content-length': String(body.length),
    });
    return res.end(req.method === 'HEAD' ? undefined : body);
  }
  res.writeHead(status, { ...headers, 'content-length': String(info.size) });
  if (req.method === 'HEAD') return res.end();
  createReadStream(path).pipe(res);
}

/**
 * Passes the request to the CMS as nginx does (proxy-cms.conf): the client named by the address
 * this server saw (X-Forwarded-For overwritten, never appended to), the headers nginx drops
 * dropped, Strapi's security headers replaced by the site's; 502 with a message when the CMS
 * cannot be reached.
 */
function proxy(req: IncomingMessage, res: ServerResponse, cms: URL) {
  const headers = { ...req.headers };
  for (const name of NOT_FORWARDED_REQUEST_HEADERS) delete headers[name];
  const client = req.socket.remoteAddress ?? '';
  const upstream = httpRequest(
    {
      protocol: cms.protocol,
      hostname: cms.hostname,
      port: cms.port,
      method: req.method,
      path: req.url,
      headers: {
        ...headers,
        host: cms.host,
        'x-forwarded-host': req.headers.host ?? '',
        'x-forwarded-for': client,
        'x-real-ip': client,
        'x-forwarded-proto': 'http',
      },
    },
    (answer) => {
      const answerHeaders = { ...answer.headers };
      for (const name of HIDDEN_RESPONSE_HEADERS) delete answerHeaders[name];
      res.writeHead(answer.statusCode ?? 502, answerHeaders);
      answer.pipe(res);
    },
  );
  upstream.on('error', () => {
    if (res.headersSent) return res.destroy();
    res.writeHead(502, { 'content-type': 'application/json' });
    res.end(
      JSON.stringify({ data: null, error: { status: 502, message: 'The CMS is not reachable' } }),
    );
  });
  req.pipe(upstream);
}
