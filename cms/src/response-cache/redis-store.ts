import { randomBytes } from 'node:crypto';
import Redis from 'ioredis';
import { UNAVAILABLE, type CachedResponse, type Lookup, type ResponseStore } from './store';

/**
 * The shared store, when REDIS_URL is set: every CMS process reads and writes the same entries.
 *
 * Invalidation is a content version in Redis that is part of every entry's key
 * (`<prefix><version>:<request key>`). A change sets it to a new random token, and from then on no
 * process can read an entry saved before: each lookup reads the version and the entry together,
 * in one Lua script, so in one round trip, the same as a plain GET. No process has to be told of
 * the change (no pub/sub to miss while disconnected); old entries are not deleted, they are never
 * read again and expire after the TTL. Every change invalidates everything (over-invalidation, on
 * purpose: content changes are rare, reads are many, and nothing has to guess which URLs a change
 * affects).
 *
 * Eviction. The version key has no TTL (entries do): with `volatile-lru` (recommended) or
 * `noeviction` Redis never evicts it. With `allkeys-*` it may; a counter would then start again
 * from 0 and reach versions whose entries are still there, serving answers from before later
 * changes. So versions are random tokens, never reused: a lookup that finds no version key sets a
 * new one (in the same script), and nothing stored before can match it. Under `noeviction` a full
 * Redis refuses new entries (OOM): that is logged, and reads go on from the database.
 *
 * Entries are sealed (./entry.ts): each value carries its key, ETag and HMAC, checked by the
 * middleware before a hit is served, so an entry written by anyone else is dropped, not served.
 *
 * Redis down or slow: a command fails fast (no offline queue, a short command timeout), the store
 * says `unavailable` and the request is answered from the database; one warning per outage, not
 * one per request. The client reconnects by itself, and the store is used again once it has
 * bumped the version after the reconnection: a change made while this process could not reach
 * Redis, or a Redis restored from an older snapshot, cannot bring back an entry from before.
 * A change this process makes is never hidden from its own next read: lookups wait out
 * (bypass) its INCR.
 */

export interface RedisStoreOptions {
  /** redis[s]://[user:password@]host:port[/db] */
  url: string;
  /** Prepended to every key, so that several sites or test files can share one Redis. */
  prefix: string;
  /** How long one command may take before it counts as failed. */
  timeoutMs: number;
  /** An entry expires this long after it was saved (old versions' entries too). */
  ttlMs: number;
  log: { warn(message: string): void; info(message: string): void };
  /** How long to stop asking Redis after a failed command (default 1 s). */
  pauseMs?: number;
}

/**
 * The version and the entry under it, in one round trip. KEYS[1]: the version key; ARGV: prefix,
 * request key, a fresh token to become the version if there is none (never set, or evicted).
 */
const LOOKUP_SCRIPT = `
local version = redis.call('GET', KEYS[1])
if not version then
  redis.call('SET', KEYS[1], ARGV[3])
  return {ARGV[3], false}
end
return {version, redis.call('GET', ARGV[1] .. version .. ':' .. ARGV[2])}
`;

type LookupReply = [Buffer, Buffer | null];
type ScriptedRedis = Redis & {
  responseCacheLookupBuffer(
    versionKey: string,
    prefix: string,
    key: string,
    freshVersion: string,
  ): Promise<LookupReply>;
};

/** A new content version: random, so never one seen before. */
const newVersion = () => randomBytes(12).toString('base64url');

/** A URL as logged: without its password. */
function shown(url: string): string {
  try {
    const parsed = new URL(url);
    parsed.password = '';
    return parsed.href;
  } catch {
    return '(invalid URL)';
  }
}

const describe = (error: unknown) => (error instanceof Error ? error.message : String(error));

/**
 * `promise`, or a rejection once `ms` have passed without its answer. The timer's verdict waits for
 * one more pass of the event loop's I/O, so that an answer already waiting in the socket while
 * this process was busy (a loaded event loop, not a slow Redis) still counts.
 */
function within<T>(promise: Promise<T>, ms: number): Promise<T> {
  return new Promise((resolve, reject) => {
    let settled = false;
    const timer = setTimeout(
      () =>
        setImmediate(() => {
          if (settled) return;
          settled = true;
          reject(new Error(`no answer within ${ms} ms`));
        }),
      ms,
    );
    const settle = (done: () => void) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      done();
    };
    promise.then(
      (value) => settle(() => resolve(value)),
      (error: unknown) => settle(() => reject(error)),
    );
  });
}

/** The format of entry values (a value in any other format is not an entry of this store). */
const FORMAT = 'cms-response-cache/2';

/** Entry value: FORMAT, a newline, `{"key","etag","seal"}` as JSON, a newline, the body. */
function encode(entry: CachedResponse): Buffer {
  const head = JSON.stringify({ key: entry.key, etag: entry.etag, seal: entry.seal });
  return Buffer.concat([Buffer.from(`${FORMAT}\n${head}\n`), entry.body]);
}

/** The entry a value holds, or null when it is not one (its seal is checked by the middleware). */
export function decode(raw: Buffer): CachedResponse | null {
  const first = raw.indexOf(0x0a);
  if (first <= 0 || raw.subarray(0, first).toString() !== FORMAT) return null;
  const second = raw.indexOf(0x0a, first + 1);
  if (second < 0) return null;
  try {
    const head = JSON.parse(raw.subarray(first + 1, second).toString()) as Record<string, unknown>;
    const { key, etag, seal } = head;
    if (typeof key !== 'string' || typeof etag !== 'string' || typeof seal !== 'string') {
      return null;
    }
    return { key, etag, seal, body: raw.subarray(second + 1) };
  } catch {
    return null;
  }
}

