import { LRUCache } from 'lru-cache';
import type { CachedResponse } from './entry';

export type { CachedResponse } from './entry';

/**
 * What a lookup found:
 * - `hit`: an entry stored under the key, to be checked before it is served (./entry.ts), found
 *   under the content version `version`;
 * - `miss`: nothing yet; the answer computed now may be saved under `version` (the content version
 *   the lookup saw: saved under an older version than the current one, it is never read);
 * - `unavailable`: the store cannot be trusted right now (Redis down, an invalidation of this
 *   process not yet acknowledged): answer from the database and save nothing.
 *
 * A version is an opaque string: a counter in memory, a random token in Redis (never reused, so an
 * evicted version key cannot make old entries current again).
 */
export type Lookup =
  | { kind: 'hit'; entry: CachedResponse; version: string }
  | { kind: 'miss'; version: string }
  | { kind: 'unavailable' };

export const UNAVAILABLE: Lookup = { kind: 'unavailable' };

export interface ResponseStore {
  readonly kind: 'memory' | 'redis';
  /** Never rejects: a failure is `unavailable`. Synchronous for the memory store. */
  lookup(key: string): Lookup | Promise<Lookup>;
  /** Fire and forget; never throws. */
  save(key: string, version: string, entry: CachedResponse): void;
  /** Drops the entry of `key` under `version` (one that failed its check). Never throws. */
  discard(key: string, version: string): void;
  /**
   * Forgets every entry, in this process at once and, with Redis, in every process sharing it.
   * Never throws.
   */
  invalidate(): void;
  /** Every live entry (current version): for tests and operators, not for the request path. */
  entries(): Promise<Array<{ key: string; body: Buffer }>>;
  close(): Promise<void>;
}

export interface MemoryStoreOptions {
  /** Upper bound of the bodies, keys and ETags kept, in bytes. */
  maxBytes: number;
  /** An entry is dropped this long after it was saved, even if nothing changed. */
  ttlMs: number;
}

/** Overhead counted per entry on top of its bytes (object, LRU node), so tiny entries are bounded too. */
const ENTRY_OVERHEAD_BYTES = 200;

/**
 * The default store: an LRU in this process's memory, bounded in bytes. An invalidation clears it
 * synchronously, and the version counter makes sure an answer computed before the change (still in
 * flight when it happened) is not saved after it.
 */
export function createMemoryStore({ maxBytes, ttlMs }: MemoryStoreOptions): ResponseStore {
  let version = 0;
  const entries = new LRUCache<string, CachedResponse>({
    maxSize: maxBytes,
    // An entry larger than a quarter of the cache would push out too much: it is not kept.
    maxEntrySize: Math.max(1, Math.floor(maxBytes / 4)),
    sizeCalculation: (entry, key) =>
      entry.body.length +
      entry.etag.length +
      entry.seal.length +
      (key.length + entry.key.length) * 2 +
      ENTRY_OVERHEAD_BYTES,
    ttl: ttlMs,
  });
  return {
    kind: 'memory',
    lookup(key) {
      const entry = entries.get(key);
      const current = String(version);
      return entry ? { kind: 'hit', entry, version: current } : { kind: 'miss', version: current };
    },
    save(key, savedVersion, entry) {
      if (savedVersion === String(version)) entries.set(key, entry);
    },
    discard(key, discardedVersion) {
      if (discardedVersion === String(version)) entries.delete(key);
    },
    invalidate() {
      version += 1;
      entries.clear();
    },
    async entries() {
      return [...entries.entries()].map(([key, entry]) => ({ key, body: entry.body }));
    },
    async close() {
      entries.clear();
    },
  };
}
