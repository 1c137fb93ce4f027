#!/usr/bin/env node
// Builds the package: src/generated/ from the CMS's schemas (./generate.mjs), then dist/ with
// TypeScript. Runs on every install (`prepare`). A production-only install (the images'
// prod-deps stages) has no TypeScript: it skips the build, and the images copy a built dist/.
import { execFileSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
let tsc;
try {
  tsc = createRequire(join(root, 'package.json')).resolve('typescript/bin/tsc');
} catch {
  console.log('[contract] TypeScript is not installed (a production install): not building.');
  process.exit(0);
}
const run = (args) => execFileSync(process.execPath, args, { cwd: root, stdio: 'inherit' });
run([join(root, 'scripts', 'generate.mjs')]);
run([tsc, '-p', 'tsconfig.json']);
