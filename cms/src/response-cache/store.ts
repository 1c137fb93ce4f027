import { LRUCache } from 'lru-cache';

/** One cached answer: the exact JSON bytes sent, and their ETag (quoted, as sent). */
export interface CachedResponse {
  body: Buffer;
  etag: string;
}

/**
 * What a lookup found:
 * - `hit`: the answer to send;
 * - `miss`: nothing yet; the answer computed now may be saved under `version` (the content version
 *   the lookup saw: saved under an older version than the current one, it is never read);
 * - `unavailable`: the store cannot be trusted right now (Redis down, an invalidation of this
 *   process not yet acknowledged): answer from the database and save nothing.
 */
export type Lookup =
  | { kind: 'hit'; entry: CachedResponse }
  | { kind: 'miss'; version: number }
  | { kind: 'unavailable' };

export const UNAVAILABLE: Lookup = { kind: 'unavailable' };

export interface ResponseStore {
  readonly kind: 'memory' | 'redis';
  /** Never rejects: a failure is `unavailable`. Synchronous for the memory store. */
  lookup(key: string): Lookup | Promise<Lookup>;
  /** Fire and forget; never throws. */
  save(key: string, version: number, entry: CachedResponse): void;
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
      entry.body.length + entry.etag.length + key.length * 2 + ENTRY_OVERHEAD_BYTES,
    ttl: ttlMs,
  });
  return {
    kind: 'memory',
    lookup(key) {
      const entry = entries.get(key);
      return entry ? { kind: 'hit', entry } : { kind: 'miss', version };
    },
    save(key, savedVersion, entry) {
      if (savedVersion === version) entries.set(key, entry);
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
