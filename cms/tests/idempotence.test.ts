import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seed } from '../src/seed';
import { createTestDatabase, type TestDatabase } from './helpers/database';
import { databaseKind, startCms, type RunningCms } from './helpers/strapi';

const FAQ = 'api::faq.faq';
const GLOSSARY = 'api::glossary-term.glossary-term';

/** Counts every row of the seeded types: drafts and published versions, all locales. */
async function countRows(cms: RunningCms): Promise<Record<string, number>> {
  const uids = [
    'api::article.article',
    FAQ,
    'api::risk-factor.risk-factor',
    'api::site-setting.site-setting',
    GLOSSARY,
  ] as const;
  const counts: Record<string, number> = {};
  for (const uid of uids) counts[uid] = await cms.strapi.db.query(uid).count();
  return counts;
}

const publicQuestions = async (cms: RunningCms, locale = 'en'): Promise<string[]> => {
  const response = await cms.request.get(`/api/faqs?locale=${locale}&sort=order`);
  return response.body.data.map((faq: { question: string }) => faq.question);
};

describe('seeding is idempotent and never overrides editors', () => {
  let db: TestDatabase;
  let cms: RunningCms;
  let firstCounts: Record<string, number>;
  let original: string[];

  beforeAll(async () => {
    db = await createTestDatabase(databaseKind);
    cms = await startCms(db);
    firstCounts = await countRows(cms);
    original = await publicQuestions(cms);
  });
  afterAll(async () => {
    await cms?.stop();
    await db?.drop();
  });

  const restart = async () => {
    await cms.stop();
    cms = await startCms(db);
  };

  it('seeded every type on the first start', () => {
    expect(original).toHaveLength(4);
    for (const count of Object.values(firstCounts)) expect(count).toBeGreaterThan(0);
  });

  it('creates nothing on a second start', async () => {
    await restart();
    expect(await countRows(cms)).toEqual(firstCounts);
    expect(await publicQuestions(cms)).toEqual(original);
  });

  it('keeps an edited FAQ and does not resurrect a deleted one, across restarts and `seed`', async () => {
    const faqs = cms.strapi.documents(FAQ);
    const [edited, deleted] = await faqs.findMany({
      locale: 'en',
      sort: 'order',
      status: 'published',
    });
    await faqs.update({
      documentId: edited!.documentId,
      locale: 'en',
      data: { question: 'An editor rewrote this question?' },
    });
    await faqs.publish({ documentId: edited!.documentId, locale: 'en' });
    await faqs.delete({ documentId: deleted!.documentId, locale: '*' });

    const expected = ['An editor rewrote this question?', original[2], original[3]];
    expect(await publicQuestions(cms)).toEqual(expected);

    await restart();
    expect(await publicQuestions(cms)).toEqual(expected);

    expect(await seed(cms.strapi)).toMatchObject({ status: 'skipped', reason: 'already-seeded' });
    expect(await publicQuestions(cms)).toEqual(expected);
    expect((await publicQuestions(cms, 'es')).length).toBe(3);
  });

  it('restores the seed entries only when forced, leaving other content alone', async () => {
    const faqs = cms.strapi.documents(FAQ);
    const extra = await faqs.create({
      locale: 'en',
      data: { question: 'An editor added this question?', answer: [], order: 10 },
    });
    await faqs.publish({ documentId: extra.documentId, locale: 'en' });

    expect(await seed(cms.strapi, { force: true })).toEqual({ status: 'seeded', forced: true });
    expect(await publicQuestions(cms)).toEqual([...original, 'An editor added this question?']);
    expect(await publicQuestions(cms, 'es')).toHaveLength(4);
  });
});

describe('a seed cut short', () => {
  it('is finished by the next start, once, instead of being skipped as content', async () => {
    const db = await createTestDatabase(databaseKind);
    let cms = await startCms(db);
    try {
      const complete = await countRows(cms);
      const questions = await publicQuestions(cms);
      // As a process killed mid-seed leaves it: begun (not finished), some entries missing.
      await cms.strapi
        .store({ type: 'core', name: 'seed' })
        .set({ key: 'state', value: { version: 1, startedAt: new Date().toISOString() } });
      const faqs = cms.strapi.documents(FAQ);
      const [, second] = await faqs.findMany({ locale: 'en', sort: 'order', status: 'draft' });
      await faqs.delete({ documentId: second!.documentId, locale: '*' });
      await cms.strapi.db.query('api::site-setting.site-setting').deleteMany({});
      await cms.stop();

      cms = await startCms(db);
      expect(await countRows(cms)).toEqual(complete);
      expect(await publicQuestions(cms)).toEqual(questions);
      expect(await seed(cms.strapi)).toMatchObject({ status: 'skipped', reason: 'already-seeded' });
    } finally {
      await cms.stop();
      await db.drop();
    }
  });
});

describe('seeding a database that already holds content', () => {
  it('is skipped when the content was not made by the seed', async () => {
    const db = await createTestDatabase(databaseKind);
    let cms = await startCms(db, { SEED_ON_START: 'false' });
    try {
      const faqs = cms.strapi.documents(FAQ);
      await faqs.create({ locale: 'en', data: { question: 'Existing?', answer: [], order: 1 } });
      await cms.stop();
      cms = await startCms(db);
      expect(await countRows(cms)).toMatchObject({ [FAQ]: 1, 'api::article.article': 0 });
      expect(await seed(cms.strapi)).toEqual({ status: 'skipped', reason: 'content-exists' });
    } finally {
      await cms.stop();
      await db.drop();
    }
  });
});

const publicTerms = async (cms: RunningCms, locale = 'en'): Promise<string[]> => {
  const response = await cms.request.get(`/api/glossary-terms?locale=${locale}&sort=term`);
  expect(response.status).toBe(200);
  return response.body.data.map((term: { term: string }) => term.term);
};

