import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { FEEDBACK_UID } from '../src/page-feedback/rules';
import type { Report } from '../src/content-health/types';
import { adminToken, createAdminUser } from './helpers/admin-users';
import { createTestDatabase, type TestDatabase } from './helpers/database';
import { databaseKind, startCms, type RunningCms } from './helpers/strapi';

/**
 * "Was this page helpful?" (src/page-feedback): the create-only public endpoint (allowlisted
 * body, the site's own pages, a 4xx with a message and nothing stored for anything else, a rate
 * limit), that the public cannot read or change answers and editors only read them, and what
 * content health makes of them.
 */

const SUPER = { email: 'feedback.super@example.com', password: 'Feedback-Super-2026' };
const EDITOR = { email: 'feedback.editor@example.com', password: 'Feedback-Editor-2026' };
const EN_ARTICLE = '/articles/ketamine-for-depression';
const ES_ARTICLE = '/articles/ketamina-para-la-depresion';

let db: TestDatabase;
let cms: RunningCms;
const tokens = { super: '', editor: '' };

beforeAll(async () => {
  db = await createTestDatabase(databaseKind);
  cms = await startCms(db, { ADMIN_EMAIL: SUPER.email, ADMIN_PASSWORD: SUPER.password });
  await createAdminUser(cms.strapi, 'strapi-editor', EDITOR);
  tokens.super = await adminToken(cms, SUPER);
  tokens.editor = await adminToken(cms, EDITOR);
});
afterAll(async () => {
  await cms?.stop();
  await db?.drop();
});

const rateLimit = () =>
  (cms.strapi.config.get('page-feedback') as { rateLimit: { max: number } }).rateLimit;

beforeEach(async () => {
  // Each test starts with no answers and a limit no test reaches unless it means to.
  await cms.strapi.db.query(FEEDBACK_UID).deleteMany({});
  rateLimit().max = 10_000;
});

const stored = () => cms.strapi.db.query(FEEDBACK_UID).findMany({});
const send = (body: unknown) => cms.request.post('/api/page-feedbacks').send(body as object);
const admin = (who: keyof typeof tokens) => ({
  get: (path: string) => cms.request.get(path).set('Authorization', `Bearer ${tokens[who]}`),
  put: (path: string) => cms.request.put(path).set('Authorization', `Bearer ${tokens[who]}`),
  post: (path: string) => cms.request.post(path).set('Authorization', `Bearer ${tokens[who]}`),
});

// First in the file: the limit counts every request of the last minute from this address, and
// the tests below send many more than it allows.
describe('the CMS rate limit', () => {
  const good = { path: '/faq', locale: 'en', answer: 'no' };
  it('answers 429 with a message and Retry-After past the limit, storing nothing more', async () => {
    rateLimit().max = 3;
    for (let i = 0; i < 3; i += 1) {
      expect((await send({ data: good })).status).toBe(201);
    }
    const refused = await send({ data: good });
    expect(refused.status).toBe(429);
    expect(refused.body.error.message).toMatch(/too many/i);
    expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
    expect(await stored()).toHaveLength(3);
  });
});

