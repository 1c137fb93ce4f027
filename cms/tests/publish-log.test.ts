import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { prunePublishLog, retentionDays } from '../src/publish-log/prune';
import { appendLog, LOG_TABLE, type LogRow } from '../src/publish-log/store';
import { seedContent } from '../src/seed/content';
import { adminToken, createAdminUser } from './helpers/admin-users';
import { createTestDatabase, type TestDatabase } from './helpers/database';
import { databaseKind, startCms, type RunningCms } from './helpers/strapi';

/**
 * The publish log (src/publish-log): fed by the change events and the sign-off refusals, read
 * through its one admin route by those with its permission, append-only, pruned by retention.
 */

const ARTICLE = 'api::article.article';
const FAQ = 'api::faq.faq';
const EDITOR = { email: 'log.editor@example.com', password: 'Log-Editor-2026' };
const REVIEWER = { email: 'log.reviewer@example.com', password: 'Log-Reviewer-2026' };
const AUTHOR = { email: 'log.author@example.com', password: 'Log-Author-2026' };

let db: TestDatabase;
let cms: RunningCms;
let editor: string;
let reviewer: string;
let author: string;

beforeAll(async () => {
  db = await createTestDatabase(databaseKind);
  cms = await startCms(db);
  await createAdminUser(cms.strapi, 'strapi-editor', EDITOR);
  await createAdminUser(cms.strapi, 'clinical-reviewer', REVIEWER);
  await createAdminUser(cms.strapi, 'strapi-author', AUTHOR);
  editor = await adminToken(cms, EDITOR);
  reviewer = await adminToken(cms, REVIEWER);
  author = await adminToken(cms, AUTHOR);
});
afterAll(async () => {
  await cms?.stop();
  await db?.drop();
});

const auth = (token: string) => ({ Authorization: `Bearer ${token}` });

async function log(query = '', token = editor): Promise<LogRow[]> {
  const response = await cms.request.get(`/publish-log${query}`).set(auth(token));
  expect(response.status, JSON.stringify(response.body)).toBe(200);
  return response.body.data;
}

/** The log is written after the write commits: wait for the row. */
async function eventually(query: string, match: (rows: LogRow[]) => boolean): Promise<LogRow[]> {
  for (let attempt = 0; attempt < 50; attempt++) {
    const rows = await log(query);
    if (match(rows)) return rows;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`no matching rows for ${query}: ${JSON.stringify(await log(query))}`);
}

