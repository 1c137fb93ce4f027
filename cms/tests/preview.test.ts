import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { paragraph } from '../src/seed/blocks';
import { createPreviewToken, verifyPreviewToken } from '../src/preview/token';
import { adminToken, createAdminUser, type AdminCredentials } from './helpers/admin-users';
import { createTestDatabase, type TestDatabase } from './helpers/database';
import { databaseKind, startCms, type RunningCms } from './helpers/strapi';

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

/**
 * Preview links, end to end: the admin's `GET /content-manager/preview/url/:uid` (as the edit
 * view's **Open preview** asks for it, with an admin session) signs a token only for an entry the
 * admin's role may read in the content manager, in that locale (config/admin.ts,
 * src/preview/permission.ts); the site's `GET /api/preview?token=…` then serves that one draft.
 */

const FAQ = 'api::faq.faq';
const ARTICLE = 'api::article.article';
const RISK = 'api::risk-factor.risk-factor';
const READ = 'plugin::content-manager.explorer.read';
const SUPER = { email: 'preview.super@example.com', password: 'Preview-Super-2026' };
const AUTHOR = { email: 'preview.author@example.com', password: 'Preview-Author-2026' };
const OTHER_AUTHOR = { email: 'preview.author2@example.com', password: 'Preview-Author2-2026' };
const EDITOR = { email: 'preview.editor@example.com', password: 'Preview-Editor-2026' };
const DRAFT = 'A question only an editor has seen?';

let db: TestDatabase;
let cms: RunningCms;
let draftId: string;
const tokens: Record<string, string> = {};

beforeAll(async () => {
  db = await createTestDatabase(databaseKind);
  cms = await startCms(db, { ADMIN_EMAIL: SUPER.email, ADMIN_PASSWORD: SUPER.password });
  const draft = await cms.strapi.documents(FAQ).create({
    locale: 'en',
    data: { question: DRAFT, answer: [], order: 7 },
  });
  draftId = draft.documentId;
  const users: Array<[string, string, AdminCredentials]> = [
    ['author', 'strapi-author', AUTHOR],
    ['otherAuthor', 'strapi-author', OTHER_AUTHOR],
    ['editor', 'strapi-editor', EDITOR],
  ];
  for (const [name, role, credentials] of users) {
    await createAdminUser(cms.strapi, role, credentials);
    tokens[name] = await adminToken(cms, credentials);
  }
  tokens.super = await adminToken(cms, SUPER);
});
afterAll(async () => {
  await cms?.stop();
  await db?.drop();
});

type Who = 'super' | 'author' | 'otherAuthor' | 'editor';

/** What the admin's edit view asks for its **Open preview** link. */
const previewUrl = (who: Who, uid: string, query: Record<string, string>) =>
  cms.request
    .get(`/content-manager/preview/url/${uid}`)
    .query(query)
    .set('Authorization', `Bearer ${tokens[who]}`);

const tokenFromUrl = (url: string) => new URL(url).searchParams.get('token')!;

/** The link's token, handed to the site's preview API. */
async function previewThrough(url: string) {
  return cms.request.get('/api/preview').query({ token: tokenFromUrl(url) });
}

/** A FAQ written in the admin by `who` (so they are its creator), in English. */
async function faqBy(who: Who, question: string): Promise<string> {
  const created = await cms.request
    .post(`/content-manager/collection-types/${FAQ}?locale=en`)
    .set('Authorization', `Bearer ${tokens[who]}`)
    .send({ question, answer: [paragraph('An answer.')], order: 80 });
  expect(created.status, JSON.stringify(created.body)).toBe(201);
  return created.body.data.documentId;
}

/** Refused: 403 with a message, no URL and no token anywhere in the answer. */
function expectRefused(response: Awaited<ReturnType<typeof previewUrl>>, message: RegExp) {
  expect(response.status, JSON.stringify(response.body)).toBe(403);
  expect(response.body.error.message).toMatch(message);
  expect(JSON.stringify(response.body)).not.toMatch(/token=|preview\?/);
}