describe('POST /api/page-feedbacks', () => {
  it.each<[{ path: string; locale: string; answer: string; reason?: string | null }]>([
    [{ path: '/faq', locale: 'en', answer: 'yes' }],
    [{ path: '/risk-factors', locale: 'es', answer: 'no' }],
    [{ path: EN_ARTICLE, locale: 'en', answer: 'no', reason: 'out-of-date' }],
    [{ path: ES_ARTICLE, locale: 'es', answer: 'no', reason: 'hard-to-understand' }],
    [{ path: '/faq', locale: 'es', answer: 'no', reason: null }],
  ])('stores %j and nothing about the visitor', async (data) => {
    const response = await send({ data })
      .set('User-Agent', 'Test-Agent/1.0')
      .set('Cookie', 'visitor=abc');
    expect(response.status, JSON.stringify(response.body)).toBe(201);
    const rows = await stored();
    expect(rows).toHaveLength(1);
    const row = rows[0] as Record<string, unknown>;
    expect(row).toMatchObject({
      path: data.path,
      pageLocale: data.locale,
      answer: data.answer,
      reason: data.reason ?? null,
    });
    // Only the answer: the schema's fields and Strapi's own bookkeeping, no address or agent.
    expect(JSON.stringify(row)).not.toMatch(/127\.0\.0\.1|Test-Agent|visitor=abc/);
  });

  const good = { path: '/faq', locale: 'en', answer: 'no' };
  it.each([
    ['no body', undefined],
    ['not an object', 'yes'],
    ['no data wrapper', good],
    ['an extra top-level key', { data: good, meta: {} }],
    ['an extra field (free text)', { data: { ...good, comment: 'I have depression' } }],
    ['an ip field', { data: { ...good, ip: '1.2.3.4' } }],
    ['a missing path', { data: { locale: 'en', answer: 'yes' } }],
    ['a path that is no page', { data: { ...good, path: '/admin' } }],
    ['a full URL', { data: { ...good, path: 'https://evil.example/faq' } }],
    ['a path with a query', { data: { ...good, path: '/faq?x=1' } }],
    ['a locale prefix in the path', { data: { ...good, path: '/es/faq' } }],
    ['an unknown article', { data: { ...good, path: '/articles/no-such-article' } }],
    ['an article in the other language', { data: { ...good, path: ES_ARTICLE, locale: 'en' } }],
    ['a very long path', { data: { ...good, path: `/${'a'.repeat(500)}` } }],
    ['a path that is not text', { data: { ...good, path: ['/faq'] } }],
    ['an unknown locale', { data: { ...good, locale: 'fr' } }],
    ['no answer', { data: { path: '/faq', locale: 'en' } }],
    ['an answer outside the list', { data: { ...good, answer: 'maybe' } }],
    ['a reason after yes', { data: { ...good, answer: 'yes', reason: 'other' } }],
    ['a reason outside the list', { data: { ...good, reason: 'the dose was wrong for me' } }],
    ['a reason that is not text', { data: { ...good, reason: { $ne: null } } }],
    ['a NUL character', { data: { ...good, path: '/faq\u0000' } }],
  ])('refuses %s with a 400 and a message, storing nothing', async (_name, body) => {
    const response = await send(body);
    expect(response.status, JSON.stringify(response.body)).toBe(400);
    expect(response.body.error.message).toMatch(/\w/);
    expect(await stored()).toHaveLength(0);
  });

  it('refuses malformed JSON with a 4xx, storing nothing', async () => {
    const response = await cms.request
      .post('/api/page-feedbacks')
      .set('Content-Type', 'application/json')
      .send('{"data": {');
    expect(response.status).toBeGreaterThanOrEqual(400);
    expect(response.status).toBeLessThan(500);
    expect(await stored()).toHaveLength(0);
  });
});

