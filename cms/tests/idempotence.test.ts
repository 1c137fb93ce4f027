import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seed } from '../src/seed';
import { createTestDatabase, type TestDatabase } from './helpers/database';
import { databaseKind, startCms, type RunningCms } from './helpers/strapi';

const FAQ = 'api::faq.faq';

/** Counts every row of the seeded types: drafts and published versions, all locales. */
async function countRows(cms: RunningCms): Promise<Record<string, number>> {
  const uids = [
    'api::article.article',
    FAQ,
    'api::risk-factor.risk-factor',
    'api::site-setting.site-setting',
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
