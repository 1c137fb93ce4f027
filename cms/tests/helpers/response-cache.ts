import { createRequire } from 'node:module';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Response } from 'supertest';
import { createPreviewToken } from '../../src/preview/token';
import { cacheKey } from '../../src/response-cache/key';
import { createTestDatabase, type TestDatabase } from './database';
import { databaseKind, DIST_DIR, startCms, type RunningCms } from './strapi';
import { draftQueryShapes } from './draft-queries';

/**
 * The response cache's behaviour, as a suite run once per store: in memory
 * (tests/response-cache.test.ts) and in Redis (tests/response-cache-redis.test.ts). The CMS runs
 * in-process, seeded; editors' changes go through the admin's content-manager API as the admin UI
 * sends them; public reads go through the HTTP server and the whole middleware chain.
 */

export const CACHE_ADMIN = { email: 'cache.admin@example.com', password: 'Cache-Admin-2026' };
export const DEFAULT_CACHE_CONTROL =
  'public, max-age=0, s-maxage=1, stale-while-revalidate=60, stale-if-error=86400';
const SITE_ORIGIN = 'http://localhost:5173';
const FAQ = 'api::faq.faq';
const CM_FAQ = `/content-manager/collection-types/${FAQ}`;
const CM_SETTINGS = '/content-manager/single-types/api::site-setting.site-setting';
const blocks = (text: string) => [
  { type: 'paragraph' as const, children: [{ type: 'text' as const, text }] },
];

// The running CMS is the compiled one: its cache lives in dist/, not in src/.
const requireCjs = createRequire(import.meta.url);
export const responseCacheModule = () =>
  requireCjs(
    join(DIST_DIR, 'src', 'response-cache', 'index.js'),
  ) as typeof import('../../src/response-cache');

export interface CacheSuite {
  cms(): RunningCms;
  read(path: string, headers?: Record<string, string>): Promise<Response>;
  /** Reads `path` until the cache answers it (at most a few tries); returns that answer. */
  warm(path: string): Promise<Response>;
}

export interface CacheSuiteOptions {
  /** Environment for the CMS, read when the suite starts (e.g. REDIS_URL). */
  env: () => Record<string, string>;
  /** Every stored key and value, including what the store's own `entries()` does not list. */
  rawEntries?: () => Promise<Array<{ key: string; value: string }>>;
}

/** `record` without the named keys. */
function without<T extends object>(record: T, names: string[]): Partial<T> {
  return Object.fromEntries(
    Object.entries(record).filter(([name]) => !names.includes(name)),
  ) as Partial<T>;
}

/** Puts back, after a suite, the environment variables startCms set for it. */
function envRestorer(names: string[]): () => void {
  const saved = names.map((name) => [name, process.env[name]] as const);
  return () => {
    for (const [name, value] of saved) {
      if (value === undefined) delete process.env[name];
      else process.env[name] = value;
    }
  };
}