describe('who can read or change answers', () => {
  beforeEach(async () => {
    expect((await send({ data: { path: '/faq', locale: 'en', answer: 'yes' } })).status).toBe(201);
  });

  it.each([
    ['GET', '/api/page-feedbacks'],
    ['GET', '/api/page-feedbacks/x'],
    ['PUT', '/api/page-feedbacks/x'],
    ['DELETE', '/api/page-feedbacks/x'],
  ])('the public: %s %s is not a route (404) or refused', async (method, path) => {
    const response = await cms.request[method.toLowerCase() as 'get' | 'put' | 'delete'](path).send(
      { data: { answer: 'no' } },
    );
    expect([403, 404, 405]).toContain(response.status);
    const [row] = await stored();
    expect(row.answer).toBe('yes');
  });

  it('a new answer is no content change: the response cache keeps its entries', async () => {
    const first = await cms.request.get('/api/faqs?locale=en');
    expect(first.status).toBe(200);
    await send({ data: { path: '/faq', locale: 'en', answer: 'no' } });
    const second = await cms.request.get('/api/faqs?locale=en');
    expect(second.headers['x-cache']).toBe('HIT');
  });

  it('an Editor reads answers in the admin but cannot change them', async () => {
    const list = await admin('editor').get(
      `/content-manager/collection-types/${FEEDBACK_UID}?page=1&pageSize=10`,
    );
    expect(list.status, JSON.stringify(list.body)).toBe(200);
    expect(list.body.results).toHaveLength(1);
    const { documentId } = list.body.results[0];
    const update = await admin('editor')
      .put(`/content-manager/collection-types/${FEEDBACK_UID}/${documentId}`)
      .send({ answer: 'no' });
    expect(update.status).toBe(403);
    const create = await admin('editor')
      .post(`/content-manager/collection-types/${FEEDBACK_UID}`)
      .send({ path: '/faq', pageLocale: 'en', answer: 'no' });
    expect(create.status).toBe(403);
    expect(await stored()).toHaveLength(1);
  });

  it('not even a super admin can change an answer', async () => {
    const [row] = await stored();
    const update = await admin('super')
      .put(`/content-manager/collection-types/${FEEDBACK_UID}/${row.documentId}`)
      .send({ answer: 'no' });
    expect(update.status).toBeGreaterThanOrEqual(400);
    expect(update.status).toBeLessThan(500);
    expect(update.body.error.message).toMatch(/cannot be changed/);
    expect((await stored())[0].answer).toBe('yes');
  });
});

describe('content health', () => {
  async function answer(path: string, locale: string, answers: string[], reason?: string) {
    for (const value of answers) {
      const data = { path, locale, answer: value, ...(value === 'no' && reason ? { reason } : {}) };
      expect((await send({ data })).status).toBe(201);
    }
  }
  const report = async (who: keyof typeof tokens = 'editor'): Promise<Report> => {
    const response = await admin(who).get('/content-health/report');
    expect(response.status, JSON.stringify(response.body)).toBe(200);
    return response.body.data;
  };
  const feedbackFindings = (r: Report) => r.findings.filter((f) => f.kind === 'feedback');

  it('gives each page and language its answers, share of no and top reason', async () => {
    await answer('/faq', 'en', ['yes', 'yes', 'no', 'no', 'no'], 'out-of-date');
    await answer('/faq', 'en', ['no'], 'other');
    await answer('/faq', 'es', ['yes']);
    const { feedback } = await report();
    expect(feedback).toEqual([
      expect.objectContaining({
        path: '/faq',
        locale: 'en',
        answers: 6,
        no: 4,
        noShare: 67,
        topReason: 'out-of-date',
        uid: 'api::faq.faq',
        documentId: null,
      }),
      expect.objectContaining({ path: '/faq', locale: 'es', answers: 1, no: 0, topReason: null }),
    ]);
  });

  it('counts only the last 90 days', async () => {
    await answer('/faq', 'en', ['no']);
    const [row] = await stored();
    const old = new Date(Date.now() - 91 * 24 * 60 * 60 * 1000);
    await cms.strapi.db
      .query(FEEDBACK_UID)
      .update({ where: { id: row.id }, data: { createdAt: old } });
    expect((await report()).feedback).toEqual([]);
  });

  it('makes a finding of a page with ≥ 10 answers and ≥ 50 % no, on its entry', async () => {
    await answer(
      EN_ARTICLE,
      'en',
      [...Array(5).fill('yes'), ...Array(4).fill('no')],
      'out-of-date',
    );
    expect(feedbackFindings(await report())).toEqual([]); // 9 answers: not enough
    await answer(EN_ARTICLE, 'en', ['no'], 'hard-to-understand');
    const [finding, ...others] = feedbackFindings(await report());
    expect(others).toEqual([]);
    const [article] = await cms.strapi.documents('api::article.article').findMany({
      locale: 'en',
      status: 'published',
      filters: { slug: 'ketamine-for-depression' },
    });
    expect(finding).toMatchObject({
      code: 'feedback-unhelpful',
      severity: 'warning',
      params: { answers: 10, no: 5, share: 50, reason: 'out-of-date' },
      entry: { uid: 'api::article.article', documentId: article!.documentId, locale: 'en' },
    });
    expect(finding!.message).toContain('5 of 10 answers');

    // The edit view's panel shows the entry's figures in its language.
    const entry = await admin('editor').get(
      `/content-health/entry?uid=api::article.article&documentId=${article!.documentId}&locale=en`,
    );
    expect(entry.status).toBe(200);
    expect(entry.body.data.feedback).toEqual([
      expect.objectContaining({ path: EN_ARTICLE, answers: 10, noShare: 50 }),
    ]);
    const spanish = await admin('editor').get(
      `/content-health/entry?uid=api::article.article&documentId=${article!.documentId}&locale=es`,
    );
    expect(spanish.body.data.feedback).toEqual([]);

    // One more yes: below 50 %, no finding.
    await answer(EN_ARTICLE, 'en', ['yes']);
    expect(feedbackFindings(await report())).toEqual([]);
  });

  it('a listing page’s finding opens the type’s list in its language', async () => {
    await answer('/risk-factors', 'es', Array(10).fill('no'));
    const [finding] = feedbackFindings(await report());
    expect(finding).toMatchObject({
      entry: { uid: 'api::risk-factor.risk-factor', documentId: '', locale: 'es' },
      params: { share: 100, reason: 'none' },
    });
    expect(finding!.editUrl).toBe(
      '/content-manager/collection-types/api::risk-factor.risk-factor?plugins[i18n][locale]=es',
    );
  });
});

