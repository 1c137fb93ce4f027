#!/usr/bin/env node
// `pnpm health [--json] [--fail-on=error|warning|info] [--no-build]`: the content-health report
// (src/content-health, the same service as the admin's /content-health/report) for the
// configured database, without starting the HTTP server. Read-only: it reads content through
// the Document Service; the seed does not run (SEED_ON_START=false), as with `pnpm seed`.
//
//   --json          print the report as JSON (the admin route's `data`) instead of a table
//   --fail-on=SEV   exit 1 when a finding of severity SEV or worse exists (CI); default: exit 0
//   --no-build      reuse the compiled dist/ instead of compiling first
//
// Exit codes: 0 report printed (no finding at or above --fail-on), 1 such a finding exists,
// 2 bad arguments (usage printed), 3 the report could not be made (the error printed).
import { createRequire } from 'node:module';
import { join } from 'node:path';

const USAGE = `Usage: pnpm health [--json] [--fail-on=error|warning|info] [--no-build]

Prints the content-health report of the CMS's database: what editors should fix.
  --json          the report as JSON instead of a table
  --fail-on=SEV   exit with 1 when a finding of severity SEV or worse exists
                  (error < warning < info: --fail-on=warning fails on errors and warnings)
  --no-build      use the compiled dist/ as it is (skip compiling)
  -h, --help      this help`;

const SEVERITIES = ['error', 'warning', 'info'];

function parseArguments(argv) {
  const options = { json: false, failOn: null, build: true, help: false };
  for (let index = 0; index < argv.length; index += 1) {
    const argument = argv[index];
    if (argument === '--json') options.json = true;
    else if (argument === '--no-build') options.build = false;
    else if (argument === '--help' || argument === '-h') options.help = true;
    else if (argument === '--fail-on' || argument.startsWith('--fail-on=')) {
      const value = argument === '--fail-on' ? argv[++index] : argument.slice('--fail-on='.length);
      if (!SEVERITIES.includes(value)) {
        throw new Error(`--fail-on takes error, warning or info, not "${value ?? ''}".`);
      }
      options.failOn = value;
    } else {
      throw new Error(`Unknown argument "${argument}".`);
    }
  }
  return options;
}

let options;
try {
  options = parseArguments(process.argv.slice(2));
} catch (error) {
  console.error(`${error.message}\n\n${USAGE}`);
  process.exit(2);
}
if (options.help) {
  console.log(USAGE);
  process.exit(0);
}

/** The report as a table an editor can read in a terminal. */
function formatTable(report) {
  const columns = ['Severity', 'Kind', 'Type', 'Locale', 'Title', 'Message'];
  const clip = (text, width) => (text.length > width ? `${text.slice(0, width - 1)}…` : text);
  const rows = report.findings.map((f) => [
    f.severity,
    f.kind,
    f.entry.contentType,
    f.entry.locale,
    clip(f.entry.title, 40),
    f.message,
  ]);
  const widths = columns
    .slice(0, -1)
    .map((title, i) => Math.max(title.length, ...rows.map((row) => row[i].length)));
  const line = (cells) =>
    cells
      .map((cell, i) => (i < widths.length ? cell.padEnd(widths[i]) : cell))
      .join('  ')
      .trimEnd();
  const { counts, targets } = report;
  const plural = (n, word) => `${n} ${word}${n === 1 ? '' : 's'}`;
  const summary =
    counts.total === 0
      ? 'Content health: no findings.'
      : `Content health: ${plural(counts.total, 'finding')} (${plural(counts.bySeverity.error, 'error')}, ` +
        `${plural(counts.bySeverity.warning, 'warning')}, ${counts.bySeverity.info} info).`;
  const settings =
    `Targets: English up to grade ${targets.en} (Flesch-Kincaid), Spanish a score of ` +
    `${targets.es} or more (Fernández-Huerta); reviews flagged ${targets.reviewWarningDays} days ` +
    `ahead; drafts forgotten after ${targets.draftDays} days.`;
  if (rows.length === 0) return `${summary}\n${settings}`;
  return [
    line(columns),
    line(widths.map((width) => '-'.repeat(width)).concat('-------')),
    ...rows.map(line),
    '',
    summary,
    settings,
  ].join('\n');
}

// Strapi logs to stdout while it loads: keep stdout for the report (`--json | jq`), send the
// rest to stderr.
const writeStdout = process.stdout.write.bind(process.stdout);
process.stdout.write = process.stderr.write.bind(process.stderr);
process.env.SEED_ON_START = 'false';

const require = createRequire(import.meta.url);
let strapi;
let output;
let exitCode = 0;
try {
  const { compileStrapi, createStrapi } = require('@strapi/strapi');
  const appDir = process.cwd();
  const context = options.build
    ? await compileStrapi({ appDir })
    : { appDir, distDir: join(appDir, 'dist') };
  strapi = createStrapi({ ...context, serveAdminPanel: false });
  strapi.log.level = process.env.HEALTH_LOG_LEVEL ?? 'warn';
  await strapi.load();
  const { buildReport } = require(join(context.distDir, 'src', 'content-health', 'index.js'));
  const report = await buildReport(strapi);
  output = options.json ? JSON.stringify(report, null, 2) : formatTable(report);
  if (options.failOn) {
    const worst = SEVERITIES.indexOf(options.failOn);
    if (report.findings.some((f) => SEVERITIES.indexOf(f.severity) <= worst)) exitCode = 1;
  }
} catch (error) {
  console.error(`Content health: the report could not be made: ${error?.stack ?? error}`);
  exitCode = 3;
} finally {
  await strapi?.destroy().catch(() => {});
}
process.stdout.write = writeStdout;
if (output !== undefined) process.stdout.write(`${output}\n`, () => process.exit(exitCode));
else process.exit(exitCode);
