import { createRequire } from 'node:module';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REDIRECT_UID } from '../src/redirects';
import { adminToken, createAdminUser } from './helpers/admin-users';
import { DIST_DIR, startSeededCms, type RunningCms } from './helpers/strapi';

// The change source as the running Strapi loaded it (its build), not a second copy of the module.
const requireCjs = createRequire(import.meta.url);
const contentEvents = () =>
  requireCjs(
    join(DIST_DIR, 'src/content-events/index.js'),
  ) as typeof import('../src/content-events');

/**
 * Redirects (src/redirects): a published article's new slug leaves a redirect from its old page,
 * per language; chains collapse, loops are refused, a page live again drops its redirect; hand-made
 * redirects are checked; the public reads them (GET /api/site-redirects) and cannot write them.
 */

let cms: RunningCms;
let token: string;
const ARTICLE = 'api::article.article';
const CM_REDIRECTS = `/content-manager/collection-types/${REDIRECT_UID}`;

beforeAll(async () => {
  cms = await startSeededCms();
  const credentials = { email: 'redirects-admin@example.com', password: 'Redirects-admin-1' };
  await createAdminUser(cms.strapi, 'strapi-super-admin', credentials);
  token = await adminToken(cms, credentials);
});
afterAll(() => cms?.stop());

const body = (text: string) => [{ type: 'paragraph', children: [{ type: 'text', text }] }];

/**
 * An article as the clinical sign-off rule will want it (a reviewer, review dates, a reference):
 * nothing here is clinic content, only test data.
 */
function article(slug: string) {
  const today = new Date();
  const lastReviewed = today.toISOString().slice(0, 10);
  const nextReviewDue = new Date(today.getTime() + 180 * 86_400_000).toISOString().slice(0, 10);
  return {
    title: `Test article ${slug}`,
    slug,
    summary: 'A test article for redirects.',
    body: body('Test text.'),
    reviewedBy: 'Test Reviewer',
    lastReviewed,
    nextReviewDue,
    references: [{ label: 'A test reference', url: 'https://example.org/reference' }],
  };
}

const articles = () => cms.strapi.documents(ARTICLE);

async function publishedArticle(en: string, es?: string): Promise<string> {
  const created = await articles().create({ locale: 'en', data: article(en) as never });
  if (es) {
    await articles().update({
      documentId: created.documentId,
      locale: 'es',
      data: article(es) as never,
    });
  }
  await articles().publish({ documentId: created.documentId, locale: es ? '*' : 'en' });
  return created.documentId;
}

async function rename(documentId: string, locale: string, slug: string) {
  await articles().update({ documentId, locale, data: { slug } as never });
  await articles().publish({ documentId, locale });
}

/** The redirects in a locale, as `source → target` lines, sorted. */
async function redirects(locale: string): Promise<string[]> {
  const rows = await cms.strapi.documents(REDIRECT_UID as never).findMany({ locale } as never);
  return (rows as Array<{ source: string; target: string }>)
    .map((row) => `${row.source} → ${row.target}`)
    .sort();
}

const admin = (method: 'get' | 'post' | 'put' | 'delete', path: string) =>
  cms.request[method](path).set('Authorization', `Bearer ${token}`);

