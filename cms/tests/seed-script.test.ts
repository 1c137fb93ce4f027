import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from './helpers/database';
import { APP_DIR, databaseKind, startCms, type RunningCms } from './helpers/strapi';

/** Runs `pnpm seed` (the script behind it) against the suite's database. */
function seedScript(...args: string[]) {
  const result = spawnSync(
    process.execPath,
    [join(APP_DIR, 'scripts', 'seed.mjs'), '--no-build', ...args],
    {
      cwd: APP_DIR,
      env: process.env, // startCms put the secrets and the database settings here
      encoding: 'utf8',
      timeout: 120_000,
    },
  );
  return { status: result.status, output: `${result.stdout}\n${result.stderr}` };
}

describe('the seed script', () => {
  let db: TestDatabase;
  let cms: RunningCms;

  beforeAll(async () => {
    db = await createTestDatabase(databaseKind);
    cms = await startCms(db);
    const faqs = cms.strapi.documents('api::faq.faq');
    const [first] = await faqs.findMany({ locale: 'en', sort: 'order', status: 'published' });
    await faqs.delete({ documentId: first!.documentId, locale: '*' });
    await cms.stop();
  });
  afterAll(() => db?.drop());

  const countFaqs = async () => {
    cms = await startCms(db);
    try {
      return (await cms.request.get('/api/faqs?locale=en')).body.data.length;
    } finally {
      await cms.stop();
    }
  };

  it('refuses without --force once the seed has run, keeping the deletion', async () => {
    const run = seedScript();
    expect(run.status, run.output).toBe(1);
    expect(run.output).toMatch(/Refusing to seed: the seed already ran/);
    expect(await countFaqs()).toBe(3);
  });

  it('restores the seed entries with --force', async () => {
    const run = seedScript('--force');
    expect(run.status, run.output).toBe(0);
    expect(run.output).toMatch(/Seed entries restored/);
    expect(await countFaqs()).toBe(4);
  });
});
