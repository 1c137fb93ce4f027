#!/usr/bin/env node
// `npm run audit`: how the site does for visitors, on the production-like stack, in figures.
// Prints, asserts nothing (tests assert behaviour; this measures).
//
//   1. Lighthouse 12 (mobile, default simulated throttling) on every public route in both
//      languages, against a fresh seeded CMS in production mode, the renderer's files and the
//      site's own nginx configuration (gzip, caching) — Node's site server when nginx is missing;
//   2. the renderer: a full render of the seed, then of 1,000 generated articles, and a
//      one-article re-render at that size (from the CMS's change notification to the page file,
//      and from the publish request to the new HTML being served), with the search index's
//      build time in each;
//   3. the site search in Chromium (scripts/lib/search-figures.mjs), at the seed and at 1,000
//      articles: index bytes per language, bytes fetched for a first query, time to results.
//
//   npm run audit                       # both
//   npm run audit -- --no-lighthouse    # the render timings only
//   npm run audit -- --articles 200     # fewer generated articles
import { spawn } from 'node:child_process';
import { createHmac, randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { adminLogin, createApiToken } from './lib/cms-admin.mjs';
import { ensureCmsBuilt, ensureWebBuilt } from './lib/builds.mjs';
import { freePort, rootDir, startCmsProcess, startProcess, waitFor } from './lib/cms-process.mjs';
import { ensureNginx, startNginx } from './lib/nginx.mjs';
import { measureSearch } from './lib/search-figures.mjs';

const args = process.argv.slice(2);
const ARTICLES = args.includes('--articles') ? Number(args[args.indexOf('--articles') + 1]) : 1000;
const LIGHTHOUSE = !args.includes('--no-lighthouse');
const webDir = join(rootDir, 'web');
const log = (message) => console.log(`[audit] ${message}`);

await ensureCmsBuilt(log);
await ensureWebBuilt(log);

const tmp = mkdtempSync(join(tmpdir(), 'audit-'));
const children = [];
async function stopAll() {
  await Promise.all(children.map((child) => child.stop()));
  rmSync(tmp, { recursive: true, force: true });
}
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => void stopAll().then(() => process.exit(130)));
}

const [rendererPort, sitePort] = [await freePort(), await freePort()];
const siteUrl = `http://127.0.0.1:${sitePort}`;
const secret = randomBytes(32).toString('base64');
const superAdmin = {
  email: 'audit@example.test',
  password: `Aud1t-${randomBytes(12).toString('hex')}`,
};
const siteDir = join(tmp, 'site');
const rendererUrl = `http://127.0.0.1:${rendererPort}`;

try {
  log('starting the CMS (production mode, fresh SQLite, seeded)…');
  const cms = await startCmsProcess({
    database: { client: 'sqlite', filename: join(tmp, 'data.db') },
    env: {
      SITE_URL: siteUrl,
      CORS_ORIGINS: siteUrl,
      ADMIN_EMAIL: superAdmin.email,
      ADMIN_PASSWORD: superAdmin.password,
      RENDERER_HOOK_URL: `${rendererUrl}/hooks/content`,
      RENDER_HOOK_SECRET: secret,
    },
    logFile: join(tmp, 'cms.log'),
  });
  children.push(cms);

  const nginx = ensureNginxQuietly();
  const renderer = startProcess('renderer', process.execPath, ['dist/server/main.js'], {
    cwd: webDir,
    env: {
      CMS_URL: cms.url,
      SITE_URL: siteUrl,
      SITE_DIR: siteDir,
      RENDER_HOOK_SECRET: secret,
      RENDERER_PORT: String(rendererPort),
      FULL_RENDER_INTERVAL_SECONDS: '0',
      // Without nginx, the renderer's own server stands in for it (gzip, caching, /api proxy).
      ...(nginx ? {} : { SERVE_PORT: String(sitePort) }),
    },
    logFile: join(tmp, 'renderer.log'),
  });
  children.push(renderer);
  await waitFor('the first render', async () => (await status()).lastSuccess !== null, {
    proc: renderer,
    timeoutMs: 120_000,
  });
  if (nginx) {
    children.push(
      await startNginx({
        port: sitePort,
        siteRoot: siteDir,
        cmsUrl: cms.url,
        dir: join(tmp, 'nginx'),
      }),
    );
  }
  log(
    `site at ${siteUrl} (${nginx ? "nginx with the site's configuration" : "the renderer's Node server"})`,
  );

  const renderTimes = [];
  renderTimes.push({ what: 'full render, seed (first, cold)', ...(await lastReport()) });
  renderTimes.push({ what: 'full render, seed', ...(await fullRender()) });

  if (LIGHTHOUSE) await lighthouseTable();
  const searchRows = await searchFigures('seed');

  if (ARTICLES > 0) {
    const token = await createApiToken(cms.url, await adminLogin(cms.url, superAdmin));
    log(`creating ${ARTICLES} published articles in English and Spanish…`);
    const created = await generateArticles(cms.url, token, ARTICLES);
    await idle();
    const size = `${created.length + 1} articles`;
    renderTimes.push({ what: `full render, ${size}`, ...(await fullRender()) });
    for (let round = 1; round <= 3; round += 1) {
      const article = created[(round * 7) % created.length];
      renderTimes.push({
        what: `one article re-rendered, ${size} (${round})`,
        ...(await republish(cms.url, token, article, round)),
      });
    }
  }
  if (ARTICLES > 0) searchRows.push(...(await searchFigures(`${ARTICLES + 1} articles`)));
  console.log('\nRenderer (the site rendered from the CMS into files):\n');
  console.table(renderTimes);
  if (searchRows.length) {
    console.log('\nSite search (Pagefind) in Chromium, mobile profile (4x CPU, 150 ms RTT):\n');
    console.table(searchRows);
  }
} finally {
  await stopAll();
}