describe('a published article whose slug changes', () => {
  it('leaves a permanent redirect from its old page, in each language', async () => {
    const id = await publishedArticle('redirect-one-en', 'redirect-one-es');
    await rename(id, 'en', 'redirect-one-en-renamed');
    expect(await redirects('en')).toContain(
      '/articles/redirect-one-en → /articles/redirect-one-en-renamed',
    );
    expect(await redirects('es')).not.toContainEqual(expect.stringContaining('redirect-one'));

    await rename(id, 'es', 'redirect-one-es-renamed');
    expect(await redirects('es')).toContain(
      '/es/articles/redirect-one-es → /es/articles/redirect-one-es-renamed',
    );
  });

  it('leaves none for a slug changed only in the draft', async () => {
    const id = await publishedArticle('redirect-draft');
    await articles().update({
      documentId: id,
      locale: 'en',
      data: { slug: 'redirect-draft-new' } as never,
    });
    expect((await redirects('en')).filter((line) => line.includes('redirect-draft'))).toEqual([]);
  });

  it('collapses chains: A→B then B→C gives A→C and B→C', async () => {
    const id = await publishedArticle('chain-a');
    await rename(id, 'en', 'chain-b');
    await rename(id, 'en', 'chain-c');
    expect((await redirects('en')).filter((line) => line.includes('chain-'))).toEqual([
      '/articles/chain-a → /articles/chain-c',
      '/articles/chain-b → /articles/chain-c',
    ]);
  });

  it('drops the redirect from a page that is live again (renamed back), with no loop', async () => {
    const id = await publishedArticle('back-a');
    await rename(id, 'en', 'back-b');
    await rename(id, 'en', 'back-c');
    await rename(id, 'en', 'back-a');
    expect((await redirects('en')).filter((line) => line.includes('back-'))).toEqual([
      '/articles/back-b → /articles/back-a',
      '/articles/back-c → /articles/back-a',
    ]);
  });

  it('drops a redirect when another article is published at its old address', async () => {
    const id = await publishedArticle('taken-a');
    await rename(id, 'en', 'taken-b');
    expect(await redirects('en')).toContain('/articles/taken-a → /articles/taken-b');
    await publishedArticle('taken-a');
    expect((await redirects('en')).filter((line) => line.startsWith('/articles/taken-a '))).toEqual(
      [],
    );
    // Also when it is created published in one call (as the REST API does with status=published).
    await rename(id, 'en', 'taken-c');
    expect(await redirects('en')).toContain('/articles/taken-b → /articles/taken-c');
    await articles().create({
      locale: 'en',
      status: 'published',
      data: article('taken-b') as never,
    });
    expect((await redirects('en')).filter((line) => line.startsWith('/articles/taken-b '))).toEqual(
      [],
    );
  });
});

