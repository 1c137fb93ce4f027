import { randomBytes } from 'node:crypto';
import Redis from 'ioredis';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { freePort } from '../../scripts/lib/cms-process.mjs';
import { entryProblem, etagOf, sealEntry, sealingKey } from '../src/response-cache/entry';
import { cacheKey } from '../src/response-cache/key';
import { createRedisStore, type RedisStoreOptions } from '../src/response-cache/redis-store';
import { createMemoryStore, type Lookup, type ResponseStore } from '../src/response-cache/store';
import {
  deleteRedisKeys,
  redisEntries,
  startRedisProxy,
  startThrowawayRedis,
  type ThrowawayRedis,
} from './helpers/redis';
import { databaseKind } from './helpers/strapi';

/**
 * The response cache's parts without Strapi: the key normalization, the memory store, and the
 * Redis store as several CMS processes use it (several store instances on one Redis stand for
 * several processes; a true multi-process test lives with the process tests).
 */

/** An entry as the stores keep it (the seal is the middleware's business: see entry.ts tests). */
const entry = (text: string, key = 'test') => ({
  key,
  body: Buffer.from(text),
  etag: `"${text.length}-etag"`,
  seal: 'not-checked-by-stores',
});
const lookup = async (store: ResponseStore, key: string): Promise<Lookup> => store.lookup(key);
const hitText = (found: Lookup) =>
  found.kind === 'hit' ? found.entry.body.toString() : `(${found.kind})`;
const versionOf = (found: Lookup) => {
  if (found.kind !== 'miss') throw new Error(`expected a miss, got ${found.kind}`);
  return found.version;
};

describe('cache keys', () => {
  it.each([
    [
      { locale: 'en', sort: 'order:asc' },
      { sort: 'order:asc', locale: 'en' },
    ],
    [
      { populate: { seo: 'true', faqs: { fields: ['question'] } }, locale: 'en' },
      { locale: 'en', populate: { faqs: { fields: ['question'] }, seo: 'true' } },
    ],
    [
      { filters: { order: { $gte: '0' }, question: { $contains: 'a' } } },
      { filters: { question: { $contains: 'a' }, order: { $gte: '0' } } },
    ],
  ])('the same query in another order: one key (%#)', (a, b) => {
    expect(cacheKey('/api/faqs', a)).toBe(cacheKey('/api/faqs', b));
  });

  it.each([
    // The order of sort fields is their priority, at the top and inside populate.
    [{ sort: { order: 'asc', question: 'asc' } }, { sort: { question: 'asc', order: 'asc' } }],
    [
      { populate: { faqs: { sort: { order: 'asc', question: 'asc' } } } },
      { populate: { faqs: { sort: { question: 'asc', order: 'asc' } } } },
    ],
    [{ sort: ['order:asc', 'question:asc'] }, { sort: ['question:asc', 'order:asc'] }],
    [{ fields: ['question', 'order'] }, { fields: ['order', 'question'] }],
    [{ locale: 'en' }, { locale: 'es' }],
    [{ pagination: { page: '1' } }, { pagination: { page: '2' } }],
    // strictNullHandling: `?status` and `?status=` are not the same query.
    [{ status: null }, { status: '' }],
    [{ locale: ['en', 'es'] }, { locale: 'en,es' }],
    [{}, { locale: 'en' }],
  ])('different queries: different keys (%#)', (a, b) => {
    expect(cacheKey('/api/faqs', a)).not.toBe(cacheKey('/api/faqs', b));
  });

  it('is the path alone without a query, and the path plus the query otherwise', () => {
    expect(cacheKey('/api/faqs', {})).toBe('/api/faqs');
    expect(cacheKey('/api/faqs/abc', { locale: 'en' })).toBe('/api/faqs/abc?{"locale":"en"}');
    expect(cacheKey('/api/faqs', { a: 'x' })).not.toBe(cacheKey('/api/faqs/x', {}));
  });
});

