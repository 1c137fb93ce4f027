// @ts-check
// The one way this repository starts the CMS as a separate process (e2e suite, benchmark, and
// whatever else needs a real `strapi start`), plus the small process helpers it is built on.
// Types for TypeScript callers: cms-process.d.mts (keep the two in step).
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { appendFileSync, closeSync, existsSync, openSync, readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { pnpm } from '../pnpm.mjs';

export const rootDir = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const cmsDir = join(rootDir, 'cms');

/** Node's options for a CMS process (the same as cms/Dockerfile's NODE_OPTIONS). */
export const CMS_NODE_OPTIONS = '--max-old-space-size=384';

/** @param {number} ms */
export const sleep = (ms) => new Promise((done) => setTimeout(done, ms));

/**
 * Fresh values for every secret cms/src/utils/required-env.ts requires: what
 * `openssl rand -base64 32` would give, APP_KEYS a comma-separated list of two.
 * @returns {import('./cms-process.d.mts').CmsSecrets}
 */
export function generateSecrets() {
  const secret = () => randomBytes(32).toString('base64');
  return {
    APP_KEYS: [secret(), secret()].join(','),
    API_TOKEN_SALT: secret(),
    ADMIN_JWT_SECRET: secret(),
    TRANSFER_TOKEN_SALT: secret(),
    JWT_SECRET: secret(),
    ENCRYPTION_KEY: secret(),
    PREVIEW_SECRET: secret(),
  };
}

/**
 * A TCP port nobody listens on right now (the OS picks it).
 * @returns {Promise<number>}
 */
export function freePort(host = '127.0.0.1') {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, host, () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolvePort(port));
    });
  });
}

/** The last `lines` lines of a file, or '' if it cannot be read. */
export function tail(file = '', lines = 40) {
  try {
    return readFileSync(file, 'utf8').split('\n').slice(-lines).join('\n');
  } catch {
    return '';
  }
}

// ── any long-running child ──────────────────────────────────────────────────────────────────

/**
 * Starts a long-running child in its own process group (detached), so that stopping it also
 * stops whatever it spawned. Output is appended to `logFile` (written by the child directly, so
 * nothing is lost if this process is busy), else inherited or ignored.
 * @param {string} name
 * @param {string} command
 * @param {string[]} args
 * @param {import('./cms-process.d.mts').StartProcessOptions} [options]
 * @returns {import('./cms-process.d.mts').ManagedProcess}
 */
export function startProcess(name, command, args, options = {}) {
  const { cwd = rootDir, env = {}, logFile, output = 'inherit' } = options;
  const fd = logFile ? openSync(logFile, 'a') : undefined;
  const child = spawn(command, args, {
    cwd,
    env: { ...process.env, ...env },
    stdio: fd === undefined ? ['ignore', output, output] : ['ignore', fd, fd],
    detached: true,
  });
  if (fd !== undefined) closeSync(fd); // the child holds its own copy

  let done = false;
  /** @param {NodeJS.Signals} signal */
  const kill = (signal) => {
    if (done || child.pid === undefined) return;
    try {
      process.kill(-child.pid, signal);
    } catch {
      // already gone
    }
  };
  // A detached group survives its parent: take it down if this process exits first (normal
  // exit or uncaught error; on a signal the caller has to exit() for this to run).
  const onParentExit = () => kill('SIGTERM');
  process.on('exit', onParentExit);

  /** @type {Promise<{ code: number | null; signal: NodeJS.Signals | null }>} */
  const exited = new Promise((settle) => {
    /** @param {number | null} code @param {NodeJS.Signals | null} signal */
    const finish = (code, signal) => {
      if (done) return;
      done = true;
      process.off('exit', onParentExit);
      if (logFile) appendFileSync(logFile, `\n[${name}] exited (${code ?? signal})\n`);
      settle({ code, signal });
    };
    child.on('exit', finish);
    child.on('error', (error) => {
      if (logFile) appendFileSync(logFile, `\n[${name}] ${error.message}\n`);
      finish(null, null); // could not be spawned: there is no 'exit' to wait for
    });
  });

  return {
    name,
    pid: child.pid ?? -1,
    child,
    logFile,
    exited,
    running: () => !done,
    kill: (signal = 'SIGTERM') => kill(signal),
    /** SIGTERM to the group, SIGKILL if it is still there after `graceMs`. */
    async stop({ graceMs = 8000 } = {}) {
      if (done) return;
      kill('SIGTERM');
      const inTime = await Promise.race([
        exited.then(() => true),
        sleep(graceMs).then(() => false),
      ]);
      if (!inTime) {
        kill('SIGKILL');
        await exited;
      }
    },
  };
}

/**
 * Polls `check` until it returns true. With `proc`, fails as soon as that process exits, with the
 * tail of its log, instead of waiting out the timeout.
 * @param {string} what
 * @param {() => Promise<boolean> | boolean} check
 * @param {{ proc?: import('./cms-process.d.mts').ManagedProcess; timeoutMs?: number; intervalMs?: number }} [options]
 */
