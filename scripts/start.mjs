#!/usr/bin/env node
// `npm start`: the site the way production runs it, on the embedded default (SQLite):
//   - the CMS in production mode (`strapi start`, admin panel built), seeded on the first run;
//   - the renderer, which prerenders every page into web/.site and re-renders what each publish
//     touches (the CMS notifies it, signed with RENDER_HOOK_SECRET from cms/.env);
//   - the prerendered site served at http://localhost:8080, /api and /uploads proxied to the CMS.
// Builds the CMS and the site first when their sources changed since the last build. Stops
// everything on Ctrl-C. `npm run dev` is the developers' hot-reload loop (scripts/dev.mjs).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { install, run } from './pnpm.mjs';
import { ensureCmsBuilt, ensureWebBuilt } from './lib/builds.mjs';
import { cmsDir, rootDir, startCmsProcess, startProcess, waitFor } from './lib/cms-process.mjs';

const CMS_PORT = 1337;
const SITE_PORT = 8080;
const RENDERER_PORT = 4000;
const SITE_URL = `http://localhost:${SITE_PORT}`;
const webDir = join(rootDir, 'web');

const log = (message) => console.log(`[start] ${message}`);

/** KEY=value lines of a .env file (no expansion; quotes around a value are removed). */
function readEnvFile(file) {
  const values = {};
  for (const line of readFileSync(file, 'utf8').split('\n')) {
    const match = /^\s*([A-Za-z_][A-Za-z0-9_]*)\s*=\s*(.*?)\s*$/.exec(line);
    if (match) values[match[1]] = match[2].replace(/^(['"])(.*)\1$/, '$2');
  }
  return values;
}

await install();

// Per-install secrets (cms/.env, never committed), shared with the renderer, and a local first
// admin: in production mode the CMS creates the first admin only from ADMIN_EMAIL/ADMIN_PASSWORD.
if (
  (await run(process.execPath, [join(cmsDir, 'scripts', 'ensure-env.mjs'), '--first-admin'])) !== 0
) {
  throw new Error('could not write cms/.env');
}
const cmsEnv = readEnvFile(join(cmsDir, '.env'));

await ensureCmsBuilt(log);
await ensureWebBuilt(log);

const children = [];
let stopping = false;
async function stopAll(code) {
  if (stopping) return;
  stopping = true;
  await Promise.all(children.map((child) => child.stop()));
  process.exit(code);
}
process.on('SIGINT', () => void stopAll(0));
process.on('SIGTERM', () => void stopAll(0));

log('starting the CMS (production mode)…');
const { RENDER_HOOK_SECRET } = cmsEnv;
const cms = await startCmsProcess({
  port: CMS_PORT,
  // cms/.env: the install's own secrets (and any database settings).
  env: {
    ...cmsEnv,
    HOST: '127.0.0.1',
    SITE_URL,
    CORS_ORIGINS: cmsEnv.CORS_ORIGINS ?? SITE_URL,
    RENDERER_HOOK_URL: `http://127.0.0.1:${RENDERER_PORT}/hooks/content`,
    RENDER_HOOK_SECRET,
  },
  timeoutMs: 300_000,
});
children.push(cms);

const renderer = startProcess('renderer', process.execPath, ['dist/server/main.js'], {
  cwd: webDir,
  env: {
    CMS_URL: cms.url,
    SITE_URL,
    SITE_DIR: join(webDir, '.site'),
    RENDER_HOOK_SECRET,
    RENDERER_PORT: String(RENDERER_PORT),
    SERVE_PORT: String(SITE_PORT),
    SERVE_HOST: '127.0.0.1',
    // The admin, as editors open it, may show the site in its preview iframe (CSP frame-ancestors).
    CMS_PUBLIC_URL:
      cmsEnv.PUBLIC_URL || `http://localhost:${CMS_PORT} http://127.0.0.1:${CMS_PORT}`,
  },
});
children.push(renderer);
await waitFor(
  'the first render of the site',
  async () => (await fetch(`http://127.0.0.1:${RENDERER_PORT}/healthz`)).ok,
  { proc: renderer, timeoutMs: 120_000 },
);

for (const child of children) {
  void child.exited.then(({ code, signal }) => {
    if (stopping) return;
    log(`${child.name} exited (${code ?? signal}); stopping the rest.`);
    void stopAll(code || 1);
  });
}

console.log(`
  Web site   ${SITE_URL}/          prerendered pages (Spanish: ${SITE_URL}/es)
  CMS admin  http://localhost:${CMS_PORT}/admin   (an empty database gets the admin ${cmsEnv.ADMIN_EMAIL}, password: ADMIN_PASSWORD in cms/.env)
  CMS API    http://localhost:${CMS_PORT}/api/faqs?locale=en
  A change published in the admin is on the site within a second. Stop with Ctrl-C.
  (\`npm run dev\` is the hot-reload loop for developers.)
`);
