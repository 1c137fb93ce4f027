#!/usr/bin/env node
/**
 * First-page JavaScript budget.
 *
 *   node scripts/size.mjs            # vite build, then measure
 *   node scripts/size.mjs --no-build # measure the existing dist/
 *
 * Reads dist/client/.vite/manifest.json, starts at the index.html entry and follows its static
 * `imports` and its own `dynamicImports` (the app, loaded once the page is painted; the routes'
 * views, imported by other chunks, are not counted), gzips each chunk with node:zlib (level 9)
 * and fails when the total exceeds the budget.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

const BUDGET_KB = 80;
const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const dist = join(root, 'dist', 'client');
const manifestPath = join(dist, '.vite', 'manifest.json');

if (!process.argv.includes('--no-build')) {
  const viteBin = join(root, 'node_modules', 'vite', 'bin', 'vite.js');
  execFileSync(process.execPath, [viteBin, 'build', '--logLevel', 'warn'], {
    cwd: root,
    stdio: 'inherit',
  });
}

if (!existsSync(manifestPath)) {
  console.error(`No ${manifestPath}: run without --no-build (build.manifest must be true).`);
  process.exit(2);
}

const manifest = JSON.parse(readFileSync(manifestPath, 'utf8'));
const entryKey = Object.keys(manifest).find(
  (key) => manifest[key].isEntry && key.endsWith('index.html'),
);
if (!entryKey) {
  console.error('No index.html entry in the manifest.');
  process.exit(2);
}

/**
 * Entry chunk + everything it imports statically, and the entry's own dynamic imports (the app it
 * loads once the page is painted) with theirs, each once, in load order. Dynamic imports of other
 * chunks (the routes' views) are not counted: they load with their route.
 */
const seen = new Set();
const order = [];
function walk(key) {
  if (seen.has(key)) return;
  seen.add(key);
  const chunk = manifest[key];
  if (!chunk) throw new Error(`Manifest has no chunk ${key}`);
  order.push(chunk.file);
  for (const dep of chunk.imports ?? []) walk(dep);
}
walk(entryKey);
for (const loaded of manifest[entryKey].dynamicImports ?? []) walk(loaded);

const rows = order
  .filter((file) => file.endsWith('.js'))
  .map((file) => {
    const source = readFileSync(join(dist, file));
    return { file, raw: source.length, gzip: gzipSync(source, { level: 9 }).length };
  });

const kb = (bytes) => (bytes / 1024).toFixed(2);
const total = rows.reduce((sum, row) => sum + row.gzip, 0);
const totalRaw = rows.reduce((sum, row) => sum + row.raw, 0);

console.log('\nJavaScript needed by the first page (entry + static imports):\n');
console.table(
  rows.map((row) => ({ file: row.file, 'raw KB': kb(row.raw), 'gzip KB': kb(row.gzip) })),
);
console.log(`Total: ${kb(totalRaw)} KB raw, ${kb(total)} KB gzip (budget ${BUDGET_KB} KB gzip)`);

if (total > BUDGET_KB * 1024) {
  console.error(`Over budget by ${kb(total - BUDGET_KB * 1024)} KB gzip.`);
  process.exit(1);
}
console.log('Within budget.');
