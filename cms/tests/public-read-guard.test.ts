import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { publicContentType } from '../src/content-model';
import { PUBLIC_READ_ACTIONS } from '../src/bootstrap/public-permissions';
import { createPreviewToken } from '../src/preview/token';
import { adminToken } from './helpers/admin-users';
import { createTestDatabase, type TestDatabase } from './helpers/database';
import { APP_DIR, databaseKind, DIST_DIR, startCms, type RunningCms } from './helpers/strapi';

/**
 * The public read guard (src/middlewares/public-read-guard.ts) on every content-API read: a query
 * may only use the keys the public API documents (locale, fields, filters, sort, pagination,
 * populate, status=published); anything else, e.g. Strapi 5's `publicationFilter` and
 * `hasPublishedVersion` (which tell the public which entries have unpublished changes), is a 400
 * naming the key. The guard is on every GET route of every content type by construction (a route
 * hook, not a line in each route file): a content type added later is guarded too.
 */

const ADMIN = { email: 'guard.admin@example.com', password: 'Guard-Admin-2026' };
const NEWER_DRAFT = 'A newer wording saved as a draft only?';
const ALLOWED = 'locale, fields, filters, sort, pagination, populate, status';

// The running CMS is the compiled one: its route hooks live in dist/.
const requireCjs = createRequire(import.meta.url);
const routeHooks = () =>
  requireCjs(
    join(DIST_DIR, 'src', 'utils', 'route-hooks.js'),
  ) as typeof import('../src/utils/route-hooks');

let db: TestDatabase;
let cms: RunningCms;
let modifiedFaqId: string;
const publishedIds: Record<string, string> = {};

beforeAll(async () => {
  db = await createTestDatabase(databaseKind);
  cms = await startCms(db, { ADMIN_EMAIL: ADMIN.email, ADMIN_PASSWORD: ADMIN.password });
  const faqs = cms.strapi.documents('api::faq.faq');
  const [first] = await faqs.findMany({ locale: 'en', sort: 'order', status: 'published' });
  modifiedFaqId = first!.documentId;
  // Published, with a newer unpublished draft: "modified" in the admin.
  await faqs.update({ documentId: modifiedFaqId, locale: 'en', data: { question: NEWER_DRAFT } });
  for (const type of Object.values(cms.strapi.contentTypes)) {
    // The public collections (a private type such as visitors' feedback has no public reads).
    if (!publicContentType(type.uid) || type.kind !== 'collectionType') continue;
    const [published] = await cms.strapi
      .documents(type.uid as 'api::faq.faq')
      .findMany({ locale: 'en', status: 'published' });
    publishedIds[type.uid] = published!.documentId;
  }
});
afterAll(async () => {
  await cms?.stop();
  await db?.drop();
});

/** Whether the type's API has read routes (a create-only router, visitors' feedback, has none). */
function hasReadRoutes(uid: string): boolean {
  const api = cms.strapi.api(uid.slice('api::'.length, uid.indexOf('.'))) as unknown as {
    routes: Record<string, { routes: Array<{ method: string }> }>;
  };
  return Object.values(api.routes).some((router) =>
    router.routes.some((route) => route.method === 'GET'),
  );
}

/** Every GET route of every api:: content type, as Strapi's core router defines them. */
function contentTypeReads(): Array<{ uid: string; route: string; path: string }> {
  return Object.values(cms.strapi.contentTypes)
    .filter((type) => type.uid.startsWith('api::') && hasReadRoutes(type.uid))
    .flatMap((type) => {
      if (type.kind === 'singleType') {
        const single = `/${type.info.singularName}`;
        return [{ uid: type.uid, route: `GET ${single}`, path: `/api${single}` }];
      }
      const base = `/${type.info.pluralName}`;
      return [
        { uid: type.uid, route: `GET ${base}`, path: `/api${base}` },
        {
          uid: type.uid,
          route: `GET ${base}/:id`,
          path: `/api${base}/${publishedIds[type.uid]}`,
        },
      ];
    });
}

describe('draft metadata', () => {
  it.each([
    ['/api/faqs?locale=en&publicationFilter=modified', 'publicationFilter'],
    ['/api/articles?locale=en&publicationFilter=modified', 'publicationFilter'],
    ['/api/faqs?locale=en&publicationFilter=never-published-document', 'publicationFilter'],
    ['/api/faqs?locale=en&hasPublishedVersion=true', 'hasPublishedVersion'],
    ['/api/faqs?locale=en&hasPublishedVersion=false', 'hasPublishedVersion'],
  ])('%s: 400 naming the key, nothing listed', async (path, key) => {
    const response = await cms.request.get(path);
    expect(response.status, response.text).toBe(400);
    expect(response.body.error.message).toContain(`"${key}"`);
    expect(response.body.error.details).toEqual({ param: key });
    expect(response.body.data).toBeNull();
    expect(response.text).not.toContain(modifiedFaqId);
  });
});