async function editorReadPermission(uid: string) {
  const role = await cms.strapi.db
    .query('admin::role')
    .findOne({ where: { code: 'strapi-editor' } });
  return cms.strapi.db
    .query('admin::permission')
    .findOne({ where: { role: role.id, action: READ, subject: uid } });
}

describe('preview links for a super admin', () => {
  it('link to the site with a token that shows the draft', async () => {
    const response = await previewUrl('super', FAQ, {
      documentId: draftId,
      locale: 'en',
      status: 'draft',
    });
    expect(response.status, JSON.stringify(response.body)).toBe(200);
    const url: string = response.body.data.url;
    expect(url).toMatch(/^http:\/\/localhost:5173\/preview\?token=[\w-]+\.[\w-]+$/);
    const preview = await previewThrough(url);
    expect(preview.status).toBe(200);
    expect(preview.headers['cache-control']).toBe('no-store');
    expect(preview.body.data).toMatchObject({ type: 'faq', locale: 'en', status: 'draft' });
    expect(preview.body.data.document.question).toBe(DRAFT);
  });

  it('preview an article with its components and relations populated, under /es', async () => {
    const [article] = await cms.strapi
      .documents(ARTICLE)
      .findMany({ locale: 'es', status: 'draft' });
    const response = await previewUrl('super', ARTICLE, {
      documentId: article!.documentId,
      locale: 'es',
      status: 'draft',
    });
    expect(response.status, JSON.stringify(response.body)).toBe(200);
    expect(response.body.data.url).toMatch(/^http:\/\/localhost:5173\/es\/preview\?token=/);
    const preview = await previewThrough(response.body.data.url);
    expect(preview.status).toBe(200);
    expect(preview.body.data.document.slug).toBe('ketamina-para-la-depresion');
    expect(preview.body.data.document.faqs).toHaveLength(4);
    expect(preview.body.data.document).not.toHaveProperty('createdBy');
  });

  it('previews a glossary term, a type with its content-model entry alone', async () => {
    const term = await cms.strapi.documents('api::glossary-term.glossary-term').create({
      locale: 'es',
      data: { term: 'Borrador', slug: 'borrador', definition: 'Solo lo ve un editor.' },
    });
    const response = await previewUrl('super', 'api::glossary-term.glossary-term', {
      documentId: term.documentId,
      locale: 'es',
      status: 'draft',
    });
    expect(response.status, JSON.stringify(response.body)).toBe(200);
    expect(response.body.data.url).toMatch(/^http:\/\/localhost:5173\/es\/preview\?token=/);
    const preview = await previewThrough(response.body.data.url);
    expect(preview.status).toBe(200);
    expect(preview.body.data).toMatchObject({ type: 'glossary-term', locale: 'es' });
    expect(preview.body.data.document.definition).toBe('Solo lo ve un editor.');
    const outsider = await cms.request.get('/api/glossary-terms?locale=es&status=draft');
    expect(outsider.status).toBe(400);
  });

  it('preview the site settings (a single type: no documentId needed)', async () => {
    const response = await previewUrl('super', 'api::site-setting.site-setting', { locale: 'en' });
    expect(response.status, JSON.stringify(response.body)).toBe(200);
    expect((await previewThrough(response.body.data.url)).body.data.type).toBe('site-setting');
  });

  it('offer no preview for other content types (204, no link)', async () => {
    const response = await previewUrl('super', 'plugin::users-permissions.user', {
      documentId: 'x',
    });
    expect(response.status).toBe(204);
  });

  it('answer 404 for an entry with no version in that locale', async () => {
    const response = await previewUrl('super', FAQ, {
      documentId: draftId,
      locale: 'es',
      status: 'draft',
    });
    expect(response.status).toBe(404);
    expect(response.body.error.message).toMatch(/no draft .*\bes\b/i);
  });

  it('need an admin session', async () => {
    const response = await cms.request
      .get(`/content-manager/preview/url/${FAQ}`)
      .query({ documentId: draftId, locale: 'en' });
    expect(response.status).toBe(401);
  });
});

