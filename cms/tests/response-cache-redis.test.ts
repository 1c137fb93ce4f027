import { randomBytes } from 'node:crypto';
import Redis from 'ioredis';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { cacheKey } from '../src/response-cache/key';
import {
  redisEntries,
  startRedisProxy,
  startThrowawayRedis,
  type ThrowawayRedis,
} from './helpers/redis';
import { responseCacheSuite } from './helpers/response-cache';
import { databaseKind } from './helpers/strapi';

/**
 * The response cache with REDIS_URL set: the same behaviour as in memory (the shared suite), then
 * Redis failing under a running CMS. This file has its own redis-server (stopped and started again
 * on its port; the machine's Redis serves other suites), reached through a TCP proxy that can cut
 * the CMS off while Redis keeps its data.
 */

const PREFIX = `test:cache:${databaseKind}:${randomBytes(4).toString('hex')}:`;
let redis: ThrowawayRedis;
let proxy: Awaited<ReturnType<typeof startRedisProxy>>;

// Registered before the suite's hooks: Redis is up before the CMS starts, and stopped after it.
beforeAll(async () => {
  redis = await startThrowawayRedis();
  proxy = await startRedisProxy(redis.port);
});
afterAll(async () => {
  await proxy?.close();
  await redis?.stop();
});

const suite = responseCacheSuite('Redis', {
  env: () => ({
    REDIS_URL: proxy.url(3),
    RESPONSE_CACHE_REDIS_PREFIX: PREFIX,
    RESPONSE_CACHE_REDIS_TIMEOUT_MS: '500',
  }),
  rawEntries: () => redisEntries(redis.url(3), PREFIX),
});

