import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Finding, Report } from '../src/content-health/types';
import { paragraph } from '../src/seed/blocks';
import { adminToken, createAdminUser } from './helpers/admin-users';
import { createTestDatabase, type TestDatabase } from './helpers/database';
import { databaseKind, startCms, type RunningCms } from './helpers/strapi';

/**
 * Who may call the content-health routes, and what each admin sees: only admins (an admin
 * session), and of the content only what they may read in the content manager.
 */

const ARTICLE = 'api::article.article';
const FAQ = 'api::faq.faq';
const SETTINGS = 'api::site-setting.site-setting';
const GLOSSARY = 'api::glossary-term.glossary-term';
const SUPER = { email: 'health.super@example.com', password: 'Health-Super-2026' };
const EDITOR = { email: 'health.editor@example.com', password: 'Health-Editor-2026' };
const AUTHOR = { email: 'health.author@example.com', password: 'Health-Author-2026' };
const READ = 'plugin::content-manager.explorer.read';

let db: TestDatabase;
let cms: RunningCms;
const tokens: Record<'super' | 'editor' | 'author', string> = { super: '', editor: '', author: '' };

beforeAll(async () => {
  db = await createTestDatabase(databaseKind);
  cms = await startCms(db, { ADMIN_EMAIL: SUPER.email, ADMIN_PASSWORD: SUPER.password });
  await createAdminUser(cms.strapi, 'strapi-editor', EDITOR);
  await createAdminUser(cms.strapi, 'strapi-author', AUTHOR);
  tokens.super = await adminToken(cms, SUPER);
  tokens.editor = await adminToken(cms, EDITOR);
  tokens.author = await adminToken(cms, AUTHOR);
});
afterAll(async () => {
  await cms?.stop();
  await db?.drop();
});

const as = (who: keyof typeof tokens, path: string) =>
  cms.request.get(path).set('Authorization', `Bearer ${tokens[who]}`);

async function reportOf(who: keyof typeof tokens): Promise<Report> {
  const response = await as(who, '/content-health/report');
  expect(response.status, JSON.stringify(response.body)).toBe(200);
  return response.body.data;
}

const ids = (report: Report) => report.findings.map((f) => f.id).sort();
const uidsIn = (report: Report) => [...new Set(report.findings.map((f) => f.entry.uid))].sort();

async function seededId(uid: typeof ARTICLE | typeof FAQ): Promise<string> {
  const [first] = await cms.strapi.documents(uid).findMany({ locale: 'en', status: 'published' });
  return first!.documentId;
}

describe('outsiders', () => {
  const paths = ['/content-health/report', `/content-health/entry?uid=${SETTINGS}&locale=en`];

  it.each(paths)('%s: 401 without credentials', async (path) => {
    const response = await cms.request.get(path);
    expect(response.status).toBe(401);
    expect(JSON.stringify(response.body)).not.toContain('findings');
  });

  it.each(paths)('%s: 401 with a made-up bearer token', async (path) => {
    const response = await cms.request.get(path).set('Authorization', 'Bearer not-a-token');
    expect(response.status).toBe(401);
  });

  it.each(paths)('%s: refused to a full-access content-API token', async (path) => {
    const { accessKey } = await cms.strapi.service('admin::api-token').create({
      name: `health-${Math.random()}`,
      description: '',
      type: 'full-access',
      kind: 'content-api',
      lifespan: null,
    });
    // The token works on the content API…
    const api = await cms.request.get('/api/faqs').set('Authorization', `Bearer ${accessKey}`);
    expect(api.status).toBe(200);
    // …not on the admin's routes.
    const response = await cms.request.get(path).set('Authorization', `Bearer ${accessKey}`);
    expect([401, 403]).toContain(response.status);
    expect(JSON.stringify(response.body)).not.toContain('findings');
  });

  it.each(paths)('%s: refused to a users-permissions (site user) JWT', async (path) => {
    const role = await cms.strapi
      .query('plugin::users-permissions.role')
      .findOne({ where: { type: 'authenticated' } });
    const user = await cms.strapi.query('plugin::users-permissions.user').create({
      data: {
        username: `visitor-${Math.random()}`,
        email: `visitor-${Date.now()}-${Math.round(Math.random() * 1e6)}@example.com`,
        provider: 'local',
        password: 'Visitor-Pass-2026',
        confirmed: true,
        blocked: false,
        role: role.id,
      },
    });
    const jwt: string = await cms.strapi
      .plugin('users-permissions')
      .service('jwt')
      .issue({ id: user.id });
    const response = await cms.request.get(path).set('Authorization', `Bearer ${jwt}`);
    expect([401, 403]).toContain(response.status);
    expect(JSON.stringify(response.body)).not.toContain('findings');
  });

  it('is not on the content API (/api)', async () => {
    expect((await cms.request.get('/api/content-health/report')).status).toBe(404);
  });
});