function ensureNginxQuietly() {
  try {
    return ensureNginx();
  } catch {
    return null;
  }
}

async function status() {
  const response = await fetch(`${rendererUrl}/healthz`);
  return response.json();
}

async function lastReport() {
  const { lastSuccess } = await status();
  return {
    pages: lastSuccess.report.pages,
    'render ms': lastSuccess.report.ms,
    // Part of the render's time: the index is rebuilt after the page writes.
    'search index ms': lastSuccess.report.search?.ms,
  };
}

/** The search in Chromium, with the index's size per language from the last render. */
async function searchFigures(size) {
  const chrome = ['/usr/bin/chromium', '/usr/bin/chromium-browser', process.env.CHROME_PATH].find(
    (path) => path && existsSync(path),
  );
  if (!chrome) {
    log('no Chromium: skipping the search figures');
    return [];
  }
  log(`search in Chromium (${size})`);
  const bytes = (await status()).lastSuccess?.report.search?.bytes ?? {};
  const rows = await measureSearch({
    siteUrl,
    chromePath: chrome,
    queries: {
      en: ['ketamine', 'depression', 'genetic', 'generated', 'treatment', 'article', 'brain'],
      es: ['ketamina', 'depresiones', 'genética', 'generado', 'tratamiento', 'artículo', 'cerebro'],
    },
  });
  return rows.map((row) => ({
    size,
    ...row,
    'index KB': bytes[row.language] ? Math.round(bytes[row.language] / 1024) : undefined,
  }));
}

/** Waits until the renderer has nothing left to do. */
async function idle() {
  let quietSince = Date.now();
  await waitFor(
    'the renderer to finish',
    async () => {
      if ((await status()).rendering) quietSince = Date.now();
      return Date.now() - quietSince > 1500;
    },
    { timeoutMs: 600_000, intervalMs: 100 },
  );
}

/** A change notification the renderer does not know: it renders everything. */
async function fullRender() {
  const before = (await status()).lastSuccess?.at;
  await notify([{ uid: 'audit::full-render', action: 'update' }]);
  await waitFor('a full render', async () => (await status()).lastSuccess?.at !== before, {
    timeoutMs: 600_000,
    intervalMs: 50,
  });
  return lastReport();
}

async function notify(events) {
  const body = JSON.stringify({ events });
  const t = Date.now();
  const v1 = createHmac('sha256', secret).update(`${t}.${body}`).digest('hex');
  const response = await fetch(`${rendererUrl}/hooks/content`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-signature': `t=${t},v1=${v1}` },
    body,
  });
  if (response.status !== 202) throw new Error(`the renderer refused: ${response.status}`);
}