export async function waitFor(what, check, { proc, timeoutMs = 60_000, intervalMs = 250 } = {}) {
  const deadline = Date.now() + timeoutMs;
  const logHint = () =>
    proc?.logFile
      ? `; see ${proc.logFile}:\n${tail(proc.logFile)}`
      : proc
        ? '; see its output'
        : '';
  while (Date.now() < deadline) {
    if (proc && !proc.running()) {
      const { code, signal } = await proc.exited;
      throw new Error(`${proc.name} exited (${code ?? signal}) before ${what}${logHint()}`);
    }
    try {
      if (await check()) return;
    } catch {
      // not yet
    }
    await sleep(intervalMs);
  }
  throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}${logHint()}`);
}

// ── the CMS ─────────────────────────────────────────────────────────────────────────────────

/** `strapi start` serves what `strapi build` left in dist/: the admin panel and the server. */
export function isCmsBuilt() {
  return (
    existsSync(join(cmsDir, 'dist', 'build', 'index.html')) &&
    existsSync(join(cmsDir, 'dist', 'src', 'index.js'))
  );
}

/** Runs `pnpm --filter cms build` (admin panel included: ~1 min, ~2 GB of memory). */
export async function buildCms() {
  const code = await pnpm(['--filter', 'cms', 'build']);
  if (code !== 0) throw new Error(`the CMS build failed (exit ${code})`);
}

/**
 * The command of cms/package.json's `start` script, which is also cms/Dockerfile's CMD (what
 * docker compose runs): `node <script> <args…>`, nothing else (no npx/pnpm wrapper, no shell).
 * Returned with this process's Node binary in place of `node`.
 * @returns {{ command: string; args: string[] }}
 */
export function cmsStartCommand() {
  const { scripts } = JSON.parse(readFileSync(join(cmsDir, 'package.json'), 'utf8'));
  const script = String(scripts?.start ?? '');
  const words = script.trim().split(/\s+/);
  if (
    words[0] !== 'node' ||
    words.length < 2 ||
    words.some((word) => !/^[\w@./:=-]+$/.test(word))
  ) {
    throw new Error(
      `cms/package.json "start" must be a plain \`node <script> …\` command, not: ${script}`,
    );
  }
  return { command: process.execPath, args: words.slice(1) };
}

/**
 * The variables cms/config/database.ts reads for a database.
 * @param {import('./cms-process.d.mts').CmsDatabase} database
 * @returns {Record<string, string>}
 */
export function databaseEnv(database) {
  if (database.client === 'sqlite') {
    return { DATABASE_CLIENT: 'sqlite', DATABASE_FILENAME: database.filename };
  }
  return { DATABASE_CLIENT: 'postgres', DATABASE_URL: database.url };
}

/**
 * Starts the built CMS (`strapi start`, production mode) and resolves once `GET /_health`
 * answers 204. It runs cms/package.json's `start` command (cmsStartCommand), the one the image
 * runs: Node runs Strapi directly, as npx/pnpm wrappers would add ~270 MB of processes.
 * @param {import('./cms-process.d.mts').StartCmsOptions} [options]
 * @returns {Promise<import('./cms-process.d.mts').CmsProcess>}
 */
export async function startCmsProcess(options = {}) {
  const { name = 'CMS', logFile, output, timeoutMs = 120_000 } = options;
  const port = options.port ?? (await freePort());
  /** @type {Record<string, string>} */
  const env = {
    NODE_ENV: 'production',
    HOST: '127.0.0.1',
    STRAPI_TELEMETRY_DISABLED: 'true',
    STRAPI_DISABLE_UPDATE_NOTIFICATION: 'true',
    BROWSER: 'none',
    // As in cms/Dockerfile: under load V8 otherwise grows its heap to ~500 MB of resident memory
    // when ~280 MB do (bench/api.mjs measures it); more can be given with NODE_OPTIONS.
    NODE_OPTIONS: process.env.NODE_OPTIONS ?? CMS_NODE_OPTIONS,
    ...(options.secrets ?? generateSecrets()),
    ...(options.database ? databaseEnv(options.database) : {}),
    ...options.env,
    PORT: String(port),
  };
  const url = `http://127.0.0.1:${port}`;
  const { command, args } = cmsStartCommand();
  const proc = startProcess(name, command, args, { cwd: cmsDir, env, logFile, output });
  options.onSpawn?.(proc);
  const healthy = async () =>
    (await fetch(`${url}/_health`, { signal: AbortSignal.timeout(5000) })).status === 204;
  try {
    await waitFor(`${name} to answer ${url}/_health`, healthy, { proc, timeoutMs });
  } catch (error) {
    await proc.stop(); // do not leave a half-started process group behind
    throw error;
  }
  return { ...proc, url, port, env };
}
