#!/usr/bin/env node
// `npm run bench`: throughput and latency of the public API as the site uses it, against the CMS
// in production mode on a fresh, seeded SQLite database. Prints figures; asserts nothing.
//
//   npm run bench                      # builds the CMS first
//   npm run bench -- --no-build --seconds 5 --connections 20
import { spawn, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import http from 'node:http';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PNPM_SPEC } from '../scripts/pnpm.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
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

if (!process.argv.includes('--no-build')) {
  const build = spawnSync('npx', ['-y', PNPM_SPEC, '--filter', 'cms', 'build'], {
    cwd: root,
    stdio: 'inherit',
  });
  if (build.status !== 0) process.exit(build.status ?? 1);
}

const port = await freePort();
const dataDir = mkdtempSync(join(tmpdir(), 'bench-cms-'));
const secret = () => randomBytes(24).toString('base64');
const cms = spawn(process.execPath, ['node_modules/@strapi/strapi/bin/strapi.js', 'start'], {
  cwd: join(root, 'cms'),
  stdio: ['ignore', 'ignore', 'inherit'],
  env: {
    ...process.env,
    NODE_ENV: 'production',
    HOST: '127.0.0.1',
    PORT: String(port),
    DATABASE_CLIENT: 'sqlite',
    DATABASE_FILENAME: join(dataDir, 'data.db'),
    APP_KEYS: `${secret()},${secret()}`,
    API_TOKEN_SALT: secret(),
    ADMIN_JWT_SECRET: secret(),
    TRANSFER_TOKEN_SALT: secret(),
    JWT_SECRET: secret(),
    ENCRYPTION_KEY: secret(),
    PREVIEW_SECRET: secret(),
  },
});

try {
  await waitForHealth(port);
  console.log(
    `\nPublic API, Strapi production on SQLite: ${CONNECTIONS} connections, ${SECONDS} s each\n`,
  );
  const rows = [];
  for (const path of ENDPOINTS) {
    await load(port, path, 1, 1); // warm up caches and the query path
    rows.push({
      endpoint: path.split('?')[0] + '?' + path.split('?')[1].slice(0, 40),
      ...(await load(port, path, CONNECTIONS, SECONDS)),
    });
  }
  console.table(rows);
} finally {
  cms.kill('SIGTERM');
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

async function waitForHealth(port) {
  for (let attempt = 0; attempt < 120; attempt += 1) {
    const status = await get(undefined, port, '/_health').then(
      (r) => r.status,
      () => 0,
    );
    if (status === 204) return;
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  throw new Error('The CMS did not become healthy within 60 s.');
}

function freePort() {
  return new Promise((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}