describe('memory store', () => {
  it('keeps what is saved, forgets everything on a change, and never saves an answer from before it', async () => {
    const store = createMemoryStore({ maxBytes: 1024 * 1024, ttlMs: 60_000 });
    const version = versionOf(await lookup(store, 'a'));
    store.save('a', version, entry('A'));
    expect(hitText(await lookup(store, 'a'))).toBe('A');

    const inFlight = versionOf(await lookup(store, 'b')); // a read that started before the change
    store.invalidate();
    expect((await lookup(store, 'a')).kind).toBe('miss');
    store.save('b', inFlight, entry('old B')); // its answer arrives after the change
    expect((await lookup(store, 'b')).kind).toBe('miss');
    expect(await store.entries()).toEqual([]);
  });

  it('stays within its bound, dropping the least recently used', async () => {
    const store = createMemoryStore({ maxBytes: 10_000, ttlMs: 60_000 });
    for (let index = 0; index < 50; index += 1) {
      store.save(`key-${index}`, '0', entry('x'.repeat(1000)));
    }
    const kept = await store.entries();
    expect(kept.length).toBeGreaterThan(0);
    expect(kept.length).toBeLessThan(10);
    expect(kept.map((one) => one.key)).toContain('key-49');
    expect(kept.map((one) => one.key)).not.toContain('key-0');
  });
});

