import type { Core } from '@strapi/strapi';
import { onContentChange } from '../content-events';
import { createRedisStore } from './redis-store';
import { createMemoryStore, type ResponseStore } from './store';

/**
 * The response cache of the public reads: where entries live, and their invalidation by the
 * content events (src/content-events). The HTTP side is src/middlewares/response-cache.ts.
 */

/** The middleware's config in config/middlewares.ts (each from an environment variable). */
export interface ResponseCacheSettings {
  /** RESPONSE_CACHE_ENABLED (default true). Off: every read goes to the database. */
  enabled: boolean;
  /** REDIS_URL: set, entries are shared through Redis by every CMS process; unset, in memory. */
  redisUrl: string;
  /** RESPONSE_CACHE_REDIS_PREFIX: the prefix of every key in Redis. */
  redisPrefix: string;
  /** RESPONSE_CACHE_REDIS_TIMEOUT_MS: how long one Redis command may take. */
  redisTimeoutMs: number;
  /** RESPONSE_CACHE_TTL_SECONDS: how long an entry lives at most, even with no change. */
  ttlSeconds: number;
  /** RESPONSE_CACHE_MAX_MB: the in-memory store's bound. */
  maxMemoryMb: number;
  /** RESPONSE_CACHE_CONTROL: the Cache-Control header of cached public reads. */
  cacheControl: string;
}

export const DEFAULT_CACHE_CONTROL =
  'public, max-age=0, s-maxage=1, stale-while-revalidate=60, stale-if-error=86400';

const DEFAULTS: ResponseCacheSettings = {
  enabled: true,
  redisUrl: '',
  redisPrefix: 'cms:response-cache:',
  redisTimeoutMs: 200,
  ttlSeconds: 600,
  maxMemoryMb: 64,
  cacheControl: DEFAULT_CACHE_CONTROL,
};

/** As config/middlewares.ts gives it: a variable that is not set is undefined. */
export type ResponseCacheConfig = {
  [name in keyof ResponseCacheSettings]?: ResponseCacheSettings[name];
};

/** The settings, with defaults; throws on a value that cannot work (checked at start-up). */
export function responseCacheSettings(config: ResponseCacheConfig = {}): ResponseCacheSettings {
  const given = Object.fromEntries(
    Object.entries(config).filter(([, value]) => value !== undefined && value !== ''),
  );
  const settings: ResponseCacheSettings = { ...DEFAULTS, ...given };
  settings.redisUrl = settings.redisUrl.trim();
  if (settings.redisUrl !== '' && !/^rediss?:\/\//.test(settings.redisUrl)) {
    throw new Error(
      'REDIS_URL must be a redis:// or rediss:// URL, e.g. redis://127.0.0.1:6379/0.',
    );
  }
  for (const name of ['redisTimeoutMs', 'ttlSeconds', 'maxMemoryMb'] as const) {
    if (!Number.isFinite(settings[name]) || settings[name] <= 0) {
      throw new Error(`The response cache's ${name} must be a positive number.`);
    }
  }
  return settings;
}

const running = new WeakMap<Core.Strapi, { store: ResponseStore; stop: () => Promise<void> }>();

/**
 * Creates this Strapi's store and subscribes it to every content change (once; later calls return
 * the same store). Any change flushes everything: a publish, unpublish, delete, update, create,
 * discard-draft or clone of any content type, a locale, a change to the Public role's permissions.
 * The store is closed by strapi.destroy(), or by stopResponseCache().
 */
export function startResponseCache(
  strapi: Core.Strapi,
  settings: ResponseCacheSettings,
): ResponseStore {
  const existing = running.get(strapi);
  if (existing) return existing.store;
  const ttlMs = settings.ttlSeconds * 1000;
  const store = settings.redisUrl
    ? createRedisStore({
        url: settings.redisUrl,
        prefix: settings.redisPrefix,
        timeoutMs: settings.redisTimeoutMs,
        ttlMs,
        log: strapi.log,
      })
    : createMemoryStore({ maxBytes: settings.maxMemoryMb * 1024 * 1024, ttlMs });
  const unsubscribe = onContentChange(strapi, () => store.invalidate());
  const stop = async () => {
    running.delete(strapi);
    unsubscribe();
    await store.close();
  };
  running.set(strapi, { store, stop });
  // Closed with Strapi: strapi.destroy() destroys the server. (Strapi gives middlewares no
  // shutdown hook, and the HTTP server's 'close' is no such signal: supertest, for one, opens and
  // closes it around every request.)
  const destroyServer = strapi.server.destroy.bind(strapi.server);
  strapi.server.destroy = async () => {
    await stop();
    await destroyServer();
  };
  strapi.log.info(
    `[response-cache] caching public reads in ${store.kind === 'redis' ? 'Redis' : 'memory'}`,
  );
  return store;
}

/** This Strapi's store, if the cache runs (for tests and operators). */
export function responseCacheOf(strapi: Core.Strapi): ResponseStore | undefined {
  return running.get(strapi)?.store;
}

/** Unsubscribes and closes the store (its Redis connection). */
export async function stopResponseCache(strapi: Core.Strapi): Promise<void> {
  await running.get(strapi)?.stop();
}
