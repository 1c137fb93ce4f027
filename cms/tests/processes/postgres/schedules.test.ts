import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  generateSecrets,
  sleep,
  startCmsProcess,
  type CmsProcess,
} from '../../../../scripts/lib/cms-process.mjs';
import { createTestDatabase, type TestDatabase } from '../../helpers/database';
import { ADMIN, assertCompiled, logDir, readLog, withPg } from '../../helpers/processes';

/**
 * Scheduled actions with several CMS processes (src/schedules): two real `strapi start`
 * processes on one PostgreSQL database, each running the schedules' cron task every second.
 * Every due schedule runs exactly once: one `schedule-fired` row and one unpublish row in the
 * publish log per schedule, whichever process claimed it.
 */
const PROCESSES = 2;

describe('due schedules with two CMS processes on PostgreSQL', () => {
  let db: TestDatabase;
  let logs: string[];
  let processes: CmsProcess[] = [];

  beforeAll(async () => {
    assertCompiled();
    db = await createTestDatabase('postgres');
    const dir = logDir('schedules');
    logs = Array.from({ length: PROCESSES }, (_, i) => join(dir, `cms-${i + 1}.log`));
    const secrets = generateSecrets();
    processes = await Promise.all(
      logs.map((logFile, i) =>
        startCmsProcess({
          name: `CMS ${i + 1}`,
          secrets,
          env: {
            ...db.env,
            ADMIN_EMAIL: ADMIN.email,
            ADMIN_PASSWORD: ADMIN.password,
            SCHEDULE_INTERVAL_SECONDS: '1',
          },
          logFile,
          timeoutMs: 90_000,
        }),
      ),
    );
  }, 150_000);

  afterAll(async () => {
    await Promise.all(processes.map((cms) => cms.stop()));
    await db?.drop();
  });

  it('run each due schedule exactly once', async () => {
    const ids = await withPg(db, async (client) => {
      // Every seeded FAQ in both languages, due now, set as the admin's routes would.
      const { rows: faqs } = await client.query(
        'SELECT DISTINCT document_id, locale FROM faqs WHERE published_at IS NOT NULL',
      );
      expect(faqs.length).toBeGreaterThanOrEqual(4);
      const { rows } = await client.query(
        `INSERT INTO clinic_schedules
           (uid, document_id, locale, action, at, status, set_by_kind, set_by_name, created_at, updated_at)
         SELECT 'api::faq.faq', f.document_id, f.locale, 'unpublish', now(), 'pending', 'script',
                'script', now(), now()
           FROM (SELECT DISTINCT document_id, locale FROM faqs WHERE published_at IS NOT NULL) f
         RETURNING id`,
      );
      return rows.map((row: { id: number }) => Number(row.id));
    });

    const started = Date.now();
    let statuses: Array<{ status: string; claimed_by: string | null }> = [];
    while (Date.now() - started < 60_000) {
      statuses = await withPg(db, async (client) => {
        const { rows } = await client.query(
          'SELECT status, claimed_by FROM clinic_schedules WHERE id = ANY($1)',
          [ids],
        );
        return rows;
      });
      if (statuses.every((row) => row.status === 'done' || row.status === 'failed')) break;
      await sleep(500);
    }
    const elapsed = Date.now() - started;
    expect(
      statuses.map((row) => row.status),
      logs.map(readLog).join('\n'),
    ).toEqual(ids.map(() => 'done'));
    const byProcess: Record<string, number> = {};
    for (const row of statuses) byProcess[row.claimed_by!] = (byProcess[row.claimed_by!] ?? 0) + 1;
    console.info(
      `${ids.length} schedules done in ${elapsed} ms; claimed per process: ${JSON.stringify(byProcess)}`,
    );

    // The publish log is written just after each action: give the last rows a moment.
    await sleep(1000);
    await withPg(db, async (client) => {
      const { rows: fired } = await client.query(
        `SELECT (detail::json->>'scheduleId')::int AS id, count(*)::int AS n
           FROM clinic_publish_log WHERE action = 'schedule-fired' GROUP BY 1 ORDER BY 1`,
      );
      expect(fired).toEqual(ids.sort((a, b) => a - b).map((id) => ({ id, n: 1 })));
      const { rows: unpublished } = await client.query(
        `SELECT document_id, locale, count(*)::int AS n FROM clinic_publish_log
          WHERE action = 'unpublish' AND actor_kind = 'scheduler' GROUP BY 1, 2`,
      );
      expect(unpublished).toHaveLength(ids.length);
      expect(unpublished.every((row: { n: number }) => row.n === 1)).toBe(true);
      const { rows: left } = await client.query(
        'SELECT count(*)::int AS n FROM faqs WHERE published_at IS NOT NULL',
      );
      expect(left).toEqual([{ n: 0 }]);
    });
  });
});
