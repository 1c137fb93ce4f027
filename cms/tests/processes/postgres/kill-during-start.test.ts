import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  generateSecrets,
  sleep,
  startCmsProcess,
  type CmsProcess,
  type ManagedProcess,
} from '../../../../scripts/lib/cms-process.mjs';
import { seedContent } from '../../../src/seed/content';
import { createTestDatabase, type TestDatabase } from '../../helpers/database';
import {
  ADMIN,
  assertCompiled,
  expectedSeedRows,
  getJson,
  logDir,
  readLog,
  seedRows,
  withPg,
} from '../../helpers/processes';

/**
 * The first CMS process on an empty database is killed (SIGKILL) in the middle of its seed, so
 * while it holds the start-up lock. The next process must neither wait for the dead one forever
 * (the lock died with its connection) nor skip the half-done seed as "content exists": it finishes
 * it, and the database ends up seeded exactly once.
 */

/**
 * True once the seed has got to the risk factors (it writes the FAQs first, then the risk
 * factors, the article, the settings and the glossary): rows committed there, or a transaction
 * writing there.
 * Killed then, a seed that committed as it went would leave FAQs and nothing else.
 */
const SEED_HALFWAY = `
  SELECT EXISTS (SELECT 1 FROM risk_factors)
      OR EXISTS (SELECT 1 FROM pg_locks l JOIN pg_class c ON c.oid = l.relation
                  WHERE c.relname = 'risk_factors' AND l.mode = 'RowExclusiveLock'
                    AND l.database = (SELECT oid FROM pg_database
                                       WHERE datname = current_database())) AS halfway`;

describe('a CMS killed while seeding at start-up, then started again', () => {
  let db: TestDatabase;
  let firstLog: string;
  let first: ManagedProcess | undefined;
  let second: CmsProcess | undefined;
  let restartMs = 0;

  beforeAll(async () => {
    assertCompiled();
    db = await createTestDatabase('postgres');
    const dir = logDir('kill-start');
    firstLog = join(dir, 'cms-1.log');
    const options = {
      secrets: generateSecrets(),
      env: { ...db.env, ADMIN_EMAIL: ADMIN.email, ADMIN_PASSWORD: ADMIN.password },
    };

    const starting = startCmsProcess({
      ...options,
      name: 'CMS 1',
      logFile: firstLog,
      onSpawn: (proc) => {
        first = proc;
      },
    });
    starting.catch(() => {}); // it never becomes healthy: that is the point
    await withPg(db, async (client) => {
      const deadline = Date.now() + 90_000;
      for (;;) {
        if ((first && !first.running()) || Date.now() > deadline) {
          throw new Error(`CMS 1 did not get to its seed:\n${readLog(firstLog)}`);
        }
        // The table exists once CMS 1 has synced the schema.
        const halfway = await client.query(SEED_HALFWAY).then(
          ({ rows }) => rows[0].halfway as boolean,
          () => false,
        );
        if (halfway) break;
        await sleep(5);
      }
    });
    first!.kill('SIGKILL');
    await first!.exited;

    const began = Date.now();
    second = await startCmsProcess({
      ...options,
      name: 'CMS 2',
      logFile: join(dir, 'cms-2.log'),
      timeoutMs: 60_000,
    });
    restartMs = Date.now() - began;
  }, 150_000);

  afterAll(async () => {
    await second?.stop();
    await first?.stop();
    await db?.drop();
  });

  it('was killed while seeding', async () => {
    expect((await first!.exited).signal).toBe('SIGKILL');
    const log = readLog(firstLog);
    expect(log).toContain('[first-admin] created super admin');
    expect(log).not.toMatch(/\[seed\] \{/);
  });

  it('did not hold up the next process, which finished the seed', () => {
    expect(readLog(second!.logFile!)).toContain(
      '[seed] {"status":"seeded","forced":false,"resumed":true}',
    );
    console.info(`the next process was healthy ${restartMs} ms after the kill`);
  });

  it('left the database seeded exactly once, with one admin', async () => {
    await withPg(db, async (client) => {
      expect(await seedRows(client)).toEqual(expectedSeedRows());
      const { rows } = await client.query('SELECT email FROM admin_users');
      expect(rows).toEqual([{ email: ADMIN.email }]);
    });
  });

  it('serves the whole seed', async () => {
    for (const locale of ['en', 'es'] as const) {
      const faqs = await getJson(second!.url, `/api/faqs?locale=${locale}&sort=order:asc`);
      expect(faqs.status).toBe(200);
      expect(
        (faqs.body as { data: Array<{ question: string; answer: unknown }> }).data.map(
          ({ question, answer }) => ({ question, answer }),
        ),
      ).toEqual(seedContent[locale].faqs);
      const articles = await getJson(second!.url, `/api/articles?locale=${locale}&populate=faqs`);
      const list = (articles.body as { data: Array<{ slug: string; faqs: unknown[] }> }).data;
      expect(list.map((article) => article.slug)).toEqual([seedContent[locale].article.slug]);
      expect(list[0]!.faqs).toHaveLength(seedContent[locale].faqs.length);
    }
  });
});
