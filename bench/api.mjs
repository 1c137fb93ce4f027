#!/usr/bin/env node
// `npm run bench`: throughput and latency of the public API as the site uses it, against the CMS
// in production mode on a fresh, seeded SQLite database. Prints figures; asserts nothing.
//
//   npm run bench                      # builds the CMS first
//   npm run bench -- --no-build --seconds 5 --connections 20
import { mkdtempSync, rmSync } from 'node:fs';
import http from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildCms, isCmsBuilt, startCmsProcess } from '../scripts/lib/cms-process.mjs';

const arg = (name, fallback) => {
  const index = process.argv.indexOf(`--${name}`);
  return index > 0 ? Number(process.argv[index + 1]) : fallback;
};
const SECONDS = arg('seconds', 10);
const CONNECTIONS = arg('connections', 20);

const ENDPOINTS = [
  '/api/faqs?locale=en&sort=order:asc&pagination[pageSize]=100',
  '/api/risk-factors?locale=es&sort=order:asc&pagination[pageSize]=100',
  '/api/articles?locale=en&filters[slug][$eq]=ketamine-for-depression&populate[cover]=true&populate[seo]=true&populate[references]=true&populate[faqs][fields][0]=question',
  '/api/site-setting?locale=en',
];

if (!process.argv.includes('--no-build')) await buildCms();
if (!isCmsBuilt()) throw new Error('cms/dist is incomplete: run without --no-build once.');

// The CMS runs in its own process group: on Ctrl-C, exit normally so that it is stopped too.
process.on('SIGINT', () => process.exit(130));
process.on('SIGTERM', () => process.exit(143));

const dataDir = mkdtempSync(join(tmpdir(), 'bench-cms-'));
try {
  const cms = await startCmsProcess({
    database: { client: 'sqlite', filename: join(dataDir, 'data.db') },
    logFile: join(dataDir, 'cms.log'), // its tail is shown if it fails to start
  });
  try {
    console.log(
      `\nPublic API, Strapi production on SQLite: ${CONNECTIONS} connections, ${SECONDS} s each\n`,
    );
    const rows = [];
    for (const path of ENDPOINTS) {
      await load(cms.port, path, 1, 1); // warm up caches and the query path
      rows.push({
        endpoint: path.split('?')[0] + '?' + path.split('?')[1].slice(0, 40),
        ...(await load(cms.port, path, CONNECTIONS, SECONDS)),
      });
    }
    console.table(rows);
  } finally {
    await cms.stop();
  }
} finally {
  rmSync(dataDir, { recursive: true, force: true });
}

/** Sends requests on `connections` keep-alive sockets for `seconds`; returns the figures. */
async function load(port, path, connections, seconds) {
  const agent = new http.Agent({ keepAlive: true, maxSockets: connections });
  const latencies = [];
  let bytes = 0;
  let errors = 0;
  const deadline = Date.now() + seconds * 1000;
  const worker = async () => {
    while (Date.now() < deadline) {
      const started = process.hrtime.bigint();
      const { status, size } = await get(agent, port, path);
      if (status !== 200) errors += 1;
      bytes = size;
      latencies.push(Number(process.hrtime.bigint() - started) / 1e6);
    }
  };
  const began = Date.now();
  await Promise.all(Array.from({ length: connections }, worker));
  agent.destroy();
  latencies.sort((a, b) => a - b);
  const at = (q) => latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))];
  return {
    'req/s': Math.round(latencies.length / ((Date.now() - began) / 1000)),
    'p50 ms': at(0.5).toFixed(1),
    'p95 ms': at(0.95).toFixed(1),
    'p99 ms': at(0.99).toFixed(1),
    'body KB': (bytes / 1024).toFixed(1),
    errors,
  };
}

function get(agent, port, path) {
  return new Promise((resolve, reject) => {
    http
      .get({ host: '127.0.0.1', port, path, agent }, (response) => {
        let size = 0;
        response.on('data', (chunk) => (size += chunk.length));
        response.on('end', () => resolve({ status: response.statusCode, size }));
      })
      .on('error', reject);
  });
}
