import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startCmsProcess, type CmsProcess } from '../../../scripts/lib/cms-process.mjs';
import { seedContent } from '../../src/seed/content';
import { createTestDatabase, type TestDatabase } from '../helpers/database';
import { ADMIN, assertCompiled, getJson, logDir } from '../helpers/processes';
import { databaseKind } from '../helpers/strapi';

/**
 * The CMS process is killed (SIGKILL: no shutdown, no flushing) while editors are publishing, and
 * started again on the same database: whatever it said was published is there, in full; what it
 * had not finished is not half visible; the seed content and the API are unharmed. Writes go
 * through the admin's content-manager API, as an editor's browser sends them, several at once.
 */
const FAQ = 'api::faq.faq';
const CM = `/content-manager/collection-types/${FAQ}`;
const WRITERS = 4;
/** Killed as soon as this many entries were reported published, with the other writes in flight. */
const KILL_AFTER = 8;

interface Sent {
  question: string;
  answer: unknown[];
  order: number;
  topic: string;
}

const entry = (n: number): Sent => ({
  question: `Burst question ${n}?`,
  answer: [
    {
      type: 'paragraph',
      children: [{ type: 'text', text: `Answer ${n}: ${'a complete sentence. '.repeat(20)}` }],
    },
    {
      type: 'list',
      format: 'unordered',
      children: [1, 2, 3].map((item) => ({
        type: 'list-item',
        children: [{ type: 'text', text: `Point ${item} of answer ${n}` }],
      })),
    },
  ],
  order: 1000 + n,
  topic: `burst ${n}`,
});

type PublicFaq = Sent & { documentId: string };

