import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import type { Response } from 'supertest';
import { createTestDatabase, type TestDatabase } from './helpers/database';
import { databaseKind, DIST_DIR, startCms, type RunningCms } from './helpers/strapi';

/**
 * The public read guard and the response cache together, fuzzed: a few hundred random public
 * reads (paths, query shapes, good and bad values, Strapi's draft-metadata keys, and request
 * headers that shape Strapi's answers), generated from a seeded PRNG (FUZZ_SEED to replay one).
 *
 * 1. With the cache off, every read is answered once: its status and body are the canonical
 *    answer to that request.
 * 2. The same CMS (same database, nothing changed) with the cache on (in memory) answers the same
 *    reads in shuffled orders, twice over, with the cache emptied at random moments (as a content
 *    change would), so that a read with a header often comes first after an invalidation.
 *
 * Every answer of (2) must be the canonical answer of (1) for its own request (a cached variant
 * served to a request without its header would differ), no answer may be a 5xx, and a marker word
 * that only drafts contain must never appear.
 */

const SEED = Number(process.env.FUZZ_SEED ?? 20261130);
const READS = 300;
const MARKER = 'Zyzzogeton'; // in drafts only
const SITE_ORIGIN = 'http://localhost:5173';

/** mulberry32: a small seeded PRNG, so a failing run can be replayed with its seed. */
function prng(seed: number) {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)]!;
  const chance = (p: number) => next() < p;
  return { next, pick, chance };
}
type Random = ReturnType<typeof prng>;

type QueryValue = string | QueryValue[] | { [key: string]: QueryValue };

/** Bracket notation, as browsers and Strapi's clients send it; keys and values percent-encoded. */
function toQuery(value: QueryValue, prefix = ''): string[] {
  if (typeof value === 'string') return [`${prefix}=${encodeURIComponent(value)}`];
  const entries = Array.isArray(value)
    ? value.map((item, index) => [String(index), item] as const)
    : Object.entries(value);
  return entries.flatMap(([key, item]) =>
    toQuery(
      item,
      prefix === '' ? encodeURIComponent(key) : `${prefix}[${encodeURIComponent(key)}]`,
    ),
  );
}

interface Read {
  path: string;
  headers: Record<string, string>;
}

const describeRead = (read: Read) => `${read.path} ${JSON.stringify(read.headers)} (seed ${SEED})`;

function randomHeaders(random: Random): Record<string, string> {
  const { pick, chance } = random;
  const headers: Record<string, string> = {};
  if (chance(0.2)) headers['Strapi-Response-Format'] = pick(['v4', 'v5', 'V4']);
  if (chance(0.2)) headers['Strapi-Encode-Source-Maps'] = pick(['true', 'false', 'TRUE']);
  if (chance(0.3)) headers.Origin = pick([SITE_ORIGIN, 'https://evil.example']);
  if (chance(0.1)) headers['If-None-Match'] = pick(['"not-the-etag"', '*-no']);
  if (chance(0.1)) headers['Accept-Encoding'] = pick(['gzip', 'br', 'identity']);
  if (chance(0.1)) headers.Accept = pick(['text/html', 'application/xml', '*/*']);
  if (chance(0.05)) headers.Authorization = 'Bearer not-a-token';
  return headers;
}

