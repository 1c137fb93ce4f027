import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildReport } from '../src/content-health/service';
import { LOG_TABLE } from '../src/publish-log/store';
import { CLAIM_TIMEOUT_MS, runDueSchedules } from '../src/schedules/service';
import { SCHEDULE_TABLE, type ScheduleRow } from '../src/schedules/store';
import { adminToken, createAdminUser } from './helpers/admin-users';
import { createTestDatabase, type TestDatabase } from './helpers/database';
import { signedOff } from './helpers/sign-off';
import { databaseKind, startCms, type RunningCms } from './helpers/strapi';

/**
 * Scheduled publish and unpublish (src/schedules): set, replace and cancel through the admin
 * routes with the Content Manager's permissions, bad input refused, the sign-off rule applied
 * when set and again when fired, firing through the task function (the cron is off here so the
 * test decides when), failures in content health and the publish log, and rows surviving a
 * restart.
 */

const ARTICLE = 'api::article.article';
const FAQ = 'api::faq.faq';
const EDITOR = { email: 'sched.editor@example.com', password: 'Sched-Editor-2026' };
const REVIEWER = { email: 'sched.reviewer@example.com', password: 'Sched-Reviewer-2026' };
const AUTHOR = { email: 'sched.author@example.com', password: 'Sched-Author-2026' };
const NO_CRON = { CRON_ENABLED: 'false' };

let db: TestDatabase;
let cms: RunningCms;
let editor: string;
let reviewer: string;
let author: string;

const auth = (token: string) => ({ Authorization: `Bearer ${token}` });
const inMinutes = (minutes: number) => new Date(Date.now() + minutes * 60_000);
const paragraph = (text: string) => [{ type: 'paragraph', children: [{ type: 'text', text }] }];

async function login() {
  editor = await adminToken(cms, EDITOR);
  reviewer = await adminToken(cms, REVIEWER);
  author = await adminToken(cms, AUTHOR);
}

beforeAll(async () => {
  db = await createTestDatabase(databaseKind);
  cms = await startCms(db, NO_CRON);
  await createAdminUser(cms.strapi, 'strapi-editor', EDITOR);
  await createAdminUser(cms.strapi, 'clinical-reviewer', REVIEWER);
  await createAdminUser(cms.strapi, 'strapi-author', AUTHOR);
  await login();
});
afterAll(async () => {
  await cms?.stop();
  await db?.drop();
});

async function draftFaq(question: string) {
  return cms.strapi.documents(FAQ).create({
    locale: 'en',
    data: { question, order: 90, answer: paragraph('An answer.') as never },
  });
}

function schedule(
  token: string,
  body: Record<string, unknown>,
): Promise<{ status: number; body: { data: ScheduleRow; error?: { message: string } } }> {
  return cms.request.post('/schedules').set(auth(token)).send(body) as never;
}

async function list(token: string, documentId: string, uid = FAQ, locale = 'en') {
  const response = await cms.request
    .get('/schedules')
    .query({ uid, documentId, locale })
    .set(auth(token));
  expect(response.status, JSON.stringify(response.body)).toBe(200);
  return response.body.data as ScheduleRow[];
}

async function isPublished(uid: string, documentId: string, locale = 'en'): Promise<boolean> {
  const found = await cms.strapi
    .documents(uid as typeof FAQ)
    .findOne({ documentId, locale, status: 'published' });
  return found !== null;
}

