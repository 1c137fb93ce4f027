#!/usr/bin/env node
// The e2e suite's entry point (`pnpm --filter e2e test`). It
//   1. makes sure Chromium is there (CHROME_PATH, else Debian's /usr/bin/chromium, installed when
//      missing);
//   2. builds the CMS (admin panel included) and the web site, unless E2E_SKIP_BUILD=1;
//   3. starts, on free ports, the CMS on a fresh, seeded SQLite file with a super admin from env,
//      the renderer (which prerenders the site into a temporary directory and re-renders on the
//      CMS's signed change notifications), and nginx with the site's own configuration
//      (web/nginx/default.conf) serving those files and proxying /api and /uploads to the CMS;
//   4. creates an admin user with Strapi's Editor role through the admin REST API;
//   5. runs `playwright test` (extra arguments are passed on, e.g. `-- tests/faq.spec.ts`);
//   6. always stops the servers, also on failure and Ctrl-C, and exits with Playwright's code.
// The tests stop and restart the CMS through a small HTTP control server (E2E_CONTROL_URL).
// E2E_SERVE_ONLY=1 starts everything and waits (for writing tests); E2E_SKIP_BUILD=1 skips step 2.
import { spawn, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  buildCms,
  freePort,
  generateSecrets,
  isCmsBuilt,
  rootDir,
  startCmsProcess,
  startProcess,
  waitFor,
} from '../scripts/lib/cms-process.mjs';
import { adminLogin, createApiToken, createEditor } from '../scripts/lib/cms-admin.mjs';
import { startNginx } from '../scripts/lib/nginx.mjs';
import { pnpm } from '../scripts/pnpm.mjs';

const e2eDir = dirname(fileURLToPath(import.meta.url));
const webDir = join(rootDir, 'web');
const resultsDir = join(e2eDir, 'test-results');

const log = (message) => console.log(`[e2e] ${message}`);

/** Everything to undo on the way out, last in first out. */
const cleanups = [];
let exiting = false;

async function cleanup() {
  while (cleanups.length > 0) {
    const step = cleanups.pop();
    try {
      await step();
    } catch (error) {
      console.error(`[e2e] cleanup: ${error?.message ?? error}`);
    }
  }
}

for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
  process.on(signal, async () => {
    if (exiting) return;
    exiting = true;
    log(`${signal}: stopping the servers`);
    await cleanup();
    process.exit(130);
  });
}

// ── helpers ────────────────────────────────────────────────────────────────────────────────────

