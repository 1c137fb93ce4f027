import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PUBLIC_READ_ACTIONS } from '../src/bootstrap/public-permissions';
import { startSeededCms, type RunningCms } from './helpers/strapi';
import { publicApiTypes, publicCollections, type PublicApiType } from './helpers/content-model';
import { draftQueryShapes } from './helpers/draft-queries';
import { publicContentType } from '../src/content-model';

let cms: RunningCms;
let publishedFaqId: string;
let draftFaqId: string;
let articleId: string;

const DRAFT_ONLY = 'Draft-only question never published?';
const NEWER_DRAFT = 'Newer draft wording not yet published?';

beforeAll(async () => {
  cms = await startSeededCms();
  const faqs = cms.strapi.documents('api::faq.faq');
  const [first] = await faqs.findMany({ locale: 'en', sort: 'order', status: 'published' });
  publishedFaqId = first!.documentId;
  // A published FAQ with a newer, unpublished draft in both languages.
  await faqs.update({ documentId: publishedFaqId, locale: 'en', data: { question: NEWER_DRAFT } });
  await faqs.update({ documentId: publishedFaqId, locale: 'es', data: { question: NEWER_DRAFT } });
  // A FAQ that only exists as a draft, linked from the article's draft.
  const draft = await faqs.create({
    locale: 'en',
    data: { question: DRAFT_ONLY, answer: [], order: 0 },
  });
  draftFaqId = draft.documentId;
  await faqs.update({ documentId: draftFaqId, locale: 'es', data: { question: DRAFT_ONLY } });
  const articles = cms.strapi.documents('api::article.article');
  const [article] = await articles.findMany({ locale: 'en', status: 'draft' });
  articleId = article!.documentId;
  await articles.update({
    documentId: articleId,
    locale: 'en',
    data: { faqs: [draftFaqId, publishedFaqId], summary: NEWER_DRAFT },
  });
});
afterAll(() => cms?.stop());

// Every public collection type of the content model (src/content-model.ts): a new type is
// covered here without editing this file.
const types = publicCollections();

describe('public permissions', () => {
  it('are exactly the content model’s reads: find/findOne, find on the single type', async () => {
    const role = await cms.strapi.db
      .query('plugin::users-permissions.role')
      .findOne({ where: { type: 'public' }, populate: ['permissions'] });
    const actions = role.permissions.map((p: { action: string }) => p.action).sort();
    const expected = Object.entries(PUBLIC_READ_ACTIONS)
      .flatMap(([uid, list]) => list.map((action) => `${uid}.${action}`))
      .sort();
    expect(actions).toEqual(expected);
    expect(actions).toEqual(
      expect.arrayContaining([
        'api::glossary-term.glossary-term.find',
        'api::glossary-term.glossary-term.findOne',
        'api::site-setting.site-setting.find',
      ]),
    );
    expect(actions).not.toContain('api::site-setting.site-setting.update');
  });

  it.each(types)('$path: find and findOne answer 200', async ({ path }) => {
    const list = await cms.request.get(`${path}?locale=en`);
    expect(list.status).toBe(200);
    expect(list.body.data.length).toBeGreaterThan(0);
    const one = await cms.request.get(`${path}/${list.body.data[0].documentId}?locale=en`);
    expect(one.status).toBe(200);
    expect(one.body.data.documentId).toBe(list.body.data[0].documentId);
  });

  it('/api/site-setting: find answers 200', async () => {
    const response = await cms.request.get('/api/site-setting?locale=es');
    expect(response.status).toBe(200);
    expect(response.body.data.locale).toBe('es');
  });

  it.each(types)('$path: the public cannot create, update or delete', async ({ path }) => {
    const list = await cms.request.get(path);
    const id = list.body.data[0].documentId;
    const attempts = [
      cms.request.post(path).send({ data: { question: 'x', title: 'x', name: 'x' } }),
      cms.request.put(`${path}/${id}`).send({ data: { question: 'x', title: 'x', name: 'x' } }),
      cms.request.delete(`${path}/${id}`),
    ];
    for (const response of await Promise.all(attempts)) {
      expect(response.status).toBe(403);
      expect(response.body.error.message).toBe('Forbidden');
    }
    expect((await cms.request.get(`${path}/${id}`)).status).toBe(200);
  });

  it('/api/site-setting: the public cannot update or delete', async () => {
    const put = await cms.request.put('/api/site-setting').send({ data: { heroTitle: 'x' } });
    expect(put.status).toBe(403);
    expect((await cms.request.delete('/api/site-setting')).status).toBe(403);
  });

  it('other APIs, such as users, are closed to the public', async () => {
    expect((await cms.request.get('/api/users')).status).toBe(403);
    const register = await cms.request
      .post('/api/auth/local/register')
      .send({ username: 'x', email: 'x@example.com', password: 'Password123' });
    expect(register.status).toBe(403);
  });
});

