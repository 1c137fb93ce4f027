#!/usr/bin/env node
// `npm run dev`: the developers' hot-reload loop. Installs the workspace, then runs the CMS with
// `strapi develop` (Content-Type Builder, restarts on change; SQLite, seeded on first run) and the
// site with Vite's dev server (rendered in the browser, proxying /api and /uploads to the CMS)
// until Ctrl-C. `npm start` runs the production shape instead (scripts/start.mjs).
import { spawn } from 'node:child_process';
import { install, PNPM_SPEC } from './pnpm.mjs';

const CMS_URL = 'http://localhost:1337';
const WEB_URL = 'http://localhost:5173';

await install();

const children = [
  start('cms', ['--filter', 'cms', 'develop']),
  start('web', ['--filter', 'web', 'dev', '--host', '127.0.0.1', '--port', '5173', '--strictPort']),
];

console.log(`
  CMS admin  ${CMS_URL}/admin   (first visit: create the first admin)
  CMS API    ${CMS_URL}/api/faqs?locale=en
  Web site   ${WEB_URL}/         (Spanish: ${WEB_URL}/es; hot reload, rendered in the browser)
  Stop with Ctrl-C. \`npm start\` runs the prerendered production shape instead.
`);

function start(name, args) {
  const child = spawn('npx', ['-y', PNPM_SPEC, ...args], {
    cwd: new URL('..', import.meta.url),
    stdio: 'inherit',
    env: { ...process.env, CMS_URL: 'http://127.0.0.1:1337' },
    // Its own process group, so stopping reaches Strapi and Vite behind npx and pnpm.
    detached: true,
  });
  child.on('exit', (code) => {
    console.log(`[start] ${name} exited (${code ?? 'signal'}); stopping the rest.`);
    stopAll(code ?? 1);
  });
  return child;
}

let stopping = false;
function stopAll(code) {
  if (stopping) return;
  stopping = true;
  for (const child of children) {
    if (child.exitCode === null) {
      try {
        process.kill(-child.pid, 'SIGTERM');
      } catch {
        // already gone
      }
    }
  }
  setTimeout(() => process.exit(code), 500);
}
process.on('SIGINT', () => stopAll(0));
process.on('SIGTERM', () => stopAll(0));
