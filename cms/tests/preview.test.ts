import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPreviewToken, verifyPreviewToken } from '../src/preview/token';
import { startSeededCms, type RunningCms } from './helpers/strapi';

const SECRET = 'a-test-secret';
const target = { uid: 'api::faq.faq', documentId: 'abc', locale: 'en', status: 'draft' } as const;

describe('preview tokens', () => {
  it('round-trip the document they name', () => {
    const token = createPreviewToken(target, SECRET);
    expect(verifyPreviewToken(token, SECRET)).toEqual({ ok: true, target });
  });

  it.each([
    ['missing', undefined, 'missing'],
    ['empty', '', 'missing'],
    ['not a token', 'garbage', 'malformed'],
    ['signed with another secret', createPreviewToken(target, 'other-secret'), 'bad-signature'],
  ])('refuse a %s token', (_label, token, reason) => {
    expect(verifyPreviewToken(token, SECRET)).toEqual({ ok: false, reason });
  });

  it('refuse a token whose payload was altered', () => {
    const [, signature] = createPreviewToken(target, SECRET).split('.');
    const forged = Buffer.from(JSON.stringify({ ...target, documentId: 'other', exp: 9e9 }));
    const token = `${forged.toString('base64url')}.${signature}`;
    expect(verifyPreviewToken(token, SECRET)).toEqual({ ok: false, reason: 'bad-signature' });
  });

  it('expire after their time to live', () => {
    const now = Date.now();
    const token = createPreviewToken(target, SECRET, { ttlSeconds: 60, now });
    expect(verifyPreviewToken(token, SECRET, { now: now + 59_000 }).ok).toBe(true);
    expect(verifyPreviewToken(token, SECRET, { now: now + 61_000 })).toEqual({
      ok: false,
      reason: 'expired',
    });
  });
});

describe('GET /api/preview', () => {
  let cms: RunningCms;
  let draftId: string;
  type Handler = (uid: string, params: Record<string, unknown>) => Promise<string | null>;
  let handler: Handler;
  const DRAFT = 'A question only an editor has seen?';

  beforeAll(async () => {
    cms = await startSeededCms();
    const draft = await cms.strapi.documents('api::faq.faq').create({
      locale: 'en',
      data: { question: DRAFT, answer: [], order: 7 },
    });
    draftId = draft.documentId;
    handler = cms.strapi.config.get('admin.preview.config.handler') as Handler;
  });
  afterAll(() => cms?.stop());

  const tokenFromUrl = (url: string | null) => new URL(url!).searchParams.get('token')!;

  it('the admin preview handler links to the site with a token for the document', async () => {
    const url = await handler('api::faq.faq', {
      documentId: draftId,
      locale: 'en',
      status: 'draft',
    });
    expect(url).toMatch(/^http:\/\/localhost:5173\/preview\?token=[\w-]+\.[\w-]+$/);
    const response = await cms.request.get('/api/preview').query({ token: tokenFromUrl(url) });
    expect(response.status).toBe(200);
    expect(response.headers['cache-control']).toBe('no-store');
    expect(response.body.data).toMatchObject({ type: 'faq', locale: 'en', status: 'draft' });
    expect(response.body.data.document.question).toBe(DRAFT);
  });

  it('previews an article with its components and relations populated', async () => {
    const [article] = await cms.strapi
      .documents('api::article.article')
      .findMany({ locale: 'es', status: 'draft' });
    const url = await handler('api::article.article', {
      documentId: article!.documentId,
      locale: 'es',
      status: 'draft',
    });
    expect(url).toMatch(/^http:\/\/localhost:5173\/es\/preview\?token=/);
    const response = await cms.request.get('/api/preview').query({ token: tokenFromUrl(url) });
    expect(response.status).toBe(200);
    expect(response.body.data.document.slug).toBe('ketamina-para-la-depresion');
    expect(response.body.data.document.faqs).toHaveLength(4);
    expect(response.body.data.document).not.toHaveProperty('createdBy');
  });

  it('previews a glossary term, a type with its content-model entry alone', async () => {
    const term = await cms.strapi.documents('api::glossary-term.glossary-term').create({
      locale: 'es',
      data: { term: 'Borrador', slug: 'borrador', definition: 'Solo lo ve un editor.' },
    });
    const url = await handler('api::glossary-term.glossary-term', {
      documentId: term.documentId,
      locale: 'es',
      status: 'draft',
    });
    expect(url).toMatch(/^http:\/\/localhost:5173\/es\/preview\?token=/);
    const response = await cms.request.get('/api/preview').query({ token: tokenFromUrl(url) });
    expect(response.status).toBe(200);
    expect(response.body.data).toMatchObject({ type: 'glossary-term', locale: 'es' });
    expect(response.body.data.document.definition).toBe('Solo lo ve un editor.');
    const outsider = await cms.request.get('/api/glossary-terms?locale=es&status=draft');
    expect(outsider.status).toBe(400);
  });

  it('offers no preview for other content types', async () => {
    expect(await handler('plugin::users-permissions.user', { documentId: 'x' })).toBeNull();
  });

  it.each([
    ['no token', {}, /preview link is needed/],
    ['a forged token', { token: 'eyJ1aWQiOiJ4In0.forged' }, /not valid/],
  ])('refuses %s with 401 and a message', async (_label, query, message) => {
    const response = await cms.request.get('/api/preview').query(query);
    expect(response.status).toBe(401);
    expect(response.body.error.message).toMatch(message);
    expect(JSON.stringify(response.body)).not.toContain(DRAFT);
  });

  it('refuses an expired token', async () => {
    const token = createPreviewToken(
      { uid: 'api::faq.faq', documentId: draftId, locale: 'en', status: 'draft' },
      process.env.PREVIEW_SECRET!,
      { now: Date.now() - 3_600_000 },
    );
    const response = await cms.request.get('/api/preview').query({ token });
    expect(response.status).toBe(401);
    expect(response.body.error.message).toMatch(/expired/);
  });

  it('answers 404 for a document that no longer exists', async () => {
    const token = createPreviewToken(
      { uid: 'api::faq.faq', documentId: 'gone', locale: 'en', status: 'draft' },
      process.env.PREVIEW_SECRET!,
    );
    const response = await cms.request.get('/api/preview').query({ token });
    expect(response.status).toBe(404);
  });
});