/** The log is written just after the action: wait for its rows. */
async function logRows(documentId: string, action: string) {
  for (let attempt = 0; attempt < 50; attempt++) {
    const rows = await cms.strapi.db
      .connection(LOG_TABLE)
      .where({ document_id: documentId, action })
      .orderBy('id');
    if (rows.length > 0) return rows as Array<Record<string, unknown>>;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return [];
}

describe('setting schedules', () => {
  it('sets, replaces and cancels an FAQ’s publish, as an Editor', async () => {
    const faq = await draftFaq('Scheduled question?');
    const first = await schedule(editor, {
      uid: FAQ,
      documentId: faq.documentId,
      locale: 'en',
      action: 'publish',
      at: inMinutes(30).toISOString(),
    });
    expect(first.status, JSON.stringify(first.body)).toBe(201);
    expect(first.body.data).toMatchObject({
      status: 'pending',
      action: 'publish',
      setByName: 'editor Tester',
    });

    const later = inMinutes(60).toISOString();
    const second = await schedule(editor, {
      uid: FAQ,
      documentId: faq.documentId,
      locale: 'en',
      action: 'publish',
      at: later,
    });
    expect(second.status).toBe(201);
    const rows = await list(editor, faq.documentId);
    expect(rows.filter((row) => row.status === 'pending')).toEqual([
      expect.objectContaining({ id: second.body.data.id, at: later }),
    ]);
    expect(rows.find((row) => row.id === first.body.data.id)?.status).toBe('cancelled');

    const cancel = await cms.request.delete(`/schedules/${second.body.data.id}`).set(auth(editor));
    expect(cancel.status, JSON.stringify(cancel.body)).toBe(200);
    expect(cancel.body.data.status).toBe('cancelled');
    const again = await cms.request.delete(`/schedules/${second.body.data.id}`).set(auth(editor));
    expect(again.status).toBe(400);
    expect(again.body.error.message).toMatch(/only a pending or failed one/);
    expect((await list(editor, faq.documentId)).some((row) => row.status === 'pending')).toBe(
      false,
    );

    const logged = await logRows(faq.documentId, 'schedule-set');
    expect(logged).toHaveLength(2);
    expect(logged[0]).toMatchObject({ actor_name: 'editor Tester', locale: 'en' });
    expect((await logRows(faq.documentId, 'schedule-cancelled')).length).toBe(1);
  });

  it('refuses bad input with a 400 that says what is wrong', async () => {
    const faq = await draftFaq('Bad input question?');
    const valid = {
      uid: FAQ,
      documentId: faq.documentId,
      locale: 'en',
      action: 'publish',
      at: inMinutes(10).toISOString(),
    };
    const cases: Array<[Record<string, unknown>, RegExp]> = [
      [{ ...valid, at: inMinutes(-1).toISOString() }, /not in the future/],
      [{ ...valid, at: 'tomorrow' }, /"at" must be a date and time/],
      [{ ...valid, at: '2030-01-01T09:00' }, /with its time zone/],
      [{ ...valid, at: 12 }, /"at" must be a date and time/],
      [{ ...valid, action: 'delete' }, /"action" must be "publish" or "unpublish"/],
      [{ ...valid, locale: 'fr' }, /Unknown locale "fr"/],
      [{ ...valid, documentId: 'no-such-entry' }, /No entry "no-such-entry"/],
      [{ ...valid, uid: 'admin::user' }, /not a content type whose entries can be scheduled/],
      [{ ...valid, extra: 1 }, /Unknown field "extra"/],
      [{ ...valid, documentId: undefined }, /"documentId" is required/],
    ];
    for (const [body, message] of cases) {
      const response = await schedule(editor, body);
      expect(response.status, JSON.stringify(body)).toBe(400);
      expect(response.body.error?.message).toMatch(message);
    }
    const badList = await cms.request.get('/schedules').query({ uid: FAQ }).set(auth(editor));
    expect(badList.status).toBe(400);
    expect((await cms.request.delete('/schedules/abc').set(auth(editor))).status).toBe(404);
    expect((await cms.request.post('/schedules').send(valid)).status).toBe(401);
  });

  it('lets only those who may publish the entry schedule it', async () => {
    const faq = await draftFaq('Permission question?');
    const [article] = await cms.strapi.documents(ARTICLE).findMany({ locale: 'en' });
    const at = inMinutes(10).toISOString();
    // Editors prepare articles, Clinical reviewers publish them; Authors publish nothing.
    const editorArticle = await schedule(editor, {
      uid: ARTICLE,
      documentId: article!.documentId,
      locale: 'en',
      action: 'unpublish',
      at,
    });
    expect(editorArticle.status).toBe(403);
    expect(editorArticle.body.error?.message).toMatch(/may not publish this entry/);
    const authorFaq = await schedule(author, {
      uid: FAQ,
      documentId: faq.documentId,
      locale: 'en',
      action: 'publish',
      at,
    });
    expect(authorFaq.status).toBe(403);
    const reviewerArticle = await schedule(reviewer, {
      uid: ARTICLE,
      documentId: article!.documentId,
      locale: 'en',
      action: 'unpublish',
      at,
    });
    expect(reviewerArticle.status, JSON.stringify(reviewerArticle.body)).toBe(201);
    const cancelled = await cms.request
      .delete(`/schedules/${reviewerArticle.body.data.id}`)
      .set(auth(editor));
    expect(cancelled.status).toBe(403);
    const byReviewer = await cms.request
      .delete(`/schedules/${reviewerArticle.body.data.id}`)
      .set(auth(reviewer));
    expect(byReviewer.status).toBe(200);
  });

  it('refuses a scheduled publish the sign-off rule would refuse now, with its message', async () => {
    // The seeded article names no reviewer (the clinic's material names none).
    const [article] = await cms.strapi.documents(ARTICLE).findMany({ locale: 'en' });
    const response = await schedule(reviewer, {
      uid: ARTICLE,
      documentId: article!.documentId,
      locale: 'en',
      action: 'publish',
      at: inMinutes(10).toISOString(),
    });
    expect(response.status).toBe(400);
    expect(response.body.error?.message).toMatch(
      /Publishing refused \(clinical sign-off\): no clinical reviewer is named/,
    );
    expect((response.body.error as unknown as { details: { code: string } }).details.code).toBe(
      'SIGN_OFF_REFUSED',
    );
    const rows = await list(reviewer, article!.documentId, ARTICLE);
    expect(rows.filter((row) => row.action === 'publish')).toEqual([]);
  });
});

describe('firing schedules', () => {
  it('publishes and later unpublishes an FAQ when due, as the scheduler, once', async () => {
    const faq = await draftFaq('Time-limited notice?');
    const publishAt = inMinutes(5);
    const unpublishAt = inMinutes(10);
    for (const [action, at] of [
      ['publish', publishAt],
      ['unpublish', unpublishAt],
    ] as const) {
      const set = await schedule(editor, {
        uid: FAQ,
        documentId: faq.documentId,
        locale: 'en',
        action,
        at: at.toISOString(),
      });
      expect(set.status, JSON.stringify(set.body)).toBe(201);
    }

    expect(await runDueSchedules(cms.strapi, { now: new Date() })).toEqual([]);
    expect(await isPublished(FAQ, faq.documentId)).toBe(false);

    const afterPublish = new Date(publishAt.getTime() + 1000);
    const fired = await runDueSchedules(cms.strapi, { now: afterPublish });
    expect(fired.map((run) => run.outcome)).toEqual(['done']);
    expect(await isPublished(FAQ, faq.documentId)).toBe(true);
    // Claimed once: another run (another process) at the same time finds nothing to do.
    expect(await runDueSchedules(cms.strapi, { now: afterPublish, processId: 'other' })).toEqual(
      [],
    );

    const unpublished = await runDueSchedules(cms.strapi, {
      now: new Date(unpublishAt.getTime() + 1000),
    });
    expect(unpublished.map((run) => run.outcome)).toEqual(['done']);
    expect(await isPublished(FAQ, faq.documentId)).toBe(false);

    const rows = await list(editor, faq.documentId);
    expect(rows.map((row) => [row.action, row.status])).toEqual([
      ['unpublish', 'done'],
      ['publish', 'done'],
    ]);
    // The content events saw a publish and an unpublish by the scheduler; the log says so.
    const published = await logRows(faq.documentId, 'publish');
    expect(published).toEqual([expect.objectContaining({ actor_kind: 'scheduler' })]);
    expect(await logRows(faq.documentId, 'unpublish')).toEqual([
      expect.objectContaining({ actor_kind: 'scheduler' }),
    ]);
    expect(await logRows(faq.documentId, 'schedule-fired')).toHaveLength(2);
  });

  it('re-checks the sign-off rule when it fires: a failure is kept, logged and in content health', async () => {
    const article = await cms.strapi.documents(ARTICLE).create({
      locale: 'en',
      data: {
        title: 'Scheduled article',
        slug: 'scheduled-article-test',
        summary: 'Test summary.',
        body: paragraph('Test body.') as never,
        ...signedOff(),
      },
    });
    const at = inMinutes(5);
    const set = await schedule(reviewer, {
      uid: ARTICLE,
      documentId: article.documentId,
      locale: 'en',
      action: 'publish',
      at: at.toISOString(),
    });
    expect(set.status, JSON.stringify(set.body)).toBe(201);
    // Between setting and firing, someone clears the reviewer.
    await cms.strapi
      .documents(ARTICLE)
      .update({ documentId: article.documentId, locale: 'en', data: { reviewedBy: '' } });

    const fired = await runDueSchedules(cms.strapi, { now: new Date(at.getTime() + 1000) });
    expect(fired).toEqual([{ id: set.body.data.id, outcome: 'failed' }]);
    expect(await isPublished(ARTICLE, article.documentId)).toBe(false);
    const [row] = await list(reviewer, article.documentId, ARTICLE);
    expect(row).toMatchObject({ status: 'failed' });
    expect(row!.message).toMatch(/no clinical reviewer is named/);

    const failedLog = await logRows(article.documentId, 'schedule-failed');
    expect(failedLog).toEqual([expect.objectContaining({ actor_kind: 'scheduler' })]);
    expect((await logRows(article.documentId, 'sign-off-refused'))[0]).toMatchObject({
      actor_kind: 'scheduler',
    });

    const findings = async () =>
      (await buildReport(cms.strapi, {})).findings.filter(
        (finding) =>
          finding.code === 'schedule-failed' && finding.entry.documentId === article.documentId,
      );
    expect(await findings()).toEqual([
      expect.objectContaining({
        severity: 'error',
        params: expect.objectContaining({ scheduledAction: 'publish', at: at.toISOString() }),
      }),
    ]);
    // Dismissed in the edit view's panel: content health no longer shows it.
    const dismissed = await cms.request.delete(`/schedules/${row!.id}`).set(auth(reviewer));
    expect(dismissed.status, JSON.stringify(dismissed.body)).toBe(200);
    expect(await findings()).toEqual([]);
  });

  it('cancels the pending schedules of an entry that is deleted', async () => {
    const faq = await draftFaq('Deleted question?');
    const set = await schedule(editor, {
      uid: FAQ,
      documentId: faq.documentId,
      locale: 'en',
      action: 'publish',
      at: inMinutes(5).toISOString(),
    });
    expect(set.status).toBe(201);
    await cms.strapi.documents(FAQ).delete({ documentId: faq.documentId, locale: '*' });
    let status = 'pending';
    for (let attempt = 0; attempt < 50 && status === 'pending'; attempt++) {
      await new Promise((resolve) => setTimeout(resolve, 50));
      const row = await cms.strapi.db
        .connection(SCHEDULE_TABLE)
        .where({ id: set.body.data.id })
        .first();
      status = row.status;
    }
    expect(status).toBe('cancelled');
  });

  it('keeps schedules across a restart, and retries one a crashed process left running', async () => {
    const faq = await draftFaq('Restart question?');
    const abandoned = await draftFaq('Abandoned question?');
    const at = inMinutes(5);
    const pending = await schedule(editor, {
      uid: FAQ,
      documentId: faq.documentId,
      locale: 'en',
      action: 'publish',
      at: at.toISOString(),
    });
    const running = await schedule(editor, {
      uid: FAQ,
      documentId: abandoned.documentId,
      locale: 'en',
      action: 'publish',
      at: at.toISOString(),
    });
    const firedAt = new Date(at.getTime() + 1000);
    // A process claimed this one and died before finishing it.
    await cms.strapi.db
      .connection(SCHEDULE_TABLE)
      .where({ id: running.body.data.id })
      .update({ status: 'running', claimed_by: 'crashed', claimed_at: firedAt });

    await cms.stop();
    cms = await startCms(db, NO_CRON);
    await login();

    expect((await list(editor, faq.documentId))[0]).toMatchObject({
      id: pending.body.data.id,
      status: 'pending',
    });
    // Not yet timed out: only the pending one runs.
    expect(await runDueSchedules(cms.strapi, { now: firedAt })).toEqual([
      { id: pending.body.data.id, outcome: 'done' },
    ]);
    expect(await isPublished(FAQ, abandoned.documentId)).toBe(false);
    const afterTimeout = new Date(firedAt.getTime() + CLAIM_TIMEOUT_MS + 1000);
    expect(await runDueSchedules(cms.strapi, { now: afterTimeout })).toEqual([
      { id: running.body.data.id, outcome: 'done' },
    ]);
    expect(await isPublished(FAQ, abandoned.documentId)).toBe(true);
  });
});

describe('the admin’s words for schedules', () => {
  const load = (folder: string, locale: string) =>
    JSON.parse(
      readFileSync(
        join(__dirname, '..', 'src', 'admin', folder, 'translations', `${locale}.json`),
        'utf8',
      ),
    ) as Record<string, string>;

  it.each(['schedules', 'publish-log'])(
    '%s: the same keys in English and Spanish, none empty',
    (folder) => {
      const en = load(folder, 'en');
      const es = load(folder, 'es');
      expect(Object.keys(es).sort()).toEqual(Object.keys(en).sort());
      for (const [key, text] of [...Object.entries(en), ...Object.entries(es)]) {
        expect(text.trim(), key).not.toBe('');
      }
      if (folder === 'publish-log') {
        for (const action of [
          'schedule-set',
          'schedule-cancelled',
          'schedule-fired',
          'schedule-failed',
        ]) {
          expect(es[`publish-log.action.${action}`], action).toBeTruthy();
        }
      }
    },
  );
});