function randomPath(random: Random, ids: Record<string, string[]>): string {
  const { pick } = random;
  const collection = pick(['faqs', 'articles', 'risk-factors'] as const);
  const base = pick([
    `/api/${collection}`,
    `/api/${collection}`,
    `/api/${collection}/${pick([...ids[collection]!, 'no-such-document', '%00', '%2e%2e'])}`,
    '/api/site-setting',
  ]);
  const fieldNames = {
    faqs: ['question', 'order', 'topic', 'answer', 'publishedAt', 'nope'],
    articles: ['title', 'slug', 'summary', 'body', 'publishedAt', 'nope'],
    'risk-factors': ['name', 'order', 'description', 'nope'],
  }[collection];
  const query: Record<string, QueryValue> = {};
  const keys = [
    ['locale', () => pick(['en', 'es', 'fr', 'EN', '', 'en,es']) as QueryValue],
    ['locale', () => ['en', 'es']],
    ['status', () => pick(['published', 'draft', '', 'modified'])],
    ['status', () => ['published', 'draft']],
    ['fields', () => [pick(fieldNames), pick(fieldNames)]],
    ['fields', () => pick(fieldNames)],
    ['sort', () => `${pick(fieldNames)}:${pick(['asc', 'desc', 'sideways'])}`],
    ['sort', () => [pick(fieldNames), `${pick(fieldNames)}:desc`]],
    ['sort', () => ({ [pick(fieldNames)]: pick(['asc', 'desc']) })],
    [
      'pagination',
      () => ({
        [pick(['page', 'pageSize', 'start', 'limit', 'withCount', 'bogus'])]: pick([
          '1',
          '2',
          '25',
          '100',
          '101',
          '0',
          '-1',
          'abc',
          '1e3',
          'true',
        ]),
      }),
    ],
    [
      'filters',
      () =>
        pick<QueryValue>([
          {
            [pick(fieldNames)]: {
              [pick([
                '$eq',
                '$contains',
                '$null',
                '$gte',
                '$lt',
                '$in',
                '$between',
                '$eqi',
                '$nope',
              ])]: pick<QueryValue>([
                '1',
                'true',
                'zyzzog',
                'a',
                '1.5',
                '',
                '2026-01-01',
                '99999999999',
                ['1'],
                ['1', '3'],
              ]),
            },
          },
          { $or: [{ order: { $gte: '0' } }, { publishedAt: { $null: 'true' } }] },
          { $or: 'x' },
          { $and: { 0: { order: { $eq: '1' } } } },
          { $not: 'x' },
          { question: { $containsi: 'zyzzog' } },
          { faqs: { question: { $contains: 'zyzzog' } } },
          { publishedAt: { $null: 'true' } },
          { documentId: { $in: ids.faqs!.slice(0, 2) } },
          {
            faqs: {
              [pick(['id', 'order', 'question'])]: {
                [pick(['$eq', '$in', '$contains'])]: pick(['1', 'x']),
              },
            },
          },
          {
            [pick(['cover', 'seo', 'faqs', 'references'])]: pick<QueryValue>([
              'x',
              '1',
              { $null: 'true' },
              { id: { $eq: 'x' } },
            ]),
          },
          { id: pick<QueryValue>(['1', 'x', { $lt: '2' }, { $between: ['1'] }]) },
          { question: { $eq: 'nul\u0000byte' } },
          { ['que\u0000stion']: { $eq: 'a' } },
        ]),
    ],
    [
      'populate',
      () =>
        pick<QueryValue>([
          '*',
          'faqs',
          'nope',
          ['faqs', 'cover'],
          { faqs: { fields: ['question'] } },
          { faqs: { populate: '*' } },
          { faqs: { filters: { question: { $contains: 'zyzzog' } } } },
          {
            faqs: {
              filters: {
                [pick(['order', 'id', 'answer'])]: {
                  [pick(['$eq', '$contains'])]: pick(['1', 'x']),
                },
              },
            },
          },
          { faqs: { filters: { $or: pick<QueryValue>(['x', [{ order: { $eq: '1' } }]]) } } },
          { faqs: { status: 'draft' } },
          { seo: 'true', references: 'true' },
        ]),
    ],
    ['publicationFilter', () => pick(['modified', 'never-published-document', 'published'])],
    ['hasPublishedVersion', () => pick(['true', 'false'])],
    ['_q', () => pick(['zyzzog', 'depression'])],
    [pick(['bogus', 'preview', 'publicationState', '__proto__', 'constructor']), () => '1'],
  ] as const;
  for (
    let count = random.next() < 0.2 ? 0 : 1 + Math.floor(random.next() * 4);
    count > 0;
    count -= 1
  ) {
    const [key, value] = pick(keys);
    query[key] = value();
  }
  const search = toQuery(query).join('&');
  return search === '' ? base : `${base}?${search}`;
}

/** The reads the site itself makes (web/src/api/index.ts), among the random ones. */
const SITE_READS = [
  '/api/site-setting?locale=en',
  '/api/faqs?locale=en&sort[0]=order:asc',
  '/api/risk-factors?locale=es&sort[0]=order:asc',
  '/api/articles?locale=en&fields[0]=title&fields[1]=slug&fields[2]=summary&populate[cover]=true' +
    '&sort[0]=title:asc&pagination[pageSize]=100',
  '/api/articles?locale=es&populate[faqs]=true&populate[seo]=true&pagination[page]=1&pagination[pageSize]=100',
];

/** Reads whose paths repeat (so the cache has something to answer) with their own headers. */
function randomReads(random: Random, ids: Record<string, string[]>, count: number): Read[] {
  const paths: string[] = [];
  const reads: Read[] = [];
  for (let index = 0; index < count; index += 1) {
    const path = random.chance(0.25)
      ? random.pick(SITE_READS)
      : paths.length > 0 && random.chance(0.6)
        ? random.pick(paths)
        : randomPath(random, ids);
    paths.push(path);
    reads.push({ path, headers: randomHeaders(random) });
  }
  return reads;
}