describe('redirects made by editors (the admin API)', () => {
  const create = (locale: string, data: Record<string, unknown>) =>
    admin('post', `${CM_REDIRECTS}?locale=${locale}`).send(data);

  it('stores a good one with its canonical paths', async () => {
    const made = await create('en', { source: ' /old-leaflet/ ', target: '/faq' });
    expect(made.status, JSON.stringify(made.body)).toBe(201);
    expect(made.body.data).toMatchObject({ source: '/old-leaflet', target: '/faq' });
    const spanish = await create('es', { source: '/es/folleto', target: '/es/glossary#cortisol' });
    expect(spanish.status, JSON.stringify(spanish.body)).toBe(201);
  });

  it.each([
    [
      'a URL with a host',
      { source: 'https://example.org/x', target: '/faq' },
      /without a scheme or host.*sin esquema ni dominio/,
    ],
    [
      'a target on another host',
      { source: '/bad-host', target: '//evil.example/x' },
      /without a scheme or host/,
    ],
    [
      'a path without the leading slash',
      { source: 'old-page', target: '/faq' },
      /must start with “\/”.*debe empezar por “\/”/,
    ],
    ['a query in the source', { source: '/old?x=1', target: '/faq' }, /must not contain “\?”/],
    ['a fragment in the source', { source: '/old#x', target: '/faq' }, /must not contain “#”/],
    [
      'a dot segment',
      { source: '/a/../b', target: '/faq' },
      /must not contain “\/\/”, “\/\.\/” or “\/\.\.\/”/,
    ],
    [
      'a redirect to itself',
      { source: '/self', target: '/self/' },
      /own address \(a loop\).*bucle/,
    ],
    [
      'a live page as the source',
      { source: '/faq', target: '/risk-factors' },
      /is a published page.*es una página publicada/,
    ],
    [
      'a published article as the source',
      { source: '/articles/ketamine-for-depression', target: '/faq' },
      /is a published page/,
    ],
    [
      'a Spanish path in English',
      { source: '/es/old', target: '/faq' },
      /is a page in another language/,
    ],
    [
      'a missing target',
      { source: '/no-target' },
      /new address \(target\) is required.*dirección nueva \(target\) es obligatoria/,
    ],
  ])(
    'refuses %s with a 400 naming the problem in English and Spanish',
    async (_name, data, message) => {
      const refused = await create('en', data);
      expect(refused.status, JSON.stringify(refused.body)).toBe(400);
      expect(refused.body.error.message).toMatch(message);
    },
  );

  it('refuses an English path in a Spanish redirect', async () => {
    const refused = await create('es', { source: '/old-es', target: '/es/faq' });
    expect(refused.status).toBe(400);
    expect(refused.body.error.message).toMatch(/not in this language: its paths start with \/es/);
  });

  it('refuses a second redirect from the same address', async () => {
    expect((await create('en', { source: '/twice', target: '/faq' })).status).toBe(201);
    const refused = await create('en', { source: '/twice/', target: '/glossary' });
    expect(refused.status).toBe(400);
    expect(refused.body.error.message).toMatch(/already a redirect from \/twice/);
  });

  it('collapses a chain and refuses a loop', async () => {
    expect((await create('en', { source: '/hand-x', target: '/hand-y' })).status).toBe(201);
    expect((await create('en', { source: '/hand-y', target: '/faq' })).status).toBe(201);
    expect((await redirects('en')).filter((line) => line.startsWith('/hand-'))).toEqual([
      '/hand-x → /faq',
      '/hand-y → /faq',
    ]);
    expect((await create('en', { source: '/loop-a', target: '/loop-b' })).status).toBe(201);
    const loop = await create('en', { source: '/loop-b', target: '/loop-a' });
    expect(loop.status).toBe(400);
    expect(loop.body.error.message).toMatch(/\/loop-a already redirects to \/loop-b.*loop/);
  });

  it('checks an edit too, and deletes', async () => {
    const made = await create('en', { source: '/edit-me', target: '/faq' });
    const id = made.body.data.documentId as string;
    const bad = await admin('put', `${CM_REDIRECTS}/${id}?locale=en`).send({ target: 'ftp://x' });
    expect(bad.status).toBe(400);
    const good = await admin('put', `${CM_REDIRECTS}/${id}?locale=en`).send({
      target: '/glossary',
    });
    expect(good.status, JSON.stringify(good.body)).toBe(200);
    expect(good.body.data.target).toBe('/glossary');
    expect((await admin('delete', `${CM_REDIRECTS}/${id}?locale=en`)).status).toBe(200);
    expect(await redirects('en')).not.toContainEqual(expect.stringContaining('/edit-me'));
  });
});

describe('the site hears of them', () => {
  it('an editor’s redirect is a content change: the renderer and the cache hear of it', async () => {
    const heard: Array<{ uid: string; action: string }> = [];
    contentEvents().onContentChange(cms.strapi, (change) => {
      heard.push({ uid: change.uid, action: change.action });
    });
    const made = await admin('post', `${CM_REDIRECTS}?locale=en`).send({
      source: '/heard-of',
      target: '/faq',
    });
    expect(made.status, JSON.stringify(made.body)).toBe(201);
    await expect.poll(() => heard.filter((change) => change.uid === REDIRECT_UID)).not.toEqual([]);
  });
});

describe('who may change them', () => {
  it('Editors make redirects; Authors, who do not publish, only read them (a save is live)', async () => {
    const actionsOf = async (code: string) => {
      const role = await cms.strapi.db.query('admin::role').findOne({ where: { code } });
      const rows = await cms.strapi.db
        .query('admin::permission')
        .findMany({ where: { role: role.id, subject: REDIRECT_UID } });
      return rows.map((row: { action: string }) => row.action.split('.').pop()).sort();
    };
    expect(await actionsOf('strapi-editor')).toEqual([
      'create',
      'delete',
      'publish',
      'read',
      'update',
    ]);
    expect(await actionsOf('strapi-author')).toEqual(['read']);
  });
});

describe('the public', () => {
  it('reads every redirect from GET /api/site-redirects, and nothing else', async () => {
    const answer = await cms.request.get('/api/site-redirects');
    expect(answer.status).toBe(200);
    expect(answer.headers['cache-control']).toBe('no-store');
    expect(answer.body.data).toContainEqual({
      source: '/es/articles/redirect-one-es',
      target: '/es/articles/redirect-one-es-renamed',
      locale: 'es',
    });
    for (const row of answer.body.data)
      expect(Object.keys(row).sort()).toEqual(['locale', 'source', 'target']);
    const withQuery = await cms.request.get('/api/site-redirects?locale=en');
    expect(withQuery.status).toBe(400);
    expect(withQuery.body.error.message).toMatch(/takes no query parameters \(got: locale\)/);
  });

  it('cannot read the collection nor write a redirect', async () => {
    expect((await cms.request.get('/api/redirects')).status).toBe(403);
    const write = await cms.request
      .post('/api/redirects')
      .send({ data: { source: '/public', target: '/faq' } });
    expect(write.status).toBe(403);
    expect((await cms.request.post('/api/site-redirects').send({})).status).toBe(405);
    expect(await redirects('en')).not.toContainEqual(expect.stringContaining('/public'));
  });
});
