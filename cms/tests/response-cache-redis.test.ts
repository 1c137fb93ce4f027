import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
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
});
