// The one way these scripts run pnpm: the version pinned in package.json, through npx, so a
// machine with only Node and npm needs nothing else (corepack's signature check fails offline).
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';

const root = new URL('..', import.meta.url);
const { packageManager } = JSON.parse(readFileSync(new URL('package.json', root), 'utf8'));

export const PNPM_SPEC = packageManager; // e.g. pnpm@10.34.9

/** Runs `pnpm <args>` from the workspace root; resolves with the exit code. */
export function pnpm(args, { env = {}, stdio = 'inherit' } = {}) {
  return run('npx', ['-y', PNPM_SPEC, ...args], { env, stdio });
}

export function run(command, args, { env = {}, stdio = 'inherit' } = {}) {
  return new Promise((resolve) => {
    const child = spawn(command, args, {
      cwd: root,
      stdio,
      env: { ...process.env, ...env },
    });
    child.on('exit', (code, signal) => resolve(code ?? (signal ? 1 : 0)));
    child.on('error', () => resolve(127));
  });
}

/** Installs the workspace exactly as locked. */
export async function install() {
  const code = await pnpm(['install', '--frozen-lockfile', '--reporter=append-only']);
  if (code !== 0) throw new Error(`pnpm install failed (exit ${code})`);
}