describe('Redis store', () => {
  const sharedUrl = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379/0';
  const prefix = `test:store:${databaseKind}:${randomBytes(4).toString('hex')}:`;
  const stores: ResponseStore[] = [];
  let throwaway: ThrowawayRedis;
  const quiet = { warn: vi.fn(), info: vi.fn() };

  function store(overrides: Partial<RedisStoreOptions> = {}): ResponseStore {
    const created = createRedisStore({
      url: sharedUrl,
      prefix,
      timeoutMs: 200,
      ttlMs: 60_000,
      log: quiet,
      ...overrides,
    });
    stores.push(created);
    return created;
  }
  /** Waits until `store` answers lookups (connected, version bumped). */
  const usable = (one: ResponseStore, key = 'probe') =>
    vi.waitFor(
      async () => {
        const found = await lookup(one, key);
        expect(found.kind).not.toBe('unavailable');
        return found;
      },
      { timeout: 10_000, interval: 50 },
    );

  beforeAll(async () => {
    throwaway = await startThrowawayRedis();
  });
  afterAll(async () => {
    await Promise.all(stores.map((one) => one.close()));
    await deleteRedisKeys(sharedUrl, prefix);
    await throwaway?.stop();
  });

  it('two processes share entries, and a change in one invalidates the other at once', async () => {
    const first = store();
    const second = store();
    await usable(first, '/api/faqs');
    await usable(second);
    // Both moved the version on at start; from now on both see the second's.
    const current = versionOf(await lookup(first, '/api/faqs'));
    expect(versionOf(await lookup(second, '/api/faqs'))).toBe(current);
    first.save('/api/faqs', current, entry('published FAQs'));
    await vi.waitFor(async () =>
      expect(hitText(await lookup(second, '/api/faqs'))).toBe('published FAQs'),
    );

    const inFlight = versionOf(await lookup(second, '/api/risk-factors'));
    first.invalidate();
    await vi.waitFor(async () => expect((await lookup(second, '/api/faqs')).kind).toBe('miss'), {
      timeout: 1000,
      interval: 10,
    });
    // An answer the second computed before the change, saved after it, is never read.
    second.save('/api/risk-factors', inFlight, entry('risk factors from before'));
    await new Promise((settled) => setTimeout(settled, 50));
    expect((await lookup(first, '/api/risk-factors')).kind).toBe('miss');
    expect((await lookup(second, '/api/risk-factors')).kind).toBe('miss');
  });

  it('hides nothing from its own process: its next lookup after a change does not hit', async () => {
    const one = store();
    const version = versionOf(await usable(one, '/api/site-setting'));
    one.save('/api/site-setting', version, entry('settings'));
    await vi.waitFor(async () =>
      expect(hitText(await lookup(one, '/api/site-setting'))).toBe('settings'),
    );
    one.invalidate();
    expect((await lookup(one, '/api/site-setting')).kind).not.toBe('hit'); // no waiting
  });

  it('no Redis there: unavailable at once, never throws, one warning', async () => {
    const warn = vi.fn();
    const port = await freePort();
    const dead = store({ url: `redis://127.0.0.1:${port}/0`, log: { warn, info: vi.fn() } });
    for (let attempt = 0; attempt < 20; attempt += 1) {
      const started = Date.now();
      expect(await lookup(dead, '/api/faqs')).toEqual({ kind: 'unavailable' });
      expect(Date.now() - started).toBeLessThan(100);
      dead.save('/api/faqs', '1', entry('x'));
      dead.invalidate();
    }
    await vi.waitFor(() => expect(warn).toHaveBeenCalled());
    await new Promise((settled) => setTimeout(settled, 500)); // a few reconnection attempts
    expect(warn).toHaveBeenCalledTimes(1);
    expect(String(warn.mock.calls[0]![0])).toContain(`127.0.0.1:${port}`);
  });

  it('a process cut off from Redis during its own change serves nothing from before once back', async () => {
    const proxy = await startRedisProxy(throwaway.port);
    try {
      const cutOff = store({ url: proxy.url(), pauseMs: 100 });
      const direct = store({ url: throwaway.url() });
      await usable(cutOff, '/api/faqs');
      await usable(direct);
      const current = versionOf(await lookup(direct, '/api/faqs'));
      direct.save('/api/faqs', current, entry('before the change'));
      await vi.waitFor(async () =>
        expect(hitText(await lookup(cutOff, '/api/faqs'))).toBe('before the change'),
      );

      proxy.cut();
      await vi.waitFor(async () =>
        expect((await lookup(cutOff, '/api/faqs')).kind).toBe('unavailable'),
      );
      cutOff.invalidate(); // its change cannot reach Redis
      proxy.heal();

      await usable(cutOff);
      expect((await lookup(cutOff, '/api/faqs')).kind).toBe('miss');
      expect((await lookup(direct, '/api/faqs')).kind).toBe('miss');
      // The old entry is still there: the version moved on at the reconnection, not a flush.
      const keys = (await redisEntries(throwaway.url(), prefix)).map((one) => one.key);
      expect(keys).toContain(`${prefix}${current}:/api/faqs`);
    } finally {
      await proxy.close();
    }
  });

  it('hung Redis: a lookup gives up after the command timeout, and the store recovers', async () => {
    const one = store({ url: throwaway.url(), timeoutMs: 150, pauseMs: 200 });
    const version = versionOf(await usable(one, '/api/articles'));
    one.save('/api/articles', version, entry('articles'));
    await vi.waitFor(async () =>
      expect(hitText(await lookup(one, '/api/articles'))).toBe('articles'),
    );
    throwaway.freeze();
    try {
      const started = Date.now();
      expect((await lookup(one, '/api/articles')).kind).toBe('unavailable');
      expect(Date.now() - started).toBeLessThan(1000);
      expect((await lookup(one, '/api/articles')).kind).toBe('unavailable'); // paused: no wait
    } finally {
      throwaway.thaw();
    }
    await vi.waitFor(
      async () => expect(hitText(await lookup(one, '/api/articles'))).toBe('articles'),
      {
        timeout: 5000,
        interval: 50,
      },
    );
  });

  it('the version key evicted: a new, never-seen version, so nothing stored before is current', async () => {
    const one = store({ url: throwaway.url() });
    const before = versionOf(await usable(one, '/api/faqs'));
    one.save('/api/faqs', before, entry('before the eviction', '/api/faqs'));
    await vi.waitFor(async () =>
      expect(hitText(await lookup(one, '/api/faqs'))).toBe('before the eviction'),
    );
    for (let round = 0; round < 3; round += 1) {
      await deleteRedisKeys(throwaway.url(), `${prefix}version`);
      const after = versionOf(await lookup(one, '/api/faqs'));
      expect(after).not.toBe(before);
      expect(after).toMatch(/^[\w-]{16}$/);
    }
  });

  it('noeviction and full: new entries are refused (OOM), one warning, lookups go on', async () => {
    const full = await startThrowawayRedis({
      args: ['--maxmemory', '4mb', '--maxmemory-policy', 'noeviction'],
    });
    const filler = new Redis(full.url(), { lazyConnect: true, maxRetriesPerRequest: 0 });
    try {
      const warn = vi.fn();
      const one = store({ url: full.url(), log: { warn, info: vi.fn() } });
      const version = versionOf(await usable(one, '/api/faqs'));
      await filler.connect();
      const refused = await (async () => {
        for (let index = 0; index < 1000; index += 1) {
          try {
            await filler.set(`filler:${index}`, 'x'.repeat(64 * 1024));
          } catch (error) {
            return String(error);
          }
        }
        return 'never full';
      })();
      expect(refused).toMatch(/OOM/);
      one.save('/api/faqs', version, entry('x'.repeat(64 * 1024), '/api/faqs'));
      await vi.waitFor(() =>
        expect(warn).toHaveBeenCalledWith(expect.stringMatching(/full .*volatile-lru/)),
      );
      for (let attempt = 0; attempt < 5; attempt += 1) {
        expect((await lookup(one, '/api/faqs')).kind).toBe('miss'); // not unavailable
      }
      one.save('/api/faqs', version, entry('y'.repeat(64 * 1024), '/api/faqs'));
      await new Promise((settled) => setTimeout(settled, 100));
      expect(warn).toHaveBeenCalledTimes(1);
    } finally {
      filler.disconnect();
      await full.stop();
    }
  });

  it('a value that is not one of its entries is a hit that fails its check, never a body', async () => {
    const one = store({ url: throwaway.url() });
    const version = versionOf(await usable(one, '/api/risk-factors'));
    const raw = new Redis(throwaway.url(), { lazyConnect: true });
    await raw.connect();
    try {
      await raw.set(`${prefix}${version}:/api/risk-factors`, '"etag"\n{"data":"planted"}');
    } finally {
      raw.disconnect();
    }
    const found = await lookup(one, '/api/risk-factors');
    if (found.kind !== 'hit') throw new Error(`expected a hit, got ${found.kind}`);
    expect(
      entryProblem(sealingKey(['k']), '/api/risk-factors', version, found.entry),
    ).not.toBeNull();
    one.discard('/api/risk-factors', version);
    await vi.waitFor(async () =>
      expect((await lookup(one, '/api/risk-factors')).kind).toBe('miss'),
    );
  });
});