describe('preview links follow what the role may read', () => {
  it('an Author previews their own entry', async () => {
    const id = await faqBy('author', 'Written by the author, previewed?');
    const response = await previewUrl('author', FAQ, {
      documentId: id,
      locale: 'en',
      status: 'draft',
    });
    expect(response.status, JSON.stringify(response.body)).toBe(200);
    const preview = await previewThrough(response.body.data.url);
    expect(preview.status).toBe(200);
    expect(preview.body.data.document.question).toBe('Written by the author, previewed?');
  });

  it("an Author gets 403 for another Author's entry, and for the seeded content", async () => {
    const theirs = await faqBy('otherAuthor', 'Written by the other author?');
    expectRefused(
      await previewUrl('author', FAQ, { documentId: theirs, locale: 'en', status: 'draft' }),
      /not allowed to read this entry/,
    );
    expectRefused(
      await previewUrl('author', FAQ, { documentId: draftId, locale: 'en', status: 'draft' }),
      /not allowed to read this entry/,
    );
    // The other Author, its creator, may.
    const own = await previewUrl('otherAuthor', FAQ, {
      documentId: theirs,
      locale: 'en',
      status: 'draft',
    });
    expect(own.status).toBe(200);
  });

  it('an Editor allowed FAQs in English only gets 403 for a Spanish FAQ', async () => {
    const [faq] = await cms.strapi.documents(FAQ).findMany({ locale: 'es', status: 'draft' });
    const permission = await editorReadPermission(FAQ);
    await cms.strapi.db.query('admin::permission').update({
      where: { id: permission.id },
      data: { properties: { ...permission.properties, locales: ['en'] } },
    });
    try {
      expectRefused(
        await previewUrl('editor', FAQ, {
          documentId: faq!.documentId,
          locale: 'es',
          status: 'draft',
        }),
        /not allowed to read this entry in "es"/,
      );
      const english = await previewUrl('editor', FAQ, {
        documentId: faq!.documentId,
        locale: 'en',
        status: 'draft',
      });
      expect(english.status, JSON.stringify(english.body)).toBe(200);
      expect((await previewThrough(english.body.data.url)).status).toBe(200);
    } finally {
      await cms.strapi.db.query('admin::permission').update({
        where: { id: permission.id },
        data: { properties: permission.properties },
      });
    }
  });

  it('an Editor without the risk factors gets 403 for any of them', async () => {
    const [risk] = await cms.strapi.documents(RISK).findMany({ locale: 'en', status: 'draft' });
    const permission = await editorReadPermission(RISK);
    await cms.strapi.db.query('admin::permission').delete({ where: { id: permission.id } });
    expectRefused(
      await previewUrl('editor', RISK, {
        documentId: risk!.documentId,
        locale: 'en',
        status: 'draft',
      }),
      /not allowed to read this content type/,
    );
  });
});

describe('GET /api/preview', () => {
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
      { uid: FAQ, documentId: draftId, locale: 'en', status: 'draft' },
      process.env.PREVIEW_SECRET!,
      { now: Date.now() - 3_600_000 },
    );
    const response = await cms.request.get('/api/preview').query({ token });
    expect(response.status).toBe(401);
    expect(response.body.error.message).toMatch(/expired/);
  });

  it('answers 404 for a document that no longer exists', async () => {
    const token = createPreviewToken(
      { uid: FAQ, documentId: 'gone', locale: 'en', status: 'draft' },
      process.env.PREVIEW_SECRET!,
    );
    const response = await cms.request.get('/api/preview').query({ token });
    expect(response.status).toBe(404);
  });
});

describe('the preview handler outside a request', () => {
  it('signs nothing: there is no admin to check', async () => {
    type Handler = (uid: string, params: Record<string, unknown>) => Promise<string | null>;
    const handler = cms.strapi.config.get('admin.preview.config.handler') as Handler;
    expect(await handler(FAQ, { documentId: draftId, locale: 'en', status: 'draft' })).toBeNull();
  });
});