const requireCjs = createRequire(import.meta.url);
const responseCacheModule = () =>
  requireCjs(
    join(DIST_DIR, 'src', 'response-cache', 'index.js'),
  ) as typeof import('../src/response-cache');

let db: TestDatabase;
let cms: RunningCms | undefined;
const reads: Read[] = [];
const canonical = new Map<number, { status: number; text: string }>();

async function answer(read: Read): Promise<Response> {
  const response = await cms!.request.get(read.path).set(read.headers);
  expect(response.status, describeRead(read)).toBeLessThan(500);
  expect(response.text, describeRead(read)).not.toContain(MARKER);
  return response;
}

beforeAll(async () => {
  db = await createTestDatabase(databaseKind);
  cms = await startCms(db, { RESPONSE_CACHE_ENABLED: 'false' });
  // Drafts with the marker: a FAQ and an article never published, and newer unpublished wording of
  // a published FAQ and article (in both languages).
  const faqs = cms.strapi.documents('api::faq.faq');
  const articles = cms.strapi.documents('api::article.article');
  const draft = await faqs.create({
    locale: 'en',
    data: { question: `${MARKER}: a draft question?`, answer: [], order: 3 },
  });
  await faqs.update({
    documentId: draft.documentId,
    locale: 'es',
    data: { question: `¿${MARKER}?` },
  });
  const [faq] = await faqs.findMany({ locale: 'en', status: 'published' });
  for (const locale of ['en', 'es']) {
    await faqs.update({
      documentId: faq!.documentId,
      locale,
      data: { question: `${MARKER} newer?` },
    });
  }
  const [article] = await articles.findMany({ locale: 'en', status: 'published' });
  await articles.update({
    documentId: article!.documentId,
    locale: 'en',
    data: { summary: `${MARKER} in a draft summary`, faqs: [draft.documentId, faq!.documentId] },
  });
  const ids: Record<string, string[]> = {
    faqs: [draft.documentId, faq!.documentId],
    articles: [article!.documentId],
    'risk-factors': (
      await cms.strapi.documents('api::risk-factor.risk-factor').findMany({ locale: 'en' })
    ).map((one) => one.documentId),
  };
  reads.push(...randomReads(prng(SEED), ids, READS));
});
afterAll(async () => {
  await cms?.stop();
  await db?.drop();
});

describe(`public reads, fuzzed (seed ${SEED}, ${READS} reads)`, () => {
  it('with the cache off: no 5xx, no draft; these are the canonical answers', async () => {
    for (const [index, read] of reads.entries()) {
      const response = await answer(read);
      canonical.set(index, { status: response.status, text: response.text });
    }
    const statuses = [...canonical.values()].map((one) => one.status);
    // The generator reaches both sides: answers and refusals.
    expect(statuses.filter((status) => status === 200).length).toBeGreaterThan(READS / 10);
    expect(statuses.filter((status) => status === 400).length).toBeGreaterThan(READS / 10);
  });

  it('with the cache on, in any order: each answer is its own request’s canonical one', async () => {
    await cms!.stop();
    cms = await startCms(db, { RESPONSE_CACHE_ENABLED: 'true', REDIS_URL: '' });
    const store = responseCacheModule().responseCacheOf(cms.strapi);
    expect(store?.kind).toBe('memory');
    const random = prng(SEED + 1);
    let hits = 0;
    for (let round = 0; round < 2; round += 1) {
      const order = reads.map((_read, index) => index);
      for (let index = order.length - 1; index > 0; index -= 1) {
        const other = Math.floor(random.next() * (index + 1));
        [order[index], order[other]] = [order[other]!, order[index]!];
      }
      for (const index of order) {
        if (random.chance(0.05)) store!.invalidate(); // as a content change does
        const read = reads[index]!;
        const response = await answer(read);
        const expected = canonical.get(index)!;
        expect(response.status, describeRead(read)).toBe(expected.status);
        expect(response.text, describeRead(read)).toBe(expected.text);
        if (response.headers['x-cache'] === 'HIT') hits += 1;
      }
    }
    expect(hits).toBeGreaterThan(READS / 20); // the cache did answer, often
    for (const { key, body } of await store!.entries()) {
      expect(body.toString(), key).not.toContain(MARKER);
      expect(body.toString(), key).not.toMatch(/"attributes"|[\u200B-\u200D\uFEFF]/);
    }
  });
});