describe('the query allowlist', () => {
  it.each(['bogus', '_q', 'publicationState', 'preview', 'plugins', 'encodeSourceMaps'])(
    'an unknown key (%s) is a 400 that names it and lists the accepted ones',
    async (key) => {
      const response = await cms.request.get(`/api/faqs?locale=en&${key}=1`);
      expect(response.status, response.text).toBe(400);
      expect(response.body.error.message).toContain(`"${key}"`);
      expect(response.body.error.message).toContain(ALLOWED);
    },
  );

  it('every accepted key together answers 200', async () => {
    const response = await cms.request.get(
      '/api/faqs?locale=en&fields[0]=question&filters[order][$gte]=0&sort=order:asc' +
        '&pagination[page]=1&pagination[pageSize]=2&status=published',
    );
    expect(response.status, response.text).toBe(200);
    expect(response.body.data).toHaveLength(2);
    const populated = await cms.request.get(
      '/api/articles?locale=en&populate[faqs][fields][0]=question',
    );
    expect(populated.status, populated.text).toBe(200);
  });

  it('the existing refusals keep their messages', async () => {
    const draft = await cms.request.get('/api/faqs?status=draft');
    expect(draft.status).toBe(400);
    expect(draft.body.error.message).toMatch(/only published content/i);
    const locale = await cms.request.get('/api/faqs?locale=xx');
    expect(locale.body.error.message).toMatch(/unknown locale/i);
    const page = await cms.request.get('/api/faqs?pagination[pageSize]=1000');
    expect(page.body.error.message).toMatch(/pagination\[pageSize\]/);
  });
});

describe('on every read route of every content type', () => {
  it('the route hook found exactly the GET routes of the api:: content types', () => {
    const guarded = routeHooks().routesWithHook(cms.strapi, 'public read guard');
    expect([...guarded].sort()).toEqual(
      contentTypeReads()
        .map(({ route }) => route)
        .sort(),
    );
  });

  it('the route files do not list it: they are what `strapi generate` writes', () => {
    const api = join(APP_DIR, 'src', 'api');
    for (const entry of readdirSync(api, { withFileTypes: true })) {
      if (!entry.isDirectory()) continue;
      const name = entry.name;
      const routes = join(api, name, 'routes');
      for (const file of readdirSync(routes)) {
        const source = readFileSync(join(routes, file), 'utf8');
        expect(source, `${name}/routes/${file}`).not.toContain('global::public-read-guard');
        if (source.includes('createCoreRouter')) {
          // As `strapi generate` writes it, or a router with no reads at all (`only: ['create']`:
          // visitors' feedback), whose routes the guard has nothing to do on.
          expect(source, `${name}/routes/${file}`).toMatch(
            /createCoreRouter\('api::[\w-]+\.[\w-]+'(\)|, \{\s*only: \['create'\])/,
          );
        }
      }
    }
  });

  it('each refuses drafts and draft metadata, for the public and for an API token', async () => {
    const { accessKey } = await cms.strapi.service('admin::api-token').create({
      name: 'guard-full-access',
      description: '',
      type: 'full-access',
      lifespan: null,
    });
    const reads = contentTypeReads();
    // Every public read of the content model is among them (the glossary too).
    const publicReads = Object.values(PUBLIC_READ_ACTIONS).flat().length;
    expect(reads.length).toBeGreaterThanOrEqual(publicReads);
    expect(reads.map((read) => read.path)).toContain('/api/glossary-terms');
    for (const { uid, path } of reads) {
      // A type visitors may not read at all (redirects, which the site reads through
      // /api/site-redirects) refuses them before the guard looks at the query: 403.
      const isPublic = uid in PUBLIC_READ_ACTIONS;
      for (const query of [
        'status=draft',
        'publicationFilter=modified',
        'hasPublishedVersion=false',
      ]) {
        for (const auth of [{}, { Authorization: `Bearer ${accessKey}` }]) {
          const response = await cms.request.get(`${path}?${query}`).set(auth);
          const expected = isPublic || 'Authorization' in auth ? 400 : 403;
          expect(response.status, `${path}?${query} ${JSON.stringify(auth)}`).toBe(expected);
          expect(response.text).not.toContain(NEWER_DRAFT);
        }
      }
      expect((await cms.request.get(`${path}?locale=en`)).status, path).toBe(isPublic ? 200 : 403);
    }
  });
});

describe('what the guard leaves alone', () => {
  it('/api/preview takes its token, whatever else the query holds', async () => {
    const token = createPreviewToken(
      { uid: 'api::faq.faq', documentId: modifiedFaqId, locale: 'en', status: 'draft' },
      process.env.PREVIEW_SECRET!,
    );
    const response = await cms.request.get('/api/preview').query({ token, publicationFilter: 'x' });
    expect(response.status, response.text).toBe(200);
    expect(response.body.data.document.question).toBe(NEWER_DRAFT);
    expect((await cms.request.get('/api/preview?status=draft')).status).toBe(401);
  });

  it("the admin's content manager lists drafts with its own query keys", async () => {
    const token = await adminToken(cms, ADMIN);
    const response = await cms.request
      .get(
        '/content-manager/collection-types/api::faq.faq?page=1&pageSize=50&locale=en&status=draft' +
          '&sort=order:ASC',
      )
      .set('Authorization', `Bearer ${token}`);
    expect(response.status, response.text).toBe(200);
    expect(response.text).toContain(NEWER_DRAFT);
  });
});