describe('response cache (Redis): Redis itself', () => {
  const LIST = '/api/faqs?locale=en&sort=order:asc&pagination[pageSize]=100';
  const FAST_ENOUGH_MS = 2000; // a hang would be the command timeout times many, or for ever

  /** Reads `LIST` `times` times; every answer must be a 200 with content, each quickly. */
  async function readsFromTheDatabase(times: number, expected?: string) {
    for (let attempt = 0; attempt < times; attempt += 1) {
      const started = Date.now();
      const answer = await suite.read(LIST);
      expect(Date.now() - started).toBeLessThan(FAST_ENOUGH_MS);
      expect(answer.status).toBe(200);
      expect(answer.headers['x-cache']).toBe('BYPASS');
      expect(answer.body.data.length).toBeGreaterThan(0);
      if (expected) expect(answer.text).toContain(expected);
    }
  }
  const waitForHit = () =>
    vi.waitFor(
      async () => {
        const answer = await suite.read(LIST);
        expect(answer.headers['x-cache']).toBe('HIT');
        return answer;
      },
      { timeout: 15_000, interval: 100 },
    );
  const warningsAboutRedis = (warn: { mock: { calls: unknown[][] } }) =>
    warn.mock.calls.filter(([message]) => String(message).includes('Redis'));

  it('keeps its entries in Redis, under its prefix and the content version', async () => {
    await suite.warm(LIST);
    const entries = await redisEntries(redis.url(3), PREFIX);
    expect(entries.map((entry) => entry.key)).toContain(`${PREFIX}version`);
    const version = entries.find((entry) => entry.key === `${PREFIX}version`)!.value;
    const live = entries.filter((entry) => entry.key.startsWith(`${PREFIX}${version}:`));
    expect(live.map((entry) => entry.key)).toContainEqual(expect.stringContaining('/api/faqs?'));
    // Nothing of this suite's lands in another database of the same server.
    expect(await redisEntries(redis.url(0), PREFIX)).toEqual([]);
  });

  it('stopped mid-run: reads answer 200 from the database, with one warning; started again: cached again', async () => {
    await suite.warm(LIST);
    const warn = vi.spyOn(suite.cms().strapi.log, 'warn');
    const info = vi.spyOn(suite.cms().strapi.log, 'info');
    try {
      await redis.stop();
      await readsFromTheDatabase(10);
      expect(warningsAboutRedis(warn)).toHaveLength(1);
      expect(String(warningsAboutRedis(warn)[0]![0])).toMatch(/unavailable/);

      await redis.start();
      await waitForHit();
      expect(info.mock.calls.some(([message]) => /Redis .* is back/.test(String(message)))).toBe(
        true,
      );
      expect(warningsAboutRedis(warn)).toHaveLength(1);
    } finally {
      warn.mockRestore();
      info.mockRestore();
    }
  });

  it('hung (no answer at all): reads answer from the database within the command timeout', async () => {
    await suite.warm(LIST);
    redis.freeze();
    try {
      await readsFromTheDatabase(5);
    } finally {
      redis.thaw();
    }
    await waitForHit();
  });

  it('cut off during a change: once back, nothing from before the change is served', async () => {
    const before = await suite.warm(LIST);
    const id: string = before.body.data[0].documentId;
    const changed = 'Changed while the CMS could not reach Redis?';
    proxy.cut();
    try {
      await suite
        .cms()
        .strapi.documents('api::faq.faq')
        .update({ documentId: id, locale: 'en', data: { question: changed } });
      await suite.cms().strapi.documents('api::faq.faq').publish({ documentId: id, locale: 'en' });
      await readsFromTheDatabase(2, changed);
    } finally {
      proxy.heal();
    }
    const hit = await waitForHit();
    expect(hit.text).toContain(changed);
    // The answer from before the change is still in Redis, under the old version: only the
    // version the CMS moved on when it reconnected keeps it from being served.
    const stale = (await redisEntries(redis.url(3), PREFIX)).filter(
      (entry) => entry.key.includes('"pageSize":"100"') && !entry.value.includes(changed),
    );
    expect(stale.length).toBeGreaterThan(0);
  });

  /** A plain Redis client on the suite's database, as anyone with access to Redis has. */
  async function withRedis<T>(work: (client: Redis) => Promise<T>): Promise<T> {
    const client = new Redis(redis.url(3), { lazyConnect: true, maxRetriesPerRequest: 1 });
    await client.connect();
    try {
      return await work(client);
    } finally {
      client.disconnect();
    }
  }
  const VERSION_KEY = `${PREFIX}version`;

  it('an entry planted or corrupted in Redis is not served, and is dropped', async () => {
    const PATH = '/api/risk-factors?locale=en&sort=order:asc';
    const key = cacheKey('/api/risk-factors', { locale: 'en', sort: 'order:asc' });
    const genuine = await suite.warm(PATH);
    const planted = JSON.stringify({ data: [{ name: 'Planted by someone with Redis access' }] });
    const values = [
      `"planted-etag"\n${planted}`, // the format before entries were sealed
      (raw: Buffer) => Buffer.concat([raw.subarray(0, raw.length - 20)]), // cut short
      (raw: Buffer) =>
        Buffer.from(raw.toString('latin1').replace(/"name":"/, '"name":"X'), 'latin1'),
      'garbage',
    ];
    for (const value of values) {
      await withRedis(async (client) => {
        const version = await client.get(VERSION_KEY);
        const entryKey = `${PREFIX}${version}:${key}`;
        const current = await client.getBuffer(entryKey);
        expect(current, 'the genuine entry').not.toBeNull();
        await client.set(
          entryKey,
          typeof value === 'string' ? value : value(current!),
          'PX',
          60_000,
        );
      });
      const answer = await suite.read(PATH);
      expect(answer.status).toBe(200);
      expect(answer.headers['x-cache']).not.toBe('HIT');
      expect(answer.text).toBe(genuine.text);
      expect((await suite.warm(PATH)).text).toBe(genuine.text);
    }
  });

  it('a genuine entry from before a change, copied under the current version, is not served', async () => {
    const PATH = '/api/risk-factors?locale=en&sort=order:asc&pagination[pageSize]=50';
    const key = cacheKey('/api/risk-factors', {
      locale: 'en',
      sort: 'order:asc',
      pagination: { pageSize: '50' },
    });
    const before = await suite.warm(PATH);
    const old = await withRedis(async (client) => {
      const version = await client.get(VERSION_KEY);
      return { version, value: await client.getBuffer(`${PREFIX}${version}:${key}`) };
    });
    expect(old.value).not.toBeNull();
    const id: string = before.body.data[0].documentId;
    const risks = suite.cms().strapi.documents('api::risk-factor.risk-factor');
    const renamed = 'A risk factor renamed after the first read';
    await risks.update({ documentId: id, locale: 'en', data: { name: renamed } });
    await risks.publish({ documentId: id, locale: 'en' });
    const after = await suite.warm(PATH);
    expect(after.text).toContain(renamed);
    // Someone with access to Redis puts the answer from before the change back, under the
    // current version: a genuine, sealed entry, for this very key.
    await withRedis(async (client) => {
      const version = await client.get(VERSION_KEY);
      expect(version).not.toBe(old.version);
      await client.set(`${PREFIX}${version}:${key}`, old.value!, 'PX', 60_000);
    });
    const answer = await suite.read(PATH);
    expect(answer.headers['x-cache']).not.toBe('HIT');
    expect(answer.text).toContain(renamed);
    expect((await suite.warm(PATH)).text).toBe(after.text);
  });

  it('the version key evicted (allkeys-lru) or deleted: old entries never look current', async () => {
    const QUESTION = 'Which version of this question is current?';
    await withRedis((client) => client.del(VERSION_KEY));
    const before = await suite.warm(LIST);
    const id: string = before.body.data[0].documentId;
    const faqs = suite.cms().strapi.documents('api::faq.faq');
    await faqs.update({ documentId: id, locale: 'en', data: { question: QUESTION } });
    await faqs.publish({ documentId: id, locale: 'en' });
    const after = await waitForHit();
    expect(after.text).toContain(QUESTION);
    // Evicted again: whatever version the cache moves to, nothing from before the change is current.
    await withRedis((client) => client.del(VERSION_KEY));
    for (let attempt = 0; attempt < 3; attempt += 1) {
      const answer = await suite.read(LIST);
      expect(answer.status).toBe(200);
      expect(answer.text).toContain(QUESTION);
    }
    expect((await waitForHit()).text).toContain(QUESTION);
  });
});
