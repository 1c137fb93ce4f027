/**
 * The renderer service: prerenders the public site into SITE_DIR, then keeps it current.
 *
 *   node dist/server/main.js        (after `pnpm --filter web build`)
 *
 * Environment:
 *   CMS_URL                        the CMS, read as a visitor reads it   (http://127.0.0.1:1337)
 *   SITE_URL                       the site's public origin              (http://localhost:8080)
 *   SITE_DIR                       where the pages are written           (web/.site)
 *   RENDER_HOOK_SECRET             shared with the CMS, signs change notifications (required;
 *                                  with NODE_ENV=production, 32+ characters, no placeholder)
 *   RENDERER_HOST, RENDERER_PORT   where the CMS's notifications arrive  (127.0.0.1:4000)
 *   FULL_RENDER_INTERVAL_SECONDS   periodic full render, 0 = never       (600)
 *   SERVE_PORT, SERVE_HOST         also serve SITE_DIR there, /api and /uploads proxied to
 *                                  CMS_URL (npm start; production uses nginx)
 *   CMS_PUBLIC_URL                 with SERVE_PORT: the CMS admin's URL(s), space-separated,
 *                                  allowed to frame the site (Strapi's preview)  (CMS_URL)
 */
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createSiteRenderer } from './site-renderer';
import { createRenderQueue } from './render-queue';
import { createHookServer } from './hook-server';
import { createSiteServer } from './site-server';
import { closeSearchIndexer } from './search-index';
import { createRedirectLookup } from './redirects';
import { secretProblem } from '@clinic/contract';

const env = process.env;
const log = (message: string) => console.log(`[renderer] ${message}`);

function fail(message: string): never {
  console.error(`[renderer] ${message}`);
  process.exit(1);
}

const secret = env.RENDER_HOOK_SECRET?.trim() || fail('RENDER_HOOK_SECRET is required.');
// In production, a placeholder or short secret would let anyone who guesses it send the renderer
// change notifications (a render each): refuse to start, naming the variable.
if (env.NODE_ENV === 'production') {
  const problem = secretProblem('RENDER_HOOK_SECRET', secret);
  if (problem) fail(problem);
}
const cmsUrl = env.CMS_URL || 'http://127.0.0.1:1337';
const siteUrl = env.SITE_URL || 'http://localhost:8080';
const outDir = resolve(env.SITE_DIR || fileURLToPath(new URL('../../.site', import.meta.url)));
const clientDir = fileURLToPath(new URL('../client', import.meta.url));
const intervalSeconds = Number(env.FULL_RENDER_INTERVAL_SECONDS ?? 600);
if (!Number.isFinite(intervalSeconds) || intervalSeconds < 0) {
  fail('FULL_RENDER_INTERVAL_SECONDS must be a number of seconds (0 turns it off).');
}

const renderer = createSiteRenderer({ cmsUrl, siteUrl, outDir, clientDir, log });
const queue = createRenderQueue(renderer, { fullRenderIntervalMs: intervalSeconds * 1000 });

// nginx asks this server where a missing page moved (web/nginx/default.conf, `@redirects`).
const hooks = createHookServer(queue, secret, createRedirectLookup(outDir));
const hookPort = Number(env.RENDERER_PORT || 4000);
const hookHost = env.RENDERER_HOST || '127.0.0.1';
hooks.listen(hookPort, hookHost, () =>
  log(`change notifications: http://${hookHost}:${hookPort}/hooks/content; site in ${outDir}`),
);

const servePort = env.SERVE_PORT ? Number(env.SERVE_PORT) : 0;
const styleSrc = servePort
  ? readFileSync(join(clientDir, '.vite', 'csp-style-src.txt'), 'utf8').trim()
  : '';
const site = servePort
  ? createSiteServer({ root: outDir, cmsUrl, cmsPublicUrl: env.CMS_PUBLIC_URL, styleSrc })
  : null;
site?.listen(servePort, env.SERVE_HOST || '127.0.0.1', () =>
  log(`serving the site at http://localhost:${servePort}/ (/api → ${cmsUrl})`),
);

queue.start();
void queue.renderAll();

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, async () => {
    hooks.close();
    site?.close();
    await queue.stop();
    await closeSearchIndexer();
    process.exit(0);
  });
}
