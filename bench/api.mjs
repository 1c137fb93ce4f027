#!/usr/bin/env node
// `npm run bench`: throughput and latency of the public API as the site uses it, in one run:
//   - static:   a bare node:http server sending the CMS's exact bytes (the limit),
//   - cached:   the CMS with its response cache (in memory, the default), warm,
//   - uncached: the CMS with the cache off (RESPONSE_CACHE_ENABLED=false), same database,
//   - nginx:    the site's own nginx config (web/nginx) in front of the cached CMS,
// each in production mode on a fresh, seeded SQLite database, with the CMS's peak resident memory.
// The load comes from this process over keep-alive connections; every server is a process of its
// own. Prints figures; asserts nothing.
//
//   npm run bench                      # builds the CMS first
//   npm run bench -- --no-build --seconds 5 --connections 20
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  buildCms,
  freePort,
  isCmsBuilt,
  rootDir,
  startCmsProcess,
  startProcess,
  waitFor,
} from '../scripts/lib/cms-process.mjs';
import { ensureNginx, startNginx } from '../scripts/lib/nginx.mjs';

const arg = (name, fallback) => {
  const index = process.argv.indexOf(`--${name}`);
  return index > 0 ? Number(process.argv[index + 1]) : fallback;
};
const SECONDS = arg('seconds', 5);
const CONNECTIONS = arg('connections', 20);

// The site's reads, as web/src/api/index.ts builds them (qs, encodeValuesOnly).
const QUERIES = {
  faqs: '/api/faqs?locale=en&sort[0]=order%3Aasc&pagination[pageSize]=100',
  'risk factors': '/api/risk-factors?locale=es&sort[0]=order%3Aasc&pagination[pageSize]=100',
  article:
    '/api/articles?locale=en&filters[slug][$eq]=ketamine-for-depression&populate[cover]=true&populate[seo]=true&populate[references]=true&populate[faqs][fields][0]=question&populate[faqs][fields][1]=order&pagination[pageSize]=1',
  'article list':
    '/api/articles?locale=en&fields[0]=title&fields[1]=slug&fields[2]=summary&fields[3]=lastReviewed&populate[cover]=true&sort[0]=title%3Aasc&pagination[pageSize]=100',
  settings: '/api/site-setting?locale=en',
};

if (!process.argv.includes('--no-build')) await buildCms();
if (!isCmsBuilt()) throw new Error('cms/dist is incomplete: run without --no-build once.');

const dir = mkdtempSync(join(tmpdir(), 'bench-'));
const stops = [];
async function stopAll() {
  for (const stop of stops.reverse()) await stop();
  rmSync(dir, { recursive: true, force: true });
}
// The servers run in their own process groups: on Ctrl-C, stop them and exit.
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => void stopAll().then(() => process.exit(130)));
}

