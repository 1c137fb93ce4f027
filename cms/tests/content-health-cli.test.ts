import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Report } from '../src/content-health/types';
import { seedContent } from '../src/seed/content';
import { createTestDatabase, type TestDatabase } from './helpers/database';
import { withPg } from './helpers/processes';
import { signedOff } from './helpers/sign-off';
import { APP_DIR, databaseKind, startCms, type RunningCms } from './helpers/strapi';

const SETTINGS = 'api::site-setting.site-setting';
const ARTICLE = 'api::article.article';

/** Runs `pnpm health` (the script behind it) against the suite's database. */
function health(args: string[], env: Record<string, string> = {}) {
  const result = spawnSync(
    process.execPath,
    [join(APP_DIR, 'scripts', 'health.mjs'), '--no-build', ...args],
    {
      cwd: APP_DIR,
      env: { ...process.env, ...env }, // startCms put the secrets and the database settings here
      encoding: 'utf8',
      timeout: 120_000,
    },
  );
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

type Rows = Record<string, unknown[]>;

/**
 * Strapi's own bookkeeping, which any start of Strapi writes (the CLI loads Strapi as `pnpm seed`
 * does): the upload plugin's telemetry schedule on every start; on the first start after a new
 * database was set up, the content manager's view settings and the upload plugin's notice.
 */
const STRAPI_BOOKKEEPING = /^plugin_(upload_|content_manager_configuration_)/;

/** Every row of every table but Strapi's bookkeeping: what the CLI must leave as it was. */
async function snapshot(db: TestDatabase): Promise<Rows> {
  const rows: Rows = {};
  if (db.kind === 'sqlite') {
    const Database = createRequire(import.meta.url)('better-sqlite3');
    const sqlite = new Database(db.env.DATABASE_FILENAME, { readonly: true });
    try {
      const tables = sqlite
        .prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")
        .all() as Array<{ name: string }>;
      for (const { name } of tables) rows[name] = sqlite.prepare(`SELECT * FROM "${name}"`).all();
    } finally {
      sqlite.close();
    }
  } else {
    await withPg(db, async (client) => {
      const tables = await client.query(
        "SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename",
      );
      for (const { tablename } of tables.rows) {
        rows[tablename] = (await client.query(`SELECT * FROM "${tablename}" ORDER BY 1`)).rows;
      }
    });
  }
  rows.strapi_core_store_settings = (rows.strapi_core_store_settings ?? []).filter(
    (row) => !STRAPI_BOOKKEEPING.test((row as { key: string }).key),
  );
  delete rows.sqlite_sequence; // the ids those rows took
  expect(rows.faqs?.length).toBeGreaterThan(0);
  return rows;
}

describe('pnpm health', () => {
  let db: TestDatabase;
  let cms: RunningCms | undefined;

  beforeAll(async () => {
    db = await createTestDatabase(databaseKind);
    cms = await startCms(db); // seeds
    await cms.stop();
    cms = undefined;
  });
  afterAll(async () => {
    await cms?.stop();
    await db?.drop();
  });

  it('prints the report as JSON and fails on errors with --fail-on=error, writing nothing', async () => {
    const before = await snapshot(db);
    const run = health(['--json', '--fail-on=error']);
    expect(run.status, run.stderr).toBe(1);
    const report = JSON.parse(run.stdout) as Report; // nothing but the JSON on stdout
    expect(report.counts.total).toBe(report.findings.length);
    // The four settings placeholders; the seeded article published without sign-off (four rules,
    // two languages).
    expect(report.counts.bySeverity.error).toBe(12);
    const codes = report.findings.map((f) => `${f.code}@${f.entry.locale}`);
    expect(codes).toEqual(
      expect.arrayContaining([
        'reviewer-missing@en',
        'review-date-missing@en',
        'settings-placeholder@en',
        'settings-placeholder@es',
        'published-without-sign-off@es',
      ]),
    );
    expect(await snapshot(db)).toEqual(before);
  });

  it('prints a table an editor can read, and exits 0 without --fail-on', () => {
    const run = health([]);
    expect(run.status, run.stderr).toBe(0);
    const lines = run.stdout.split('\n');
    expect(lines[0]).toMatch(/^Severity\s+Kind\s+Type\s+Locale\s+Title\s+Message$/);
    expect(run.stdout).toMatch(
      /^error\s+settings\s+Site settings\s+en\s+Site settings\s+The “clinic name” setting still holds placeholder text/m,
    );
    expect(run.stdout).toMatch(
      /^warning\s+review\s+Article\s+en\s+Ketamine for Depression Near Mountain V…\s+No one is named as the medical reviewer of this article\.$/m,
    );
    expect(run.stdout).toMatch(
      /^Content health: \d+ findings \(12 errors, \d+ warnings, 0 info\)\.$/m,
    );
  });

  it('passes --fail-on=error once the errors are fixed, and still fails --fail-on=warning', async () => {
    cms = await startCms(db);
    const settings = cms.strapi.documents(SETTINGS);
    const [current] = await settings.findMany({ locale: 'en', status: 'draft' });
    for (const locale of ['en', 'es'] as const) {
      await settings.update({
        documentId: current!.documentId,
        locale,
        data: {
          clinicName: 'Example Clinic',
          contactText: seedContent[locale].settings.disclaimer,
        },
      });
    }
    await settings.publish({ documentId: current!.documentId, locale: '*' });
    // A clinical reviewer signs the article off in both languages.
    const articles = cms.strapi.documents(ARTICLE);
    const [article] = await articles.findMany({ locale: 'en', status: 'draft' });
    for (const locale of ['en', 'es'] as const) {
      await articles.update({ documentId: article!.documentId, locale, data: signedOff() });
    }
    await articles.publish({ documentId: article!.documentId, locale: '*' });
    await cms.stop();
    cms = undefined;

    const errors = health(['--fail-on=error']);
    expect(errors.status, errors.stderr).toBe(0);
    expect(errors.stdout).toMatch(/\(0 errors, /);
    expect(health(['--fail-on', 'warning']).status).toBe(1);
  });

  it.each([[['--fail-on=severe']], [['--jsn']], [['--fail-on']]])(
    'exits 2 with the usage on bad arguments: %j',
    (args) => {
      const run = health(args);
      expect(run.status).toBe(2);
      expect(run.stderr).toMatch(
        /Usage: pnpm health \[--json\] \[--fail-on=error\|warning\|info\]/,
      );
      expect(run.stdout).toBe('');
    },
  );

  it('exits 3 naming a bad setting', () => {
    const run = health(['--json'], { CONTENT_HEALTH_DRAFT_DAYS: 'fortnight' });
    expect(run.status).toBe(3);
    expect(run.stderr).toMatch(/CONTENT_HEALTH_DRAFT_DAYS must be a whole number from 1 to 3650/);
    expect(run.stdout).toBe('');
  });
});
