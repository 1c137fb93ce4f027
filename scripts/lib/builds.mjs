// @ts-check
// Builds the CMS and the site only when their sources changed since the last build (npm start,
// npm run audit). The e2e suite and CI always build.
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { pnpm } from '../pnpm.mjs';
import { buildCms, cmsDir, isCmsBuilt, rootDir } from './cms-process.mjs';

const webDir = join(rootDir, 'web');

/**
 * The newest modification time of any file under `paths` (node_modules skipped).
 * @param {string[]} paths
 */
function newest(paths) {
  let latest = 0;
  /** @param {string} path */
  const visit = (path) => {
    if (!existsSync(path)) return;
    const info = statSync(path);
    if (info.isDirectory()) {
      for (const name of readdirSync(path)) if (name !== 'node_modules') visit(join(path, name));
    } else latest = Math.max(latest, info.mtimeMs);
  };
  paths.forEach(visit);
  return latest;
}

/** @param {string} file */
const builtAt = (file) => (existsSync(file) ? statSync(file).mtimeMs : 0);

/** @param {(message: string) => void} log */
export async function ensureCmsBuilt(log) {
  const sources = ['src', 'config', 'types', 'package.json', 'tsconfig.json'];
  const built = builtAt(join(cmsDir, 'dist', 'build', 'index.html'));
  if (isCmsBuilt() && newest(sources.map((p) => join(cmsDir, p))) <= built) return;
  log('building the CMS and its admin panel (a minute or two)…');
  await buildCms();
}

/** @param {(message: string) => void} log */
export async function ensureWebBuilt(log) {
  const sources = ['src', 'renderer', 'public', 'index.html', 'vite.config.ts', 'package.json'];
  const built = Math.min(
    builtAt(join(webDir, 'dist', 'server', 'main.js')),
    builtAt(join(webDir, 'dist', 'client', 'index.html')),
  );
  if (newest(sources.map((p) => join(webDir, p))) <= built) return;
  log('building the site…');
  const code = await pnpm(['--filter', 'web', 'run', 'build']);
  if (code !== 0) throw new Error(`the site did not build (exit ${code})`);
}