function ensureChromium() {
  const candidates = [process.env.CHROME_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'];
  const found = candidates.find((path) => path && existsSync(path));
  if (found) return found;
  if (process.env.CHROME_PATH) {
    throw new Error(`CHROME_PATH=${process.env.CHROME_PATH} does not exist.`);
  }
  log('Chromium is missing: installing it with apt-get');
  const asRoot = process.getuid?.() === 0 ? [] : ['sudo'];
  for (const args of [
    ['apt-get', 'update', '-qq'],
    ['apt-get', 'install', '-y', '-qq', 'chromium'],
  ]) {
    const [cmd, ...rest] = [...asRoot, ...args];
    const result = spawnSync(cmd, rest, {
      stdio: 'inherit',
      env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
    });
    if (result.status !== 0)
      throw new Error(`${args.join(' ')} failed; install Chromium or set CHROME_PATH.`);
  }
  if (!existsSync('/usr/bin/chromium'))
    throw new Error('apt-get did not install /usr/bin/chromium.');
  return '/usr/bin/chromium';
}

// ── main ───────────────────────────────────────────────────────────────────────────────────────

async function main() {
  const chromePath = ensureChromium();
  log(`Chromium: ${chromePath}`);

  if (process.env.E2E_SKIP_BUILD === '1') {
    log('E2E_SKIP_BUILD=1: using the existing cms/dist and web/dist');
  } else {
    log('building the CMS (admin panel included)…');
    await buildCms();
    log('building the web site…');
    const code = await pnpm(['--filter', 'web', 'build']);
    if (code !== 0) throw new Error(`the web build failed (exit ${code})`);
  }
  if (!isCmsBuilt()) throw new Error('cms/dist is incomplete: build first (unset E2E_SKIP_BUILD).');
  for (const built of ['dist/client/index.html', 'dist/server/main.js']) {
    if (!existsSync(join(webDir, built))) {
      throw new Error(`web/${built} is missing: build first (unset E2E_SKIP_BUILD).`);
    }
  }

  mkdirSync(resultsDir, { recursive: true });
  const tmp = mkdtempSync(join(tmpdir(), 'e2e-'));
  cleanups.push(() => rmSync(tmp, { recursive: true, force: true }));

  const [cmsPort, webPort, adminPort, rendererPort, controlPort] = [
    await freePort(),
    await freePort(),
    await freePort(),
    await freePort(),
    await freePort(),
  ];
  const cmsUrl = `http://127.0.0.1:${cmsPort}`;
  const webUrl = `http://127.0.0.1:${webPort}`;
  const superAdmin = {
    email: 'e2e-admin@example.test',
    password: `Adm1n-${randomBytes(24).toString('base64')}`,
  };
  const editor = {
    firstname: 'Eddie',
    lastname: 'Editor',
    email: 'e2e-editor@example.test',
    password: `Ed1tor-${randomBytes(12).toString('hex')}`,
  };
  // Clinical sign-off: the only role that publishes articles (tests/sign-off.spec.ts).
  const reviewer = {
    firstname: 'Rita',
    lastname: 'Reviewer',
    email: 'e2e-reviewer@example.test',
    password: `R3viewer-${randomBytes(12).toString('hex')}`,
  };

  const renderHookSecret = randomBytes(32).toString('base64');
  const siteDir = join(tmp, 'site');

  const cmsLog = join(resultsDir, 'cms.log');
  const rendererLog = join(resultsDir, 'renderer.log');
  const webLog = join(resultsDir, 'nginx.log');
  for (const file of [cmsLog, rendererLog, webLog, join(resultsDir, 'nginx')]) {
    rmSync(file, { recursive: true, force: true });
  }

  // The CMS, restartable by the tests through the control server: always the same port, database
  // and secrets, so the site's proxy and logged-in admin sessions survive a restart.
  const cmsOptions = {
    port: cmsPort,
    secrets: generateSecrets(),
    database: { client: 'sqlite', filename: join(tmp, 'data.db') },
    env: {
      PUBLIC_URL: cmsUrl,
      SITE_URL: webUrl,
      CORS_ORIGINS: webUrl,
      ADMIN_EMAIL: superAdmin.email,
      ADMIN_PASSWORD: superAdmin.password,
      RENDERER_HOOK_URL: `http://127.0.0.1:${rendererPort}/hooks/content`,
      RENDER_HOOK_SECRET: renderHookSecret,
      // Every request reaches this CMS from nginx's 127.0.0.1 (no IS_PROXIED here), so its own
      // per-address limit on page feedback would count the whole suite as one visitor; nginx's
      // limit is what e2e/tests/feedback.spec.ts checks, the CMS's is cms/tests/page-feedback.test.ts.
      PAGE_FEEDBACK_RATE_LIMIT: '1000',
      // Scheduled publishes are looked for every 5 s (15 s by default): schedule.spec.ts waits less.
      SCHEDULE_INTERVAL_SECONDS: '5',
    },
    logFile: cmsLog,
  };
  let cms = null;
  async function startCms() {
    if (cms?.running()) return;
    const started = Date.now();
    cms = await startCmsProcess(cmsOptions);
    log(`CMS up at ${cmsUrl} in ${Date.now() - started} ms`);
  }
  async function stopCms() {
    await cms?.stop();
    log('CMS stopped');
  }
  cleanups.push(stopCms);
  await startCms();

  // The renderer: the whole site prerendered from the CMS's published content, then kept
  // current by its change notifications (no periodic render: the tests see notifications work).
  const renderer = startProcess('renderer', process.execPath, ['dist/server/main.js'], {
    cwd: webDir,
    env: {
      CMS_URL: cmsUrl,
      SITE_URL: webUrl,
      SITE_DIR: siteDir,
      RENDER_HOOK_SECRET: renderHookSecret,
      RENDERER_PORT: String(rendererPort),
      FULL_RENDER_INTERVAL_SECONDS: '0',
    },
    logFile: rendererLog,
  });
  cleanups.push(() => renderer.stop());
  const rendered = Date.now();
  await waitFor(
    'the first render of the site',
    async () => (await fetch(`http://127.0.0.1:${rendererPort}/healthz`)).ok,
    { proc: renderer, timeoutMs: 60_000 },
  );
  log(`site rendered into ${siteDir} in ${Date.now() - rendered} ms`);

  const web = await startNginx({
    port: webPort,
    adminPort,
    siteRoot: siteDir,
    cmsUrl,
    // Where a missing page moved: the renderer's lookup (web/renderer/redirects.ts).
    redirectsUrl: `http://127.0.0.1:${rendererPort}`,
    dir: join(resultsDir, 'nginx'),
    logFile: webLog,
  });
  cleanups.push(() => web.stop());
  await waitFor(
    'the site to proxy the CMS',
    async () => (await fetch(`${webUrl}/api/site-setting?locale=en`)).ok,
    { proc: web, timeoutMs: 30_000 },
  );
  log(`site served by nginx at ${webUrl}`);

  const adminToken = await adminLogin(cmsUrl, superAdmin);
  await createEditor(cmsUrl, adminToken, editor);
  log(`created the Editor-role admin ${editor.email}`);
  await createEditor(cmsUrl, adminToken, reviewer, 'clinical-reviewer');
  log(`created the Clinical reviewer admin ${reviewer.email}`);
  const apiToken = await createApiToken(cmsUrl, adminToken);

  // Control server: lets a test stop and start the CMS (the outage flow).
  let busy = Promise.resolve();
  const control = createServer((req, res) => {
    // nginx keeps the CMS's public reads briefly and serves them stale while the CMS is down:
    // a test that needs what an empty cache does starts from one.
    const purgeNginxCache = async () => web.purgeCache();
    const action = {
      'POST /cms/stop': stopCms,
      'POST /cms/start': startCms,
      'POST /nginx/purge-cache': purgeNginxCache,
    }[`${req.method} ${req.url}`];
    if (!action) {
      res.writeHead(404).end();
      return;
    }
    busy = busy.then(action).then(
      () => res.writeHead(204).end(),
      (error) =>
        res.writeHead(500, { 'content-type': 'text/plain' }).end(String(error?.message ?? error)),
    );
  });
  await new Promise((r) => control.listen(controlPort, '127.0.0.1', r));
  cleanups.push(() => new Promise((r) => control.close(() => r())));

  if (process.env.E2E_SERVE_ONLY === '1') {
    // For writing tests: the servers stay up until Ctrl-C.
    log(`serving: web ${webUrl}, CMS ${cmsUrl}/admin, control http://127.0.0.1:${controlPort}`);
    log(`super admin ${superAdmin.email} / ${superAdmin.password}`);
    log(`editor ${editor.email} / ${editor.password}`);
    await new Promise(() => {});
  }

  const jsonReport = process.env.E2E_JSON_REPORT ? resolve(process.env.E2E_JSON_REPORT) : '';
  const playwright = spawn(
    process.execPath,
    [
      join(e2eDir, 'node_modules', '@playwright', 'test', 'cli.js'),
      'test',
      ...process.argv.slice(2),
    ],
    {
      cwd: e2eDir,
      stdio: 'inherit',
      env: {
        ...process.env,
        CHROME_PATH: chromePath,
        E2E_WEB_URL: webUrl,
        E2E_CMS_URL: cmsUrl,
        E2E_CONTROL_URL: `http://127.0.0.1:${controlPort}`,
        E2E_ADMIN_PROXY_URL: web.adminUrl,
        E2E_EDITOR_EMAIL: editor.email,
        E2E_EDITOR_PASSWORD: editor.password,
        E2E_REVIEWER_EMAIL: reviewer.email,
        E2E_REVIEWER_PASSWORD: reviewer.password,
        E2E_API_TOKEN: apiToken,
        E2E_JSON_REPORT: jsonReport,
        E2E_TIMINGS_FILE: join(tmp, 'timings.jsonl'),
      },
    },
  );
  const code = await new Promise((r) =>
    playwright.on('exit', (c, signal) => r(c ?? (signal ? 1 : 0))),
  );

  const timings = join(tmp, 'timings.jsonl');
  if (existsSync(timings)) {
    for (const line of readFileSync(timings, 'utf8').split('\n').filter(Boolean)) {
      const { name, ms } = JSON.parse(line);
      log(`timing: ${name}: ${Array.isArray(ms) ? ms.join(', ') : ms} ms`);
    }
  }
  if (code !== 0) log(`server logs: ${cmsLog}, ${rendererLog}, ${resultsDir}/nginx/logs`);
  return code;
}

let exitCode = 1;
try {
  exitCode = await main();
} catch (error) {
  console.error(`[e2e] ${error?.stack ?? error}`);
  exitCode = 1;
} finally {
  if (!exiting) await cleanup();
}
process.exit(exitCode);