try {
  const database = { client: 'sqlite', filename: join(dir, 'data.db') };
  const cached = await startCmsProcess({ database, logFile: join(dir, 'cached.log') });
  stops.push(() => cached.stop());
  // The same database, already seeded, read by a second CMS with the cache off.
  const uncached = await startCmsProcess({
    database,
    env: { RESPONSE_CACHE_ENABLED: 'false' },
    logFile: join(dir, 'uncached.log'),
  });
  stops.push(() => uncached.stop());

  // The static limit: the same bytes from a bare server.
  const answers = {};
  for (const path of Object.values(QUERIES)) {
    const { status, type, body } = await fetchOnce(`${cached.url}${path}`);
    if (status !== 200) throw new Error(`${path} → ${status}`);
    answers[path] = { type, body: body.toString('base64') };
  }
  writeFileSync(join(dir, 'answers.json'), JSON.stringify(answers));
  const staticPort = await freePort();
  const bare = startProcess(
    'static',
    process.execPath,
    [join(rootDir, 'bench', 'static-server.mjs'), join(dir, 'answers.json'), String(staticPort)],
    { output: 'ignore' },
  );
  stops.push(() => bare.stop());
  await waitFor(
    'the static server',
    async () =>
      (await fetchOnce(`http://127.0.0.1:${staticPort}${QUERIES.settings}`)).status === 200,
    { proc: bare },
  );

  let nginx = null;
  try {
    ensureNginx();
    nginx = await startNginx({
      port: await freePort(),
      siteRoot: join(dir, 'site'),
      cmsUrl: cached.url,
      dir: join(dir, 'nginx'),
    });
    stops.push(() => nginx.stop());
  } catch (error) {
    console.log(`[bench] no nginx (${error.message}): skipping that column`);
  }

  console.log(
    `\nPublic API, ${CONNECTIONS} keep-alive connections, ${SECONDS} s per cell, ` +
      `Strapi production on SQLite\n`,
  );
  const rows = [];
  const peakRss = { cached: 0, uncached: 0 };
  for (const [name, path] of Object.entries(QUERIES)) {
    const row = {
      query: name,
      'body KB': (Buffer.from(answers[path].body, 'base64').length / 1024).toFixed(1),
    };
    const staticFigures = await measure(staticPort, path);
    const cachedFigures = await measure(
      cached.port,
      path,
      cached.pid,
      (kb) => (peakRss.cached = Math.max(peakRss.cached, kb)),
    );
    const uncachedFigures = await measure(
      uncached.port,
      path,
      uncached.pid,
      (kb) => (peakRss.uncached = Math.max(peakRss.uncached, kb)),
    );
    Object.assign(row, {
      'static req/s': staticFigures.rps,
      'cached req/s': cachedFigures.rps,
      'cached p50/p99 ms': cachedFigures.latency,
      'uncached req/s': uncachedFigures.rps,
      'uncached p50/p99 ms': uncachedFigures.latency,
    });
    if (nginx) {
      const nginxFigures = await measure(nginx.port, path);
      Object.assign(row, {
        'nginx req/s': nginxFigures.rps,
        'nginx p50/p99 ms': nginxFigures.latency,
      });
    }
    row['cached/static'] = `${((100 * cachedFigures.rps) / staticFigures.rps).toFixed(0)} %`;
    row.errors = staticFigures.errors + cachedFigures.errors + uncachedFigures.errors;
    rows.push(row);
  }
  console.table(rows);
  console.log(
    `CMS peak resident memory under load: cached ${Math.round(peakRss.cached / 1024)} MB, ` +
      `uncached ${Math.round(peakRss.uncached / 1024)} MB (the Node process alone, started ` +
      `without npx/pnpm wrappers)\n`,
  );
} finally {
  await stopAll();
}

/** Warms a path up, then loads it; samples a process's resident memory meanwhile. */
async function measure(port, path, pid, onRss) {
  await load(port, path, CONNECTIONS, 1); // warm up: caches, JIT, connections
  const sampler = pid
    ? setInterval(() => {
        const kb = rssKb(pid);
        if (kb) onRss(kb);
      }, 100)
    : null;
  try {
    return await load(port, path, CONNECTIONS, SECONDS);
  } finally {
    clearInterval(sampler);
  }
}

function rssKb(pid) {
  try {
    const match = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return match ? Number(match[1]) : 0;
  } catch {
    return 0;
  }
}

/** Sends requests on `connections` keep-alive sockets for `seconds`; returns the figures. */
async function load(port, path, connections, seconds) {
  const agent = new http.Agent({ keepAlive: true, maxSockets: connections });
  const latencies = [];
  let errors = 0;
  const deadline = Date.now() + seconds * 1000;
  const worker = async () => {
    while (Date.now() < deadline) {
      const started = process.hrtime.bigint();
      const status = await get(agent, port, path);
      if (status !== 200) errors += 1;
      latencies.push(Number(process.hrtime.bigint() - started) / 1e6);
    }
  };
  const began = Date.now();
  await Promise.all(Array.from({ length: connections }, worker));
  agent.destroy();
  latencies.sort((a, b) => a - b);
  const at = (q) => latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))];
  return {
    rps: Math.round(latencies.length / ((Date.now() - began) / 1000)),
    latency: `${at(0.5).toFixed(1)} / ${at(0.99).toFixed(1)}`,
    errors,
  };
}

function get(agent, port, path) {
  return new Promise((resolve, reject) => {
    http
      .get({ host: '127.0.0.1', port, path, agent }, (response) => {
        response.resume();
        response.on('end', () => resolve(response.statusCode));
      })
      .on('error', reject);
  });
}

function fetchOnce(url) {
  return new Promise((resolve, reject) => {
    http
      .get(url, (response) => {
        const chunks = [];
        response.on('data', (chunk) => chunks.push(chunk));
        response.on('end', () =>
          resolve({
            status: response.statusCode,
            type: response.headers['content-type'] ?? 'application/json',
            body: Buffer.concat(chunks),
          }),
        );
      })
      .on('error', reject);
  });
}