// An earlier suite of this file starts a CMS with SEED_ON_START=false, which stays in the
// environment: these start seeding CMSs.
const SEEDING = { SEED_ON_START: 'true' };

const seedStore = (cms: RunningCms) => cms.strapi.store({ type: 'core', name: 'seed' });

describe('a database seeded before the glossary existed', () => {
  let db: TestDatabase;
  let cms: RunningCms;
  let terms: string[];
  let counts: Record<string, number>;
  const expectedQuestions: string[] = [];

  beforeAll(async () => {
    db = await createTestDatabase(databaseKind);
    cms = await startCms(db, SEEDING);
    terms = await publicTerms(cms);
    // As such a database is: the seed's record of version 1 (no per-type record), no glossary,
    // and editors' work since (an FAQ deleted).
    await seedStore(cms).set({
      key: 'state',
      value: { version: 1, seededAt: '2026-11-01T00:00:00.000Z' },
    });
    await cms.strapi.db.query(GLOSSARY).deleteMany({});
    const faqs = cms.strapi.documents(FAQ);
    const [, deleted] = await faqs.findMany({ locale: 'en', sort: 'order', status: 'published' });
    await faqs.delete({ documentId: deleted!.documentId, locale: '*' });
    expectedQuestions.push(...(await publicQuestions(cms)));
    counts = await countRows(cms);
    expect(counts[GLOSSARY]).toBe(0);
    await cms.stop();
    cms = await startCms(db, SEEDING);
  });
  afterAll(async () => {
    await cms?.stop();
    await db?.drop();
  });

  it('gets the glossary on its next start, in both languages, and nothing else', async () => {
    expect(terms).toHaveLength(2);
    expect(await publicTerms(cms)).toEqual(terms);
    expect(await publicTerms(cms, 'es')).toHaveLength(2);
    const now = await countRows(cms);
    expect({ ...now, [GLOSSARY]: 0 }).toEqual(counts);
    expect(await publicQuestions(cms)).toEqual(expectedQuestions); // the deleted FAQ stays deleted
    const state = (await seedStore(cms).get({ key: 'state' })) as {
      version: number;
      seededAt: string;
      types: Record<string, { seededAt?: string }>;
    };
    expect(state.version).toBe(2);
    expect(state.seededAt).toBe('2026-11-01T00:00:00.000Z');
    expect(state.types[FAQ]).toEqual({ seededAt: '2026-11-01T00:00:00.000Z' });
    expect(state.types[GLOSSARY]?.seededAt).toBeTruthy();
  });

  it('gets it once: a term an editor deletes is not re-created', async () => {
    const glossary = cms.strapi.documents(GLOSSARY);
    const [first] = await glossary.findMany({ locale: 'en', sort: 'term', status: 'published' });
    await glossary.delete({ documentId: first!.documentId, locale: '*' });
    const before = await countRows(cms);
    await cms.stop();
    cms = await startCms(db, SEEDING);
    expect(await countRows(cms)).toEqual(before);
    expect(await publicTerms(cms)).toEqual(terms.slice(1));
    expect(await seed(cms.strapi)).toMatchObject({ status: 'skipped', reason: 'already-seeded' });
  });
});

describe('a type the seed gained, on a seeded database', () => {
  it('is left alone when editors already wrote some, and finished when cut short', async () => {
    const db = await createTestDatabase(databaseKind);
    let cms = await startCms(db, SEEDING);
    try {
      const glossary = cms.strapi.documents(GLOSSARY);
      const complete = await countRows(cms);
      const setTypes = (types: Record<string, object>) =>
        seedStore(cms).set({
          key: 'state',
          value: { version: 2, seededAt: '2026-11-01T00:00:00.000Z', types },
        });
      const others = {
        [FAQ]: { seededAt: '2026-11-01T00:00:00.000Z' },
        'api::article.article': { seededAt: '2026-11-01T00:00:00.000Z' },
        'api::risk-factor.risk-factor': { seededAt: '2026-11-01T00:00:00.000Z' },
        'api::site-setting.site-setting': { seededAt: '2026-11-01T00:00:00.000Z' },
      };

      // Cut short: begun, one term written, the process killed.
      await cms.strapi.db.query(GLOSSARY).deleteMany({});
      await glossary.create({
        locale: 'en',
        data: { term: 'Cortisol', slug: 'cortisol', definition: 'Half written.' },
      });
      await setTypes({ ...others, [GLOSSARY]: { startedAt: '2026-11-02T00:00:00.000Z' } });
      expect(await seed(cms.strapi)).toEqual({
        status: 'seeded',
        forced: false,
        types: [GLOSSARY],
      });
      expect(await countRows(cms)).toEqual(complete);
      expect((await publicTerms(cms)).length).toBe(2);

      // Editors' own terms, no record: not the seed's to touch.
      await cms.strapi.db.query(GLOSSARY).deleteMany({});
      await glossary.create({
        locale: 'en',
        data: { term: 'Cortisol', slug: 'cortisol', definition: 'An editor wrote this.' },
      });
      await setTypes(others);
      await cms.stop();
      cms = await startCms(db, SEEDING);
      const [term] = await cms.strapi
        .documents(GLOSSARY)
        .findMany({ locale: 'en', status: 'draft' });
      expect(await cms.strapi.db.query(GLOSSARY).count()).toBe(1);
      expect(term!.definition).toBe('An editor wrote this.');
      const state = (await seedStore(cms).get({ key: 'state' })) as {
        types: Record<string, object>;
      };
      expect(state.types[GLOSSARY]).toEqual({ skipped: 'content-exists' });
    } finally {
      await cms.stop();
      await db.drop();
    }
  });
});