async function rest(cmsUrl, token, method, path, body) {
  const response = await fetch(`${cmsUrl}/api${path}`, {
    method,
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  if (!response.ok)
    throw new Error(`${method} ${path} → ${response.status}: ${await response.text()}`);
  return response.json();
}

/**
 * What clinical sign-off asks of an article before it is published (cms/src/sign-off): generated
 * load-test data, named as such, never clinic content.
 */
function generatedSignOff() {
  const day = (offset) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);
  return {
    reviewedBy: 'Generated for the audit (not a real review)',
    lastReviewed: day(0),
    nextReviewDue: day(180),
    references: [{ label: 'Generated reference', url: 'https://example.org/generated' }],
  };
}

/** Articles with a body of a few paragraphs, each published in English and Spanish. */
async function generateArticles(cmsUrl, token, count) {
  const body = (n, lang) =>
    Array.from({ length: 6 }, (_, i) => ({
      type: 'paragraph',
      children: [
        {
          type: 'text',
          text: `${lang === 'en' ? 'Generated paragraph' : 'Párrafo generado'} ${i + 1} of article ${n}. `.repeat(
            8,
          ),
        },
      ],
    }));
  const slugs = [];
  const started = Date.now();
  for (let next = 0; next < count;) {
    const batch = Array.from({ length: Math.min(10, count - next) }, (_, i) => next + i);
    next += batch.length;
    await Promise.all(
      batch.map(async (n) => {
        const slug = `generated-article-${n}`;
        const { data } = await rest(cmsUrl, token, 'POST', '/articles?locale=en&status=published', {
          data: {
            title: `Generated article ${n}`,
            slug,
            summary: `Summary of article ${n}.`,
            body: body(n, 'en'),
            ...generatedSignOff(),
          },
        });
        await rest(
          cmsUrl,
          token,
          'PUT',
          `/articles/${data.documentId}?locale=es&status=published`,
          {
            data: {
              title: `Artículo generado ${n}`,
              slug: `articulo-generado-${n}`,
              summary: `Resumen del artículo ${n}.`,
              body: body(n, 'es'),
              ...generatedSignOff(),
            },
          },
        );
        slugs.push({ documentId: data.documentId, slug });
      }),
    );
    if (next % 100 === 0)
      log(`  ${next} articles (${Math.round((Date.now() - started) / 1000)} s)`);
  }
  return slugs;
}

/** Publishes a new title for one article: how long until the renderer wrote it, and it is served. */
async function republish(cmsUrl, token, { documentId, slug }, round) {
  const title = `Generated article, edition ${round} ${Date.now()}`;
  const before = (await status()).lastSuccess?.at;
  const started = Date.now();
  await rest(cmsUrl, token, 'PUT', `/articles/${documentId}?locale=en&status=published`, {
    data: { title },
  });
  let served = 0;
  await waitFor(
    'the new title in the page',
    async () => {
      const html = await (await fetch(`${siteUrl}/articles/${slug}`)).text();
      if (html.includes(title)) served = Date.now() - started;
      return served > 0;
    },
    { timeoutMs: 60_000, intervalMs: 10 },
  );
  await waitFor('the render report', async () => (await status()).lastSuccess?.at !== before, {
    timeoutMs: 60_000,
    intervalMs: 20,
  });
  return { ...(await lastReport()), 'publish → served ms': served };
}

/**
 * The pages to measure: every page in the site's sitemap (so a new page is measured without
 * being listed here), but one article per language, not all of them; and the search pages, public
 * but kept out of the sitemap (noindex).
 */
async function auditedPaths() {
  const xml = await (await fetch(`${siteUrl}/sitemap.xml`)).text();
  const paths = [...xml.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => new URL(m[1]).pathname);
  paths.push('/search', '/es/search');
  const seen = new Set();
  return paths.filter((path) => {
    const kind = path.replace(/\/articles\/[^/]+$/, '/articles/:slug');
    if (seen.has(kind)) return false;
    seen.add(kind);
    return true;
  });
}

/** Lighthouse on every public route, one process per URL (several in one process misreport). */
async function lighthouseTable() {
  const chrome = ['/usr/bin/chromium', '/usr/bin/chromium-browser', process.env.CHROME_PATH].find(
    (path) => path && existsSync(path),
  );
  if (!chrome) {
    log('no Chromium: skipping Lighthouse (apt-get install chromium, or set CHROME_PATH)');
    return;
  }
  const rows = [];
  for (const path of await auditedPaths()) {
    log(`Lighthouse ${path}`);
    rows.push({ route: path, ...(await lighthouse(`${siteUrl}${path}`, chrome)) });
  }
  console.log('\nLighthouse 12, mobile, simulated throttling:\n');
  console.table(rows);
}

function lighthouse(url, chrome) {
  return new Promise((resolve, reject) => {
    const child = spawn(
      join(rootDir, 'node_modules', '.bin', 'lighthouse'),
      [
        url,
        `--chrome-path=${chrome}`,
        '--chrome-flags=--headless=new --no-sandbox --disable-gpu --disable-background-networking',
        '--only-categories=performance,accessibility,best-practices,seo',
        '--output=json',
        '--output-path=stdout',
        '--quiet',
      ],
      { stdio: ['ignore', 'pipe', 'inherit'] },
    );
    let out = '';
    child.stdout.on('data', (chunk) => (out += chunk));
    child.on('exit', (code) => {
      if (code !== 0) return reject(new Error(`lighthouse exited ${code} for ${url}`));
      const report = JSON.parse(out);
      const score = (id) => Math.round((report.categories[id]?.score ?? 0) * 100);
      const ms = (id) => Math.round(report.audits[id]?.numericValue ?? NaN);
      resolve({
        perf: score('performance'),
        a11y: score('accessibility'),
        'best pr.': score('best-practices'),
        SEO: score('seo'),
        'FCP ms': ms('first-contentful-paint'),
        'LCP ms': ms('largest-contentful-paint'),
        CLS: Number((report.audits['cumulative-layout-shift']?.numericValue ?? NaN).toFixed(3)),
        'TBT ms': ms('total-blocking-time'),
      });
    });
  });
}
