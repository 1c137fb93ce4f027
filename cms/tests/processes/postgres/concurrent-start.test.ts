import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  generateSecrets,
  startCmsProcess,
  type CmsProcess,
} from '../../../../scripts/lib/cms-process.mjs';
import { PUBLIC_READ_ACTIONS } from '../../../src/bootstrap/public-permissions';
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
 * What `docker compose up --scale cms=3` does on a fresh PostgreSQL database: several CMS
 * processes, started at the same moment with the same secrets, each running cms/package.json's
 * `start` command (the image's CMD). Strapi assumes it boots alone; the start-up lock
 * (src/bootstrap/startup-lock.ts) makes them take turns, so every start-up task runs as if alone.
 */
const PROCESSES = 2;

describe('several CMS processes starting at the same moment on one empty database', () => {
  let db: TestDatabase;
  let logs: string[];
  let started: Array<PromiseSettledResult<CmsProcess>>;
  let processes: CmsProcess[] = [];
  let startupMs: number;

  beforeAll(async () => {
    assertCompiled();
    db = await createTestDatabase('postgres');
    const dir = logDir('concurrent-start');
    logs = Array.from({ length: PROCESSES }, (_, i) => join(dir, `cms-${i + 1}.log`));
    const secrets = generateSecrets(); // one deployment: every replica has the same secrets
    const began = Date.now();
    started = await Promise.allSettled(
      logs.map((logFile, i) =>
        startCmsProcess({
          name: `CMS ${i + 1}`,
          secrets,
          env: { ...db.env, ADMIN_EMAIL: ADMIN.email, ADMIN_PASSWORD: ADMIN.password },
          logFile,
          timeoutMs: 90_000,
        }),
      ),
    );
    startupMs = Date.now() - began;
    processes = started.flatMap((result) => (result.status === 'fulfilled' ? [result.value] : []));
  }, 150_000);

  afterAll(async () => {
    await Promise.all(processes.map((cms) => cms.stop()));
    await db?.drop();
  });

  it('all come up', () => {
    const failures = started.flatMap((result) =>
      result.status === 'rejected' ? [String(result.reason)] : [],
    );
    expect(failures, failures.join('\n\n')).toEqual([]);
    console.info(`${PROCESSES} processes healthy after ${startupMs} ms`);
  });

  it('took turns: one started alone while the others waited for it, visibly', () => {
    const texts = logs.map(readLog);
    const waited = texts.filter((text) =>
      text.includes('waiting for another CMS process to finish starting'),
    );
    expect(waited.length, logs.join(', ')).toBeGreaterThanOrEqual(1);
    // The seed ran in exactly one of them; the others found it done.
    expect(texts.filter((text) => text.includes('[seed] {"status":"seeded"')).length).toBe(1);
    expect(texts.filter((text) => text.includes('"reason":"already-seeded"')).length).toBe(
      PROCESSES - 1,
    );
  });

  it('left one complete set of start-up data: locales, roles, permissions, one admin', async () => {
    await withPg(db, async (client) => {
      const rows = async (sql: string) => (await client.query(sql)).rows;

      expect(await rows('SELECT code FROM i18n_locale ORDER BY code')).toEqual([
        { code: 'en' },
        { code: 'es' },
      ]);
      expect(
        await rows('SELECT code, count(*)::int AS n FROM admin_roles GROUP BY code ORDER BY code'),
      ).toEqual([
        { code: 'clinical-reviewer', n: 1 },
        { code: 'strapi-author', n: 1 },
        { code: 'strapi-editor', n: 1 },
        { code: 'strapi-super-admin', n: 1 },
      ]);
      expect(
        await rows(
          `SELECT u.email, r.code FROM admin_users u
             JOIN admin_users_roles_lnk l ON l.user_id = u.id
             JOIN admin_roles r ON r.id = l.role_id`,
        ),
      ).toEqual([{ email: ADMIN.email, code: 'strapi-super-admin' }]);
      expect(
        await rows('SELECT type, count(*)::int AS n FROM up_roles GROUP BY type ORDER BY type'),
      ).toEqual([
        { type: 'authenticated', n: 1 },
        { type: 'public', n: 1 },
      ]);

      const publicActions = await rows(
        `SELECT p.action FROM up_permissions p
           JOIN up_permissions_role_lnk l ON l.permission_id = p.id
           JOIN up_roles r ON r.id = l.role_id
          WHERE r.type = 'public' ORDER BY p.action`,
      );
      const wanted = Object.entries(PUBLIC_READ_ACTIONS)
        .flatMap(([uid, actions]) => actions.map((action) => `${uid}.${action}`))
        .sort();
      expect(publicActions.map((row) => row.action)).toEqual(wanted);
    });
  });

  it('seeded exactly once', async () => {
    expect(await withPg(db, seedRows)).toEqual(expectedSeedRows());
  });

  it('all serve the same public content', async () => {
    const paths = ['en', 'es'].flatMap((locale) => [
      `/api/faqs?locale=${locale}&sort=order:asc`,
      `/api/risk-factors?locale=${locale}&sort=order:asc`,
      `/api/articles?locale=${locale}&populate=faqs`,
      `/api/site-setting?locale=${locale}`,
    ]);
    expect(processes).toHaveLength(PROCESSES);
    for (const path of paths) {
      const answers = await Promise.all(processes.map((cms) => getJson(cms.url, path)));
      for (const answer of answers) expect(answer.status, path).toBe(200);
      for (const answer of answers.slice(1)) expect(answer.body, path).toEqual(answers[0]!.body);
    }
    const faqs = await getJson(processes[0]!.url, '/api/faqs?locale=es&sort=order:asc');
    expect(
      (faqs.body as { data: Array<{ question: string }> }).data.map((f) => f.question),
    ).toEqual(seedContent.es.faqs.map((faq) => faq.question));
  });
});