export function createRedisStore(options: RedisStoreOptions): ResponseStore {
  const { prefix, ttlMs, log } = options;
  const pauseMs = options.pauseMs ?? 1000;
  const versionKey = `${prefix}version`;
  const client = new Redis(options.url, {
    enableOfflineQueue: false, // not connected: fail at once, never queue a request behind Redis
    // A request waits options.timeoutMs at most (see within()); this only ends forgotten commands.
    commandTimeout: Math.max(1000, options.timeoutMs * 5),
    connectTimeout: Math.max(1000, options.timeoutMs * 5),
    maxRetriesPerRequest: 0,
    // Reconnect for ever, at most every 2 s.
    retryStrategy: (attempt) => Math.min(100 * attempt, 2000),
    connectionName: 'cms-response-cache',
  }) as ScriptedRedis;
  client.defineCommand('responseCacheLookup', { numberOfKeys: 1, lua: LOOKUP_SCRIPT });

  /** True at start, after a lost connection and after a failed invalidation: bump before use. */
  let needsBump = true;
  let bumping: Promise<void> | null = null;
  /** Counts lost connections, so a bump sent before one does not count after it. */
  let connection = 0;
  /** This process's invalidations still on their way to Redis. */
  let pendingInvalidations = 0;
  /** After a failed command, until when to leave Redis alone. */
  let pausedUntil = 0;
  /** Why Redis cannot be used, while it cannot (logged once per outage). */
  let outage: string | null = null;
  let closed = false;

  function down(reason: string): void {
    if (closed || outage !== null) return;
    outage = reason;
    log.warn(
      `[response-cache] Redis at ${shown(options.url)} is unavailable (${reason}): public reads ` +
        'are answered from the database, uncached, until it is back.',
    );
  }
  function up(): void {
    if (outage === null) return;
    outage = null;
    log.info(
      `[response-cache] Redis at ${shown(options.url)} is back: caching public reads again.`,
    );
  }
  function failed(error: unknown): void {
    pausedUntil = Date.now() + pauseMs;
    down(describe(error));
  }

  /** A full Redis (`noeviction`) refuses new entries: not an outage, reads go on. */
  let full = false;
  function saveFailed(error: unknown): void {
    if (!describe(error).startsWith('OOM')) return failed(error);
    if (full) return;
    full = true;
    log.warn(
      `[response-cache] Redis at ${shown(options.url)} is full and does not evict (OOM): new ` +
        'answers are not cached until it has room. Use maxmemory-policy volatile-lru.',
    );
    setTimeout(() => (full = false), 60_000).unref();
  }

  /** Moves the version on (so nothing from before is read again), then allows lookups. */
  function bump(): Promise<void> {
    bumping ??= (async () => {
      const since = connection;
      try {
        await within(client.set(versionKey, newVersion()), options.timeoutMs);
        if (since === connection) {
          needsBump = false;
          pausedUntil = 0;
          up();
        }
      } catch (error) {
        failed(error);
      } finally {
        bumping = null;
      }
    })();
    return bumping;
  }

  client.on('ready', () => void bump());
  client.on('error', (error: unknown) => down(describe(error)));
  client.on('close', () => {
    connection += 1;
    needsBump = true;
    down('connection closed');
  });

  function usable(): boolean {
    if (closed || client.status !== 'ready' || pendingInvalidations > 0) return false;
    if (Date.now() < pausedUntil) return false;
    if (needsBump) {
      void bump(); // e.g. the bump after the reconnection failed: try again, in the background
      return false;
    }
    return true;
  }

  return {
    kind: 'redis',
    async lookup(key: string): Promise<Lookup> {
      if (!usable()) return UNAVAILABLE;
      try {
        const [rawVersion, raw] = await within(
          client.responseCacheLookupBuffer(versionKey, prefix, key, newVersion()),
          options.timeoutMs,
        );
        up();
        const version = rawVersion.toString();
        if (!raw) return { kind: 'miss', version };
        // A value that is not an entry of this store at all: a hit that fails its check (the
        // middleware drops it), never a body to serve.
        const entry = decode(raw) ?? { key: '', etag: '', seal: '', body: raw };
        return { kind: 'hit', entry, version };
      } catch (error) {
        failed(error);
        return UNAVAILABLE;
      }
    },
    save(key, version, entry) {
      if (!usable()) return;
      client.set(`${prefix}${version}:${key}`, encode(entry), 'PX', ttlMs).catch(saveFailed);
    },
    discard(key, version) {
      if (!usable()) return;
      client.del(`${prefix}${version}:${key}`).catch(failed);
    },
    invalidate() {
      if (client.status !== 'ready') {
        needsBump = true; // not connected (yet): the bump on connection stands for this change
        return;
      }
      // Sent at once, ahead of any later lookup on the same connection; lookups of this process
      // bypass the cache until Redis has acknowledged it.
      pendingInvalidations += 1;
      within(client.set(versionKey, newVersion()), options.timeoutMs)
        .catch((error: unknown) => {
          needsBump = true; // done or not, bump again before the store is used
          failed(error);
        })
        .finally(() => {
          pendingInvalidations -= 1;
        });
    },
    async entries() {
      const version = await client.get(versionKey);
      if (version === null) return [];
      const live = `${prefix}${version}:`;
      const found: Array<{ key: string; body: Buffer }> = [];
      let cursor = '0';
      do {
        const [next, keys] = await client.scan(cursor, 'MATCH', `${live}*`, 'COUNT', 500);
        cursor = next;
        for (const key of keys) {
          const raw = await client.getBuffer(key);
          const entry = raw ? decode(raw) : null;
          if (entry) found.push({ key: key.slice(live.length), body: entry.body });
        }
      } while (cursor !== '0');
      return found;
    },
    async close() {
      closed = true;
      client.disconnect();
    },
  };
}