describe('admins', () => {
  it('a super admin sees every content type', async () => {
    const report = await reportOf('super');
    // The seed's risk factors are fine; its glossary definitions, in the material's own words,
    // read above the targets.
    expect(uidsIn(report)).toEqual([ARTICLE, FAQ, GLOSSARY, SETTINGS]);
  });

  it('an Editor sees what the super admin sees (Editors read every type, every locale)', async () => {
    expect(ids(await reportOf('editor'))).toEqual(ids(await reportOf('super')));
  });

  it('an Author sees only the entries they created', async () => {
    // The seed created everything: nothing of it is the Author's.
    expect((await reportOf('author')).findings).toEqual([]);

    // The Author writes an FAQ in the admin, in English only.
    const created = await cms.request
      .post(`/content-manager/collection-types/${FAQ}?locale=en`)
      .set('Authorization', `Bearer ${tokens.author}`)
      .send({ question: 'Written by the author?', answer: [paragraph('Yes, it is.')], order: 70 });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    const documentId: string = created.body.data.documentId;

    const report = await reportOf('author');
    expect(report.findings.map((f) => [f.code, f.entry.documentId, f.entry.locale])).toEqual([
      ['translation-missing', documentId, 'es'],
    ]);
    expect(report.counts.total).toBe(1);
    // The super admin sees it too, among everything else.
    expect(ids(await reportOf('super'))).toEqual(expect.arrayContaining(ids(report)));

    const own = await as(
      'author',
      `/content-health/entry?uid=${FAQ}&documentId=${documentId}&locale=en`,
    );
    expect(own.status).toBe(200);
    expect(own.body.data.readingLevels).toEqual([
      expect.objectContaining({ field: 'answer', words: 3, sentences: 1 }),
    ]);
    const missing = await as(
      'author',
      `/content-health/entry?uid=${FAQ}&documentId=${documentId}&locale=es`,
    );
    expect(missing.status).toBe(200);
    expect(missing.body.data.findings.map((f: Finding) => f.code)).toEqual(['translation-missing']);
  });

  it('an Author gets 403 for an entry they did not create', async () => {
    for (const path of [
      `/content-health/entry?uid=${FAQ}&documentId=${await seededId(FAQ)}&locale=en`,
      `/content-health/entry?uid=${ARTICLE}&documentId=${await seededId(ARTICLE)}&locale=es`,
      `/content-health/entry?uid=${SETTINGS}&locale=en`,
    ]) {
      const response = await as('author', path);
      expect(response.status, path).toBe(403);
      expect(JSON.stringify(response.body)).not.toContain('findings');
    }
  });
});

describe('the entry endpoint refuses', () => {
  it.each([
    ['no uid', '?locale=en', 400, /"uid" parameter .* is required/],
    [
      'an unknown uid',
      '?uid=api::nope.nope&locale=en',
      400,
      /Unknown content type "api::nope.nope"/,
    ],
    [
      'a type outside content health',
      '?uid=admin::user&documentId=1&locale=en',
      400,
      /Unknown content type/,
    ],
    ['no locale', `?uid=${SETTINGS}`, 400, /"locale" parameter is required/],
    ['an unknown locale', `?uid=${SETTINGS}&locale=fr`, 400, /Unknown locale "fr"/],
    [
      'no documentId for a collection type',
      `?uid=${FAQ}&locale=en`,
      400,
      /"documentId" parameter is required/,
    ],
    [
      'an unknown document',
      `?uid=${FAQ}&documentId=nosuchdocument&locale=en`,
      404,
      /No such document/,
    ],
  ])('%s (%s)', async (_label, query, status, message) => {
    const response = await as('super', `/content-health/entry${query}`);
    expect(response.status).toBe(status);
    expect(response.body.error.message).toMatch(message);
  });
});

describe('permissions an administrator changes', () => {
  async function editorReadFaq() {
    const role = await cms.strapi.db
      .query('admin::role')
      .findOne({ where: { code: 'strapi-editor' } });
    return cms.strapi.db
      .query('admin::permission')
      .findOne({ where: { role: role.id, action: READ, subject: FAQ } });
  }

  it('an Editor allowed FAQs in English only sees no Spanish FAQ, and gets 403 for one', async () => {
    const permission = await editorReadFaq();
    await cms.strapi.db.query('admin::permission').update({
      where: { id: permission.id },
      data: { properties: { ...permission.properties, locales: ['en'] } },
    });
    const report = await reportOf('editor');
    const faqLocales = new Set(
      report.findings.filter((f) => f.entry.uid === FAQ).map((f) => f.entry.locale),
    );
    expect([...faqLocales]).toEqual(['en']);
    expect(report.findings.some((f) => f.entry.uid === ARTICLE && f.entry.locale === 'es')).toBe(
      true,
    );
    const faq = await seededId(FAQ);
    expect(
      (await as('editor', `/content-health/entry?uid=${FAQ}&documentId=${faq}&locale=es`)).status,
    ).toBe(403);
    expect(
      (await as('editor', `/content-health/entry?uid=${FAQ}&documentId=${faq}&locale=en`)).status,
    ).toBe(200);
  });

  it('an Editor without the FAQ read permission sees no FAQ, and gets 403 for the type', async () => {
    const permission = await editorReadFaq();
    await cms.strapi.db.query('admin::permission').delete({ where: { id: permission.id } });
    const report = await reportOf('editor');
    expect(uidsIn(report)).not.toContain(FAQ);
    expect(uidsIn(report)).toContain(ARTICLE);
    const response = await as(
      'editor',
      `/content-health/entry?uid=${FAQ}&documentId=${await seededId(FAQ)}&locale=en`,
    );
    expect(response.status).toBe(403);
    expect(response.body.error.message).toMatch(/not allowed to read this content type/);
  });
});