export function responseCacheSuite(label: string, options: CacheSuiteOptions): CacheSuite {
  let db: TestDatabase;
  let cms: RunningCms;
  let token: string;
  let restoreEnv: () => void = () => {};

  beforeAll(async () => {
    const env = { ADMIN_EMAIL: CACHE_ADMIN.email, ADMIN_PASSWORD: CACHE_ADMIN.password };
    Object.assign(env, options.env());
    restoreEnv = envRestorer(Object.keys(env));
    db = await createTestDatabase(databaseKind);
    cms = await startCms(db, env);
    const login = await cms.request.post('/admin/login').send(CACHE_ADMIN);
    expect(login.status, JSON.stringify(login.body)).toBe(200);
    token = login.body.data.token;
    await settled();
  });
  afterAll(async () => {
    if (cms) await responseCacheModule().stopResponseCache(cms.strapi);
    await cms?.stop();
    await db?.drop();
    restoreEnv();
  });

  const read = (path: string, headers: Record<string, string> = {}) =>
    cms.request.get(path).set(headers);
  // With Redis, the store is unavailable (BYPASS) for a moment after a change, until Redis has
  // acknowledged the new version, and at start-up until the first connection: waited out here.
  async function warm(path: string): Promise<Response> {
    for (let attempt = 0; attempt < 100; attempt += 1) {
      const response = await read(path);
      expect(response.status, `${path}: ${response.text}`).toBe(200);
      if (response.headers['x-cache'] === 'HIT') return response;
      if (response.headers['x-cache'] === 'BYPASS') await sleep(20);
    }
    throw new Error(`${path} never came from the cache`);
  }
  /** Waits until the store answers lookups (a probe read is not BYPASS). */
  async function settled(): Promise<void> {
    for (let attempt = 0; attempt < 250; attempt += 1) {
      const probe = await read('/api/faqs?locale=es&fields[0]=order');
      if (probe.headers['x-cache'] !== 'BYPASS') return;
      await sleep(20);
    }
    throw new Error('the response cache stayed unavailable');
  }
  const admin = (method: 'get' | 'post' | 'put' | 'delete', path: string) =>
    cms.request[method](path).set('Authorization', `Bearer ${token}`);
  const store = () => {
    const found = responseCacheModule().responseCacheOf(cms.strapi);
    if (!found) throw new Error('the response cache is not running');
    return found;
  };
  /** Every key and body stored, as text. */
  async function stored(): Promise<Array<{ key: string; body: string }>> {
    const live = (await store().entries()).map(({ key, body }) => ({ key, body: body.toString() }));
    const raw = options.rawEntries ? await options.rawEntries() : [];
    // A stored value is a format line and a JSON line (key, ETag, seal: redis-store.ts), then the
    // body; what a client gets is the body.
    const bodyOf = (value: string) =>
      value.startsWith('cms-response-cache/') ? value.split('\n').slice(2).join('\n') : value;
    return [...live, ...raw.map(({ key, value }) => ({ key, body: bodyOf(value) }))];
  }
  const questions = (response: Response) =>
    (response.body.data as Array<{ question: string }>).map((faq) => faq.question);

  async function createFaq(question: string, order: number): Promise<string> {
    const created = await admin('post', `${CM_FAQ}?locale=en`).send({
      question,
      answer: blocks('An answer.'),
      order,
    });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    return created.body.data.documentId;
  }
  async function publishFaq(documentId: string, data: Record<string, unknown> = {}) {
    const published = await admin('post', `${CM_FAQ}/${documentId}/actions/publish?locale=en`).send(
      data,
    );
    expect(published.status, JSON.stringify(published.body)).toBe(200);
  }

  describe(`response cache (${label}): hits`, () => {
    const FAQS = '/api/faqs?locale=en&sort=order:asc&pagination[pageSize]=100';

    it('answers a public read from the cache the second time: same bytes, same headers', async () => {
      await settled();
      const first = await read(FAQS, { Origin: SITE_ORIGIN });
      expect(first.status).toBe(200);
      expect(first.headers['x-cache']).toBe('MISS');
      expect(first.headers.etag).toMatch(/^"[\w-]+"$/);
      expect(first.headers['cache-control']).toBe(DEFAULT_CACHE_CONTROL);
      const second = await read(FAQS, { Origin: SITE_ORIGIN });
      expect(second.status).toBe(200);
      expect(second.headers['x-cache']).toBe('HIT');
      expect(second.text).toBe(first.text);
      // Security and CORS headers included: everything but the date and the cache's own verdict.
      const headers = (response: Response) => without(response.headers, ['date', 'x-cache']);
      expect(headers(second)).toEqual(headers(first));
      expect(second.headers['access-control-allow-origin']).toBe(SITE_ORIGIN);
      expect(second.headers['content-security-policy']).toBeDefined();
      expect(second.headers['x-powered-by']).toBeDefined();
      expect(second.headers['content-type']).toBe('application/json; charset=utf-8');
    });

    it.each([
      ['no Origin', {}],
      ['the site origin', { Origin: SITE_ORIGIN }],
      ['another origin', { Origin: 'https://evil.example' }],
    ])('a hit has the headers the whole chain gives (%s)', async (_label, origin) => {
      const path = '/api/risk-factors?locale=en&sort=order:asc';
      const hit = await warm(path);
      expect(hit.headers['x-cache']).toBe('HIT');
      const hitWith = await read(path, origin);
      expect(hitWith.headers['x-cache']).toBe('HIT');
      // The same read with a token goes through the whole chain (security, CORS, powered-by).
      const { accessKey } = await cms.strapi.service('admin::api-token').create({
        name: `cache-headers-${Math.random()}`,
        type: 'read-only',
        lifespan: null,
        description: '',
      });
      const chain = await read(path, { ...origin, Authorization: `Bearer ${accessKey}` });
      expect(chain.headers['x-cache']).toBe('BYPASS');
      // The chain's answer to a request with credentials is its own: not stored, and it says so.
      expect(chain.headers['cache-control']).toBe('no-store');
      expect(chain.headers.vary).toMatch(/Authorization/);
      const comparable = (response: Response) =>
        without(response.headers, ['date', 'x-cache', 'etag', 'cache-control', 'vary']);
      expect(comparable(hitWith)).toEqual(comparable(chain));
      expect(hitWith.text).toBe(chain.text);
    });

    it('answers HEAD from the same entry, without a body', async () => {
      await warm(FAQS);
      const head = await cms.request.head(FAQS);
      expect(head.status).toBe(200);
      expect(head.headers['x-cache']).toBe('HIT');
      expect(head.text ?? '').toBe('');
    });

    it('serves findOne and the site settings from the cache too', async () => {
      const list = await read(FAQS);
      const id = list.body.data[0].documentId;
      for (const path of [
        `/api/faqs/${id}?locale=en`,
        '/api/site-setting?locale=es',
        '/api/risk-factors?locale=es&sort=order:asc',
        '/api/articles?locale=en&populate[faqs][fields][0]=question',
      ]) {
        const hit = await warm(path);
        expect(hit.body.data).toBeTruthy();
      }
    });
  });

  describe(`response cache (${label}): keys`, () => {
    it.each([
      ['/api/faqs?locale=en&sort=order:asc', '/api/faqs?sort=order%3Aasc&locale=en'],
      ['/api/faqs?locale=en&sort=order:asc', '/api/faqs?sort=order%3aasc&locale=%65n'],
      [
        '/api/articles?locale=en&populate[seo]=true&populate[faqs][fields][0]=question',
        '/api/articles?populate%5Bfaqs%5D%5Bfields%5D%5B0%5D=question&populate[seo]=true&locale=en',
      ],
    ])('%s and %s share one entry', async (first, same) => {
      const warmed = await warm(first);
      const other = await read(same);
      expect(other.status).toBe(200);
      expect(other.headers['x-cache']).toBe('HIT');
      expect(other.text).toBe(warmed.text);
    });

    it.each([
      ['/api/faqs?locale=en', '/api/faqs?locale=es', true],
      [
        '/api/faqs?locale=en&pagination[pageSize]=1',
        '/api/faqs?locale=en&pagination[pageSize]=2',
        true,
      ],
      ['/api/faqs?locale=en&fields[0]=question', '/api/faqs?locale=en&fields[0]=order', true],
      ['/api/faqs?locale=en&sort=order:asc', '/api/faqs?locale=en&sort=order:desc', true],
      // The order of sort fields is their priority: not the same query.
      [
        '/api/faqs?locale=en&sort[order]=asc&sort[question]=asc',
        '/api/faqs?locale=en&sort[question]=asc&sort[order]=asc',
        false,
      ],
    ])('%s and %s do not collide', async (first, other, bodiesDiffer) => {
      const warmed = await warm(first);
      const answer = await read(other);
      expect(answer.status).toBe(200);
      expect(answer.headers['x-cache']).toBe('MISS');
      if (bodiesDiffer) expect(answer.text).not.toBe(warmed.text);
    });
  });

  describe(`response cache (${label}): invalidation by content changes`, () => {
    const LIST = '/api/faqs?locale=en&sort=order:asc&pagination[pageSize]=100';
    const QUESTION = 'Is this question cached after its publish?';
    let id: string;

    it('a publish through the admin is in the very next public read', async () => {
      id = await createFaq(QUESTION, 50);
      expect(questions(await warm(LIST))).not.toContain(QUESTION);
      await publishFaq(id);
      const next = await read(LIST);
      expect(next.headers['x-cache']).not.toBe('HIT');
      expect(questions(next)).toContain(QUESTION);
      expect((await read(`/api/faqs/${id}?locale=en`)).body.data.question).toBe(QUESTION);
    });

    it('an unpublish removes it from the very next read', async () => {
      expect(questions(await warm(LIST))).toContain(QUESTION);
      await warm(`/api/faqs/${id}?locale=en`);
      const unpublished = await admin('post', `${CM_FAQ}/${id}/actions/unpublish?locale=en`).send(
        {},
      );
      expect(unpublished.status, JSON.stringify(unpublished.body)).toBe(200);
      expect(questions(await read(LIST))).not.toContain(QUESTION);
      expect((await read(`/api/faqs/${id}?locale=en`)).status).toBe(404);
    });

    it('a delete removes it from the very next read', async () => {
      await publishFaq(id);
      expect(questions(await warm(LIST))).toContain(QUESTION);
      await warm(`/api/faqs/${id}?locale=en`);
      const deleted = await admin('delete', `${CM_FAQ}/${id}?locale=en`);
      expect(deleted.status, JSON.stringify(deleted.body)).toBe(200);
      expect(questions(await read(LIST))).not.toContain(QUESTION);
      expect((await read(`/api/faqs/${id}?locale=en`)).status).toBe(404);
    });

    it('a site-settings publish is in the very next read', async () => {
      const SETTINGS = '/api/site-setting?locale=en';
      const before = await warm(SETTINGS);
      const heroTitle = 'A hero title published with the cache warm';
      expect(before.body.data.heroTitle).not.toBe(heroTitle);
      const draft = await admin('get', `${CM_SETTINGS}?locale=en`);
      expect(draft.status, JSON.stringify(draft.body)).toBe(200);
      const fields = without(draft.body.data, ['id', 'documentId']);
      const published = await admin('post', `${CM_SETTINGS}/actions/publish?locale=en`).send({
        ...fields,
        heroTitle,
      });
      expect(published.status, JSON.stringify(published.body)).toBe(200);
      const after = await read(SETTINGS);
      expect(after.headers['x-cache']).not.toBe('HIT');
      expect(after.body.data.heroTitle).toBe(heroTitle);
    });

    it('a new locale invalidates, and its reads were never a cached refusal', async () => {
      const FRENCH = '/api/faqs?locale=fr';
      for (let attempt = 0; attempt < 2; attempt += 1) {
        const refused = await read(FRENCH);
        expect(refused.status).toBe(400);
        expect(refused.headers['x-cache']).not.toBe('HIT');
      }
      await warm(LIST);
      const created = await admin('post', '/i18n/locales').send({
        code: 'fr',
        name: 'French (fr)',
        isDefault: false,
      });
      expect(created.status, JSON.stringify(created.body)).toBe(200);
      expect((await read(LIST)).headers['x-cache']).not.toBe('HIT');
      expect((await read(FRENCH)).status).toBe(200);
    });

    it("a change to the Public role's permissions invalidates", async () => {
      const RISKS = '/api/risk-factors?locale=en';
      await warm(RISKS);
      const permissions = cms.strapi.db.query('plugin::users-permissions.permission');
      const role = await cms.strapi.db
        .query('plugin::users-permissions.role')
        .findOne({ where: { type: 'public' } });
      const action = 'api::risk-factor.risk-factor.find';
      await permissions.delete({ where: { action, role: role.id } });
      try {
        const refused = await read(RISKS);
        expect(refused.status).toBe(403);
        expect(refused.headers['x-cache']).not.toBe('HIT');
      } finally {
        await permissions.create({ data: { action, role: role.id } });
      }
      expect((await read(RISKS)).status).toBe(200);
    });
  });

  describe(`response cache (${label}): drafts never enter it`, () => {
    const DRAFT_ONLY = 'Draft-only question never published, cached?';
    const NEWER_DRAFT = 'Newer draft wording not yet published, cached?';
    const shapes = draftQueryShapes(DRAFT_ONLY);
    let draftId = '';

    async function readEveryShape(round: string) {
      for (const path of [...shapes, ...(draftId ? [`/api/faqs/${draftId}`] : [])]) {
        for (let attempt = 0; attempt < 2; attempt += 1) {
          const response = await read(path);
          const what = `${round}: ${path} (${response.headers['x-cache']})`;
          expect(response.status, what).toBeLessThan(500);
          if (path.includes('status=draft')) expect(response.status, what).toBe(400);
          if (response.status !== 200) expect(response.headers['x-cache'], what).not.toBe('HIT');
          expect(response.text, what).not.toContain(DRAFT_ONLY);
          expect(response.text, what).not.toContain(NEWER_DRAFT);
          if (draftId) expect(response.text, what).not.toContain(draftId);
        }
      }
    }

    it('every query shape is refused or shows no draft, cached or not, before and after a draft is saved', async () => {
      await readEveryShape('before');
      await warm('/api/faqs?locale=en'); // the cache is warm for the shapes

      // Through the admin, as an editor saves drafts: a newer wording of a published FAQ, and a
      // FAQ that only exists as a draft, linked from the article's draft.
      const list = await read('/api/faqs?locale=en&sort=order:asc');
      const publishedId: string = list.body.data[0].documentId;
      const publishedQuestion: string = list.body.data[0].question;
      const saved = await admin('put', `${CM_FAQ}/${publishedId}?locale=en`).send({
        question: NEWER_DRAFT,
      });
      expect(saved.status, JSON.stringify(saved.body)).toBe(200);
      draftId = await createFaq(DRAFT_ONLY, 0);
      const articles = await admin('get', '/content-manager/collection-types/api::article.article');
      const articleId: string = articles.body.results[0].documentId;
      const linked = await admin(
        'put',
        `/content-manager/collection-types/api::article.article/${articleId}?locale=en`,
      ).send({ faqs: { connect: [{ documentId: draftId, locale: 'en' }] }, summary: NEWER_DRAFT });
      expect(linked.status, JSON.stringify(linked.body)).toBe(200);

      await readEveryShape('after');
      const still = await read(`/api/faqs/${publishedId}?locale=en`);
      expect(still.body.data.question).toBe(publishedQuestion);

      const entries = await stored();
      expect(entries.length).toBeGreaterThan(5);
      for (const { key, body } of entries) {
        for (const draft of [DRAFT_ONLY, NEWER_DRAFT, draftId]) {
          expect(body, key).not.toContain(draft);
        }
        expect(key).not.toContain(NEWER_DRAFT);
        expect(key).not.toContain(draftId);
        // The one key with the draft's words is the filter the client sent (an empty answer).
        if (key.includes(DRAFT_ONLY)) expect(key).toContain('"$eq"');
      }
    });
  });

  describe(`response cache (${label}): what is never cached`, () => {
    const keysStored = async () => (await store().entries()).map((entry) => entry.key);

    it('authenticated requests (an API token)', async () => {
      const path = '/api/faqs?locale=en&pagination[pageSize]=3';
      const { accessKey } = await cms.strapi.service('admin::api-token').create({
        name: 'cache-test-reader',
        type: 'read-only',
        lifespan: null,
        description: '',
      });
      await settled();
      for (let attempt = 0; attempt < 2; attempt += 1) {
        const answer = await read(path, { Authorization: `Bearer ${accessKey}` });
        expect(answer.status).toBe(200);
        expect(answer.headers['x-cache']).toBe('BYPASS');
        expect(answer.headers.etag).toBeUndefined();
      }
      expect((await keysStored()).some((key) => key.includes('"pageSize":"3"'))).toBe(false);
      expect((await read(path)).headers['x-cache']).toBe('MISS');
    });

    it('/api/preview (a draft shown with a signed token)', async () => {
      const PREVIEWED = 'A draft shown only in the preview?';
      const documentId = await createFaq(PREVIEWED, 60);
      const previewToken = createPreviewToken(
        { uid: FAQ, documentId, locale: 'en', status: 'draft' },
        process.env.PREVIEW_SECRET!,
      );
      for (let attempt = 0; attempt < 2; attempt += 1) {
        const preview = await read(`/api/preview?token=${previewToken}`);
        expect(preview.status).toBe(200);
        expect(preview.text).toContain(PREVIEWED);
        expect(preview.headers['x-cache']).toBeUndefined();
        expect(preview.headers['cache-control']).toBe('no-store');
      }
      expect((await read('/api/preview')).status).toBe(401);
      expect((await keysStored()).filter((key) => key.includes('preview'))).toEqual([]);
      for (const { key, body } of await stored()) {
        expect(key).not.toContain(PREVIEWED);
        expect(body).not.toContain(PREVIEWED);
      }
    });

    it('errors: 400, 404 and 500', async () => {
      await settled();
      for (const [path, status] of [
        ['/api/faqs?status=draft', 400],
        ['/api/faqs?pagination[pageSize]=1000', 400],
        ['/api/faqs/no-such-document?locale=en', 404],
      ] as const) {
        for (let attempt = 0; attempt < 2; attempt += 1) {
          const answer = await read(path);
          expect(answer.status, path).toBe(status);
          expect(answer.headers['x-cache'], path).toBe('MISS');
        }
      }
      const RISKS = '/api/risk-factors?locale=en&sort=order:asc';
      const service = cms.strapi.service('api::risk-factor.risk-factor') as {
        find: (...args: unknown[]) => Promise<unknown>;
      };
      const failing = vi.spyOn(service, 'find').mockRejectedValueOnce(new Error('database down'));
      try {
        const failed = await read(RISKS);
        expect(failed.status).toBe(500);
        expect(failed.headers['x-cache']).toBe('MISS');
      } finally {
        failing.mockRestore();
      }
      const recovered = await read(RISKS);
      expect(recovered.status).toBe(200);
      expect(recovered.headers['x-cache']).toBe('MISS');
      await warm(RISKS);
    });

    it('writes and other methods', async () => {
      const LIST = '/api/faqs?locale=en';
      await warm(LIST);
      for (const attempt of [
        cms.request.post('/api/faqs').send({ data: { question: 'x' } }),
        cms.request.put('/api/site-setting').send({ data: { heroTitle: 'x' } }),
        cms.request.delete(`/api/faqs/x`),
      ]) {
        const answer = await attempt;
        expect(answer.status).toBe(403);
        expect(answer.headers['x-cache']).toBe('BYPASS');
      }
      expect((await read(LIST)).headers['x-cache']).toBe('HIT');
    });
  });

  describe(`response cache (${label}): request headers`, () => {
    const PATH = '/api/faqs?locale=en&sort=order:asc&pagination[pageSize]=100';
    const ZERO_WIDTH = /[\u200B-\u200D\uFEFF]/;
    /** Empties the cache, as a content change does: the next read decides what is stored. */
    async function afterAnInvalidation() {
      store().invalidate();
      await settled();
    }
    const canonical = (response: Response) => {
      expect(response.status).toBe(200);
      const first = response.body.data[0];
      expect(first.question).toEqual(expect.any(String));
      expect(first).not.toHaveProperty('attributes');
      expect(response.text).not.toMatch(ZERO_WIDTH);
    };

    it('Strapi-Response-Format: v4 is refused with a 400 naming it, and never decides what others get', async () => {
      await afterAnInvalidation();
      const v4 = await read(PATH, { 'Strapi-Response-Format': 'v4' });
      expect(v4.status, v4.text).toBe(400);
      expect(v4.body.error.message).toContain('Strapi-Response-Format');
      expect(v4.headers['x-cache']).not.toBe('HIT');
      const next = await read(PATH);
      expect(next.headers['x-cache']).toBe('MISS');
      canonical(next);
      canonical(await warm(PATH));
      const again = await read(PATH, { 'Strapi-Response-Format': 'v4' });
      expect(again.status).toBe(400);
      expect(again.headers['x-cache']).not.toBe('HIT');
    });

    it('Strapi-Encode-Source-Maps: true bypasses the cache: computed for who asks, stored for nobody', async () => {
      await afterAnInvalidation();
      const encoded = await read(PATH, { 'Strapi-Encode-Source-Maps': 'true' });
      expect(encoded.status, encoded.text).toBe(200);
      expect(encoded.headers['x-cache']).toBe('BYPASS');
      expect(encoded.text).toMatch(ZERO_WIDTH); // what it asked for
      expect(encoded.headers['cache-control']).toMatch(/no-store/);
      expect(encoded.headers.etag).toBeUndefined();
      const next = await read(PATH);
      expect(next.headers['x-cache']).toBe('MISS');
      canonical(next);
      canonical(await warm(PATH));
      const warmAndEncoded = await read(PATH, { 'Strapi-Encode-Source-Maps': 'true' });
      expect(warmAndEncoded.headers['x-cache']).toBe('BYPASS');
      expect(warmAndEncoded.text).toMatch(ZERO_WIDTH);
      for (const { body } of await stored()) expect(body).not.toMatch(ZERO_WIDTH);
    });

    it('an answer that says it varies on a request header the cache does not key on is not stored', async () => {
      // As a plugin or service would: the answer depends on X-Demo-Variant, and says so (Vary).
      const service = cms.strapi.service('api::faq.faq') as {
        find: (...args: unknown[]) => Promise<{ results: Array<{ question: string }> }>;
      };
      const original = service.find.bind(service);
      await afterAnInvalidation(); // before the change below: its probe reads FAQs
      const varying = vi.spyOn(service, 'find').mockImplementation(async (...args) => {
        const result = await original(...args);
        const ctx = cms.strapi.requestContext.get() as unknown as {
          get(name: string): string;
          vary(name: string): void;
        };
        ctx.vary('X-Demo-Variant');
        if (ctx.get('X-Demo-Variant') !== 'loud') return result;
        const results = result.results.map((faq) => ({
          ...faq,
          question: faq.question.toUpperCase(),
        }));
        return { ...result, results };
      });
      try {
        const loud = await read(PATH, { 'X-Demo-Variant': 'loud' });
        expect(loud.status).toBe(200);
        expect(loud.body.data[0].question).toBe(loud.body.data[0].question.toUpperCase());
        expect(loud.headers['x-cache']).toBe('BYPASS');
        for (let attempt = 0; attempt < 2; attempt += 1) {
          const plain = await read(PATH);
          expect(plain.headers['x-cache']).not.toBe('HIT');
          expect(plain.body.data[0].question).not.toBe(plain.body.data[0].question.toUpperCase());
        }
      } finally {
        varying.mockRestore();
      }
      canonical(await warm(PATH));
    });

    it('an entry that does not check out (another body, another key) is not served, and is dropped', async () => {
      const RISKS = '/api/risk-factors?locale=es&sort=order:desc';
      const OTHER = '/api/risk-factors?locale=en&sort=order:desc';
      const key = cacheKey('/api/risk-factors', { locale: 'es', sort: 'order:desc' });
      const otherKey = cacheKey('/api/risk-factors', { locale: 'en', sort: 'order:desc' });
      const genuine = await warm(RISKS);
      await warm(OTHER);

      const entryOf = async (of: string) => {
        const found = await store().lookup(of);
        if (found.kind !== 'hit') throw new Error(`${of} is not cached`);
        return found;
      };
      const planted = Buffer.from(JSON.stringify({ data: [{ name: 'Planted risk factor' }] }));
      const forgeries = [
        async () => {
          const { entry, version } = await entryOf(key);
          return { version, entry: { ...entry, body: planted } }; // its key and seal, another body
        },
        async () => {
          const { entry } = await entryOf(otherKey);
          const { version } = await entryOf(key);
          return { version, entry }; // a genuine entry of another key
        },
      ];
      for (const forge of forgeries) {
        const { version, entry } = await forge();
        store().save(key, version, entry);
        await vi.waitFor(async () => {
          const now = await store().lookup(key);
          expect(now.kind === 'hit' && now.entry.body.equals(entry.body)).toBe(true);
        });
        const answer = await read(RISKS);
        expect(answer.status).toBe(200);
        expect(answer.headers['x-cache']).toBe('MISS');
        expect(answer.text).toBe(genuine.text);
        expect((await warm(RISKS)).text).toBe(genuine.text);
      }
    });
  });

  describe(`response cache (${label}): HTTP validation`, () => {
    it('If-None-Match with the ETag: 304 Not Modified, no body', async () => {
      const path = '/api/risk-factors?locale=es&sort=order:asc';
      const hit = await warm(path);
      const etag = hit.headers.etag;
      const notModified = await read(path, { 'If-None-Match': etag, Origin: SITE_ORIGIN });
      expect(notModified.status).toBe(304);
      expect(notModified.text ?? '').toBe('');
      expect(notModified.headers.etag).toBe(etag);
      expect(notModified.headers['x-cache']).toBe('HIT');
      expect(notModified.headers['cache-control']).toBe(DEFAULT_CACHE_CONTROL);
      expect(notModified.headers['access-control-allow-origin']).toBe(SITE_ORIGIN);
      const other = await read(path, { 'If-None-Match': '"something-else"' });
      expect(other.status).toBe(200);
      expect(other.text).toBe(hit.text);
    });

    it('a changed resource gets a new ETag; the old one gets the new body', async () => {
      const id = await createFaq('Which ETag does this question have?', 70);
      await publishFaq(id);
      const path = `/api/faqs/${id}?locale=en`;
      const before = await warm(path);
      await publishFaq(id, { question: 'Which ETag does this question have now?' });
      const after = await read(path, { 'If-None-Match': before.headers.etag });
      expect(after.status).toBe(200);
      expect(after.body.data.question).toBe('Which ETag does this question have now?');
      expect(after.headers.etag).toMatch(/^"[\w-]+"$/);
      expect(after.headers.etag).not.toBe(before.headers.etag);
      expect((await read(path, { 'If-None-Match': after.headers.etag })).status).toBe(304);
    });
  });

  return { cms: () => cms, read, warm };
}