describe('the publish log', () => {
  it('records the seed publishing the article without sign-off', async () => {
    const rows = await log(`?title=${encodeURIComponent(seedContent.en.article.title)}`);
    const seeded = rows.find((row) => row.uid === ARTICLE && row.action === 'publish');
    expect(seeded).toMatchObject({
      locale: '*', // the seed publishes every locale at once
      actorKind: 'seed',
      actorName: 'seed',
      detail: { signOff: 'bypassed-by-seed' },
    });
  });

  it('records a refusal with the Clinical reviewer’s name and the failed rules', async () => {
    const [article] = await cms.strapi
      .documents(ARTICLE)
      .findMany({ locale: 'en', filters: { slug: seedContent.en.article.slug } });
    const refused = await cms.request
      .post(
        `/content-manager/collection-types/${ARTICLE}/${article!.documentId}/actions/publish?locale=en`,
      )
      .set(auth(reviewer))
      .send({});
    expect(refused.status).toBe(400);
    const [row] = await eventually(`?documentId=${article!.documentId}&actor=clinical`, (rows) =>
      rows.some((r) => r.action === 'sign-off-refused'),
    );
    expect(row).toMatchObject({
      action: 'sign-off-refused',
      actorKind: 'admin',
      actorName: 'clinical-reviewer Tester',
      locale: 'en',
      title: seedContent.en.article.title,
      detail: { rules: expect.arrayContaining(['reviewer-missing', 'references-missing']) },
    });
  });

  it('records an Editor’s publish in the admin, a script’s unpublish and delete, with the title', async () => {
    const created = await cms.strapi.documents(FAQ).create({
      locale: 'en',
      data: {
        question: 'Logged question?',
        order: 77,
        answer: [{ type: 'paragraph', children: [{ type: 'text', text: 'Logged.' }] }],
      },
    });
    const published = await cms.request
      .post(
        `/content-manager/collection-types/${FAQ}/${created.documentId}/actions/publish?locale=en`,
      )
      .set(auth(editor))
      .send({});
    expect(published.status, JSON.stringify(published.body)).toBe(200);
    await cms.strapi.documents(FAQ).unpublish({ documentId: created.documentId, locale: 'en' });
    await cms.strapi.documents(FAQ).delete({ documentId: created.documentId, locale: '*' });

    const rows = await eventually(`?documentId=${created.documentId}`, (r) =>
      r.some((row) => row.action === 'delete'),
    );
    expect(rows.map((row) => [row.action, row.actorName, row.title])).toEqual([
      ['delete', 'script', 'Logged question?'],
      ['unpublish', 'script', 'Logged question?'],
      ['publish', 'editor Tester', 'Logged question?'],
    ]);
    expect(rows[2]).toMatchObject({ uid: FAQ, locale: 'en', actorKind: 'admin' });
  });

  it('filters by person and date, and refuses a bad filter with a 400', async () => {
    const byEditor = await log('?actor=EDITOR');
    expect(byEditor.length).toBeGreaterThan(0);
    expect(byEditor.every((row) => row.actorName === 'editor Tester')).toBe(true);
    expect(await log('?from=2000-01-01&to=2000-12-31')).toEqual([]);
    const today = new Date().toISOString().slice(0, 10);
    expect((await log(`?from=${today}&to=${today}`)).length).toBeGreaterThan(0);
    for (const query of ['?from=yesterday', '?pageSize=1000', '?sort=id', '?actor=a&actor=b']) {
      const response = await cms.request.get(`/publish-log${query}`).set(auth(editor));
      expect(response.status, query).toBe(400);
      expect(response.body.error.message).toBeTruthy();
    }
  });

  it('is read by Editors and Clinical reviewers, not by Authors or without an admin session', async () => {
    expect((await log('', reviewer)).length).toBeGreaterThan(0);
    expect((await cms.request.get('/publish-log').set(auth(author))).status).toBe(403);
    expect((await cms.request.get('/publish-log')).status).toBe(401);
  });

  it('is append-only: no route writes, edits or deletes a row', async () => {
    const [row] = await log();
    for (const method of ['post', 'put', 'patch', 'delete'] as const) {
      for (const path of ['/publish-log', `/publish-log/${row!.id}`]) {
        const response = await cms.request[method](path).set(auth(editor)).send({});
        expect([404, 405], `${method} ${path}`).toContain(response.status);
      }
    }
    expect((await cms.request.get('/api/publish-log')).status).toBe(404);
    expect((await log()).find((r) => r.id === row!.id)).toEqual(row);
  });

  it('prunes rows past the retention (2 years by default, configurable)', async () => {
    expect(retentionDays({})).toBe(730);
    expect(retentionDays({ PUBLISH_LOG_RETENTION_DAYS: '90' })).toBe(90);
    expect(() => retentionDays({ PUBLISH_LOG_RETENTION_DAYS: 'forever' })).toThrow(
      /PUBLISH_LOG_RETENTION_DAYS/,
    );
    const old = new Date(Date.now() - 731 * 24 * 60 * 60 * 1000);
    await appendLog(cms.strapi, {
      action: 'publish',
      actor: { kind: 'script' },
      uid: FAQ,
      documentId: 'old-document',
      locale: 'en',
      title: 'Old',
      at: old,
    });
    const count = async () =>
      Number(
        ((await cms.strapi.db.connection(LOG_TABLE).count({ n: '*' })) as Array<{ n: number }>)[0]!
          .n,
      );
    const before = await count();
    expect(await log('?documentId=old-document')).toHaveLength(1);
    expect(await prunePublishLog(cms.strapi)).toBe(1);
    expect(await count()).toBe(before - 1);
    expect(await log('?documentId=old-document')).toEqual([]);
  });
});