describe('drafts never reach the public', () => {
  const queryShapes = draftQueryShapes(DRAFT_ONLY);

  it.each(queryShapes)('%s', async (path) => {
    const response = await cms.request.get(path);
    expect(response.status).toBeLessThan(500);
    const body = JSON.stringify(response.body);
    expect(body).not.toContain(DRAFT_ONLY);
    expect(body).not.toContain(NEWER_DRAFT);
    expect(body).not.toContain(draftFaqId);
  });

  it('asking for drafts is refused with a clear message', async () => {
    const response = await cms.request.get('/api/faqs?status=draft');
    expect(response.status).toBe(400);
    expect(response.body.error.message).toMatch(/only published content/i);
  });

  it.each([
    () => `/api/faqs/${draftFaqId}`,
    () => `/api/faqs/${draftFaqId}?status=draft`,
    () => `/api/faqs/${draftFaqId}?locale=es`,
  ])('a draft-only FAQ is not found by documentId (%#)', async (path) => {
    const response = await cms.request.get(path());
    expect([400, 404]).toContain(response.status);
    expect(JSON.stringify(response.body)).not.toContain(DRAFT_ONLY);
  });

  it('a published FAQ shows its published version, not its newer draft', async () => {
    const response = await cms.request.get(`/api/faqs/${publishedFaqId}?locale=en`);
    expect(response.status).toBe(200);
    expect(response.body.data.question).toBe('What is the primary cause of depression?');
  });

  it('the published article lists only its published related FAQs', async () => {
    const response = await cms.request.get(`/api/articles/${articleId}?populate=faqs`);
    expect(response.status).toBe(200);
    expect(response.body.data.faqs).toHaveLength(4);
    expect(response.body.data.summary).not.toBe(NEWER_DRAFT);
  });
});

describe('drafts of every public type never reach the public', () => {
  const DRAFT = 'Zz draft only, never published';
  const NEWER = 'Zz newer draft, not yet published';
  /** The field a draft is marked in: the type's title field, else its first text field. */
  const markerField = (type: PublicApiType) =>
    publicContentType(type.uid)?.health.titleField ??
    Object.entries(type.schema.attributes).find(([, a]) => a.type === 'string')![0];
  const ids = new Map<string, { draftOnly?: string; published: string }>();

  beforeAll(async () => {
    for (const type of publicApiTypes()) {
      const documents = cms.strapi.documents(type.uid as never) as unknown as {
        findFirst(p: object): Promise<{ documentId: string } | null>;
        create(p: object): Promise<{ documentId: string }>;
        update(p: object): Promise<unknown>;
      };
      const field = markerField(type);
      // A published document (seeded) given a newer draft: drafts may be saved incomplete.
      const published = await documents.findFirst({ locale: 'en', status: 'published' });
      expect(published, `${type.uid} has published content`).not.toBeNull();
      await documents.update({
        documentId: published!.documentId,
        locale: 'en',
        data: { [field]: NEWER },
      });
      let draftOnly: string | undefined;
      if (type.kind === 'collectionType') {
        draftOnly = (await documents.create({ locale: 'en', data: { [field]: DRAFT } })).documentId;
      }
      ids.set(type.uid, { draftOnly, published: published!.documentId });
    }
  });

  it.each(publicApiTypes())('$path, under every query shape', async (type) => {
    const field = markerField(type);
    const { draftOnly, published } = ids.get(type.uid)!;
    const paths = [
      type.path,
      `${type.path}?locale=en`,
      `${type.path}?status=published`,
      `${type.path}?status=draft`,
      `${type.path}?status=draft&locale=en`,
      `${type.path}?populate=*`,
      `${type.path}?filters[${field}][$eq]=${encodeURIComponent(DRAFT)}`,
      `${type.path}?filters[${field}][$contains]=Zz`,
      `${type.path}?filters[publishedAt][$null]=true`,
      ...(type.kind === 'collectionType'
        ? [
            `${type.path}/${draftOnly}`,
            `${type.path}/${draftOnly}?status=draft`,
            `${type.path}/${published}?locale=en`,
            `${type.path}/${published}?status=draft`,
          ]
        : []),
    ];
    for (const path of paths) {
      const response = await cms.request.get(path);
      expect(response.status, path).toBeLessThan(500);
      const body = JSON.stringify(response.body);
      expect(body, path).not.toContain(DRAFT);
      expect(body, path).not.toContain(NEWER);
      if (draftOnly) expect(body, path).not.toContain(draftOnly);
    }
    const one =
      type.kind === 'collectionType'
        ? await cms.request.get(`${type.path}/${published}?locale=en`)
        : await cms.request.get(`${type.path}?locale=en`);
    expect(one.status).toBe(200);
    expect(one.body.data.documentId).toBe(published);
  });
});

describe('CORS', () => {
  it('admits the configured site origin', async () => {
    const response = await cms.request.get('/api/faqs').set('Origin', 'http://localhost:5173');
    expect(response.headers['access-control-allow-origin']).toBe('http://localhost:5173');
  });

  it('does not admit any other origin', async () => {
    const response = await cms.request.get('/api/faqs').set('Origin', 'https://evil.example');
    expect(response.headers['access-control-allow-origin']).toBeUndefined();
  });

  it('does not offer writes to browsers on a preflight', async () => {
    const response = await cms.request
      .options('/api/faqs')
      .set('Origin', 'http://localhost:5173')
      .set('Access-Control-Request-Method', 'POST');
    expect(response.headers['access-control-allow-methods'] ?? '').not.toContain('POST');
  });
});