describe('sealed entries', () => {
  const secret = sealingKey(['first-app-key', 'second-app-key']);
  const body = Buffer.from('{"data":[{"question":"Sealed?"}]}');
  const KEY = '/api/faqs?{"locale":"en"}';
  type Entry = ReturnType<typeof sealEntry>;

  it('open for their own key and content version, with the same app keys', () => {
    const sealed = sealEntry(secret, KEY, 'v1', body);
    expect(sealed.etag).toBe(etagOf(body));
    expect(entryProblem(secret, KEY, 'v1', sealed)).toBeNull();
  });

  it.each([
    ['another key', (e: Entry) => e, '/api/faqs?{"locale":"es"}', 'v1'],
    ['another content version (an answer from before a change)', (e: Entry) => e, KEY, 'v2'],
    ['another body', (e: Entry) => ({ ...e, body: Buffer.from('{"data":[]}') }), KEY, 'v1'],
    ['another ETag', (e: Entry) => ({ ...e, etag: '"other"' }), KEY, 'v1'],
    ['a body cut short', (e: Entry) => ({ ...e, body: e.body.subarray(0, 10) }), KEY, 'v1'],
    ['a stored key rewritten', (e: Entry) => ({ ...e, key: '/api/x' }), KEY, 'v1'],
  ])('do not open with %s', (_label, change, key, version) => {
    const sealed = change(sealEntry(secret, KEY, 'v1', body));
    expect(entryProblem(secret, key, version, sealed)).not.toBeNull();
  });

  it('do not open with other app keys (an entry forged without them)', () => {
    const forged = sealEntry(sealingKey(['guessed']), '/api/faqs', 'v1', body);
    expect(entryProblem(secret, '/api/faqs', 'v1', forged)).toMatch(/seal/);
  });

  it('hold JSON objects only', () => {
    const array = sealEntry(secret, '/api/faqs', 'v1', Buffer.from('[1,2]'));
    expect(entryProblem(secret, '/api/faqs', 'v1', array)).toMatch(/JSON object/);
  });
});
