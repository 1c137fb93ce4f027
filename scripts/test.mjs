#!/usr/bin/env node
// `npm test`: installs the workspace, then runs every check the project has, in order, and
// ends with a summary. The same command runs in CI (.ci/run). All steps run even after a failure,
// so one log shows everything that is wrong; the exit code is non-zero if any step failed.
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { install, pnpm, run } from './pnpm.mjs';

const reports = mkdtempSync(join(tmpdir(), 'test-reports-'));
/** Vitest arguments that also write a JSON report, so the summary can count tests. */
const vitestJson = (name) => [
  '--reporter=default',
  '--reporter=json',
  `--outputFile=${join(reports, `${name}.json`)}`,
];

const steps = [
  { name: 'format (prettier)', run: () => pnpm(['run', 'format:check']) },
  {
    name: 'contract: type-check',
    run: () => pnpm(['--filter', '@clinic/contract', 'run', 'typecheck']),
  },
  {
    name: 'contract: unit',
    report: 'contract',
    run: () =>
      pnpm(['--filter', '@clinic/contract', 'exec', 'vitest', 'run', ...vitestJson('contract')]),
  },
  { name: 'cms: lint', run: () => pnpm(['--filter', 'cms', 'run', 'lint']) },
  { name: 'cms: type-check', run: () => pnpm(['--filter', 'cms', 'run', 'typecheck']) },
  {
    name: 'cms: integration (SQLite + PostgreSQL)',
    report: 'cms',
    run: () => pnpm(['--filter', 'cms', 'exec', 'vitest', 'run', ...vitestJson('cms')]),
  },
  { name: 'web: lint', run: () => pnpm(['--filter', 'web', 'run', 'lint']) },
  { name: 'web: type-check', run: () => pnpm(['--filter', 'web', 'run', 'typecheck']) },
  {
    name: 'web: unit',
    report: 'web',
    run: () => pnpm(['--filter', 'web', 'exec', 'vitest', 'run', ...vitestJson('web')]),
  },
  { name: 'web: bundle size', run: () => pnpm(['--filter', 'web', 'run', 'size']) },
  { name: 'docker-compose config', run: () => run('bash', ['scripts/check-compose.sh']) },
  { name: 'e2e: lint', run: () => pnpm(['--filter', 'e2e', 'run', 'lint']) },
  { name: 'e2e: type-check', run: () => pnpm(['--filter', 'e2e', 'run', 'typecheck']) },
  {
    name: 'e2e (Chromium)',
    report: 'e2e',
    run: () =>
      pnpm(['--filter', 'e2e', 'run', 'test'], {
        env: { E2E_JSON_REPORT: join(reports, 'e2e.json') },
      }),
  },
];

const results = [];
const began = Date.now();
try {
  await install();
} catch (error) {
  console.error(String(error));
  process.exit(1);
}
for (const step of steps) {
  console.log(`\n━━ ${step.name} ━━`);
  const started = Date.now();
  const code = await step.run();
  results.push({
    ...step,
    ok: code === 0,
    seconds: (Date.now() - started) / 1000,
    tests: countTests(step.report),
  });
}

console.log('\n━━ summary ━━');
for (const r of results) {
  const tests = r.tests ? `  ${r.tests.passed} passed, ${r.tests.failed} failed` : '';
  console.log(
    `${r.ok ? 'ok  ' : 'FAIL'}  ${r.name.padEnd(42)} ${r.seconds.toFixed(1).padStart(6)} s${tests}`,
  );
}
const totals = results.reduce(
  (sum, r) => ({
    passed: sum.passed + (r.tests?.passed ?? 0),
    failed: sum.failed + (r.tests?.failed ?? 0),
  }),
  { passed: 0, failed: 0 },
);
const failedSteps = results.filter((r) => !r.ok).length;
console.log(
  `\n${results.length - failedSteps} of ${results.length} steps ok in ${((Date.now() - began) / 1000).toFixed(0)} s`,
);
console.log(`tests: ${totals.passed} passed, ${totals.failed} failed`);
process.exit(failedSteps === 0 ? 0 : 1);

/** Reads the JSON report a step wrote (Vitest's or Playwright's), if any. */
function countTests(report) {
  const file = report && join(reports, `${report}.json`);
  if (!file || !existsSync(file)) return null;
  const json = JSON.parse(readFileSync(file, 'utf8'));
  if (json.numPassedTests !== undefined)
    return { passed: json.numPassedTests, failed: json.numFailedTests };
  if (json.stats) return { passed: json.stats.expected, failed: json.stats.unexpected };
  return null;
}