describe(`kill -9 during a burst of editor writes, then a restart (${databaseKind})`, () => {
  let db: TestDatabase;
  let cms: CmsProcess;
  let restarted: CmsProcess | undefined;
  /** documentId → what was sent, for every entry whose publish was answered 200 before the kill. */
  const published = new Map<string, Sent>();
  /** Every entry a writer started on, by question (whether or not it got an answer). */
  const attempted = new Map<string, Sent>();
  let inFlightAtKill = 0;
  let restartMs = 0;

  beforeAll(async () => {
    assertCompiled();
    db = await createTestDatabase(databaseKind);
    const dir = logDir(`kill-${databaseKind}`);
    cms = await startCmsProcess({
      name: 'CMS',
      env: { ...db.env, ADMIN_EMAIL: ADMIN.email, ADMIN_PASSWORD: ADMIN.password },
      logFile: join(dir, 'cms.log'),
    });

    const login = await fetch(`${cms.url}/admin/login`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(ADMIN),
    });
    expect(login.status).toBe(200);
    const token = ((await login.json()) as { data: { token: string } }).data.token;
    const admin = (path: string, body: unknown) =>
      fetch(`${cms.url}${path}`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` },
        body: JSON.stringify(body),
        signal: AbortSignal.timeout(30_000),
      });

    let next = 0;
    let inFlight = 0;
    let killed = false;
    const request = async (path: string, body: unknown) => {
      inFlight += 1;
      try {
        return await admin(path, body);
      } finally {
        inFlight -= 1;
      }
    };
    const run = async () => {
      while (!killed) {
        const data = entry((next += 1));
        attempted.set(data.question, data);
        let documentId: string;
        try {
          const created = await request(`${CM}?locale=en`, data);
          if (created.status !== 201) throw new Error(`create: ${created.status}`);
          documentId = ((await created.json()) as { data: { documentId: string } }).data.documentId;
          const done = await request(`${CM}/${documentId}/actions/publish?locale=en`, data);
          if (done.status !== 200) throw new Error(`publish: ${done.status}`);
          await done.json();
        } catch (error) {
          if (killed) return; // its connection died with the process
          killed = true; // a real failure: stop the other writers too
          throw error;
        }
        published.set(documentId, data); // answered 200, even if just after the kill signal
        if (!killed && published.size >= KILL_AFTER) {
          inFlightAtKill = inFlight;
          killed = true;
          cms.kill('SIGKILL');
        }
      }
    };
    await Promise.all(Array.from({ length: WRITERS }, run));
    await cms.exited;

    const began = Date.now();
    restarted = await startCmsProcess({
      name: 'CMS (restarted)',
      port: cms.port,
      env: cms.env,
      logFile: join(dir, 'cms-restarted.log'),
    });
    restartMs = Date.now() - began;
  }, 150_000);

  afterAll(async () => {
    await restarted?.stop();
    await cms?.stop();
    await db?.drop();
  });

  it('was killed in the middle of writes', async () => {
    expect((await cms.exited).signal).toBe('SIGKILL');
    expect(published.size).toBeGreaterThanOrEqual(KILL_AFTER);
    expect(inFlightAtKill).toBeGreaterThan(0);
    console.info(
      `${published.size} published, ${inFlightAtKill} requests in flight at the kill; restart ${restartMs} ms`,
    );
  });

  it('serves every entry it reported published, in full', async () => {
    for (const [documentId, sent] of published) {
      const { status, body } = await getJson(restarted!.url, `/api/faqs/${documentId}?locale=en`);
      expect(status, documentId).toBe(200);
      expect((body as { data: PublicFaq }).data).toMatchObject({ documentId, ...sent });
    }
  });

  it('shows nothing half-written: every public FAQ is a seed FAQ or a complete burst entry', async () => {
    const { status, body } = await getJson(
      restarted!.url,
      '/api/faqs?locale=en&sort=order:asc&pagination[pageSize]=100',
    );
    expect(status).toBe(200);
    const { data, meta } = body as { data: PublicFaq[]; meta: { pagination: { total: number } } };
    expect(meta.pagination.total).toBe(data.length);

    const seeds = data.filter((faq) => faq.order < 1000);
    expect(seeds.map(({ question, answer }) => ({ question, answer }))).toEqual(
      seedContent.en.faqs,
    );
    const burst = data.filter((faq) => faq.order >= 1000);
    for (const faq of burst) {
      const sent = attempted.get(faq.question);
      expect(sent, faq.question).toBeDefined();
      expect(faq).toMatchObject(sent!);
    }
    // Everything reported published is among them (and an entry whose publish was cut off may be).
    expect(burst.map((faq) => faq.documentId)).toEqual(
      expect.arrayContaining([...published.keys()]),
    );
  });

  it('keeps the seed content and answers without errors', async () => {
    for (const locale of ['en', 'es'] as const) {
      const faqs = await getJson(restarted!.url, `/api/faqs?locale=${locale}&sort=order:asc`);
      expect(faqs.status).toBe(200);
      const questions = (faqs.body as { data: PublicFaq[] }).data
        .filter((faq) => faq.order < 1000)
        .map((faq) => faq.question);
      expect(questions).toEqual(seedContent[locale].faqs.map((faq) => faq.question));

      const risks = await getJson(restarted!.url, `/api/risk-factors?locale=${locale}&sort=order`);
      expect(risks.status).toBe(200);
      expect((risks.body as { data: Array<{ name: string }> }).data.map((r) => r.name)).toEqual(
        seedContent[locale].riskFactors,
      );

      const articles = await getJson(
        restarted!.url,
        `/api/articles?locale=${locale}&populate=faqs`,
      );
      expect(articles.status).toBe(200);
      const [article] = (articles.body as { data: Array<{ slug: string; faqs: unknown[] }> }).data;
      expect(article?.slug).toBe(seedContent[locale].article.slug);
      expect(article?.faqs).toHaveLength(seedContent[locale].faqs.length);

      const settings = await getJson(restarted!.url, `/api/site-setting?locale=${locale}`);
      expect(settings.status).toBe(200);
      expect((settings.body as { data: { clinicName: string } }).data.clinicName).toBe(
        seedContent[locale].settings.clinicName,
      );
    }
    // The admin API works again too: an editor can log back in.
    const login = await fetch(`${restarted!.url}/admin/login`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(ADMIN),
    });
    expect(login.status).toBe(200);
  });
});