describe('related articles', () => {
  it('an article has at most three, with a clear error', async () => {
    const articles = cms.strapi.documents('api::article.article');
    const created = [];
    for (let i = 0; i < 4; i += 1) {
      created.push(
        await articles.create({
          locale: 'en',
          data: {
            title: `Related ${i}`,
            slug: `related-${i}`,
            summary: 'A test article.',
            body: [{ type: 'paragraph', children: [{ type: 'text', text: 'Text.' }] }],
          },
        }),
      );
    }
    const [main, ...rest] = created;
    await articles.update({
      documentId: main!.documentId,
      locale: 'en',
      data: { relatedArticles: rest.map((a) => a.documentId) },
    });
    const extra = await articles.create({
      locale: 'en',
      data: {
        title: 'Related extra',
        slug: 'related-extra',
        summary: 'A test article.',
        body: [{ type: 'paragraph', children: [{ type: 'text', text: 'Text.' }] }],
      },
    });
    await expect(
      articles.update({
        documentId: main!.documentId,
        locale: 'en',
        data: { relatedArticles: { connect: [extra.documentId] } },
      }),
    ).rejects.toThrow(/at most 3 related articles; this one would have 4/);
    // Through the admin, as an editor saves: a 400 with the message.
    const save = await admin('super')
      .put(`/content-manager/collection-types/api::article.article/${main!.documentId}?locale=en`)
      .send({ relatedArticles: { connect: [{ documentId: extra.documentId, locale: 'en' }] } });
    expect(save.status).toBe(400);
    expect(save.body.error.message).toMatch(/at most 3 related articles/);
    const stillThree = await articles.findOne({
      documentId: main!.documentId,
      locale: 'en',
      populate: { relatedArticles: true },
    });
    expect(stillThree?.relatedArticles).toHaveLength(3);
    // Swapping one for another keeps three: allowed.
    await articles.update({
      documentId: main!.documentId,
      locale: 'en',
      data: {
        relatedArticles: { disconnect: [rest[0]!.documentId], connect: [extra.documentId] },
      },
    });
  });
});
