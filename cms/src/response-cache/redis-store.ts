import Redis from 'ioredis';
import { UNAVAILABLE, type CachedResponse, type Lookup, type ResponseStore } from './store';

/**
 * The shared store, when REDIS_URL is set: every CMS process reads and writes the same entries.
 *
 * Invalidation is a content-version counter in Redis that is part of every entry's key
 * (`<prefix><version>:<request key>`). A change INCRs it, and from then on no process can read an
 * entry saved before: each lookup reads the counter and the entry together, in one Lua script, so
 * in one round trip, the same as a plain GET. No process has to be told of the change (no pub/sub
 * to miss while disconnected); old entries are not deleted, they are never read again and expire
 * after the TTL. Every change invalidates everything (over-invalidation, on purpose: content
 * changes are rare, reads are many, and nothing has to guess which URLs a change affects).
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

/** The version and the entry under it, in one round trip. KEYS[1]: version; ARGV: prefix, key. */
const LOOKUP_SCRIPT = `
local version = tonumber(redis.call('GET', KEYS[1])) or 0
return {version, redis.call('GET', ARGV[1] .. version .. ':' .. ARGV[2])}
`;

type LookupReply = [number, Buffer | null];
type ScriptedRedis = Redis & {
  responseCacheLookupBuffer(versionKey: string, prefix: string, key: string): Promise<LookupReply>;
};

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

/** Entry value: the ETag, a newline, the body. */
function encode(entry: CachedResponse): Buffer {
  return Buffer.concat([Buffer.from(`${entry.etag}\n`), entry.body]);
}

function decode(raw: Buffer): CachedResponse | null {
  const newline = raw.indexOf(0x0a);
  if (newline <= 0) return null;
  return { etag: raw.subarray(0, newline).toString(), body: raw.subarray(newline + 1) };
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

  /** Moves the version on (so nothing from before is read again), then allows lookups. */
  function bump(): Promise<void> {
    bumping ??= (async () => {
      const since = connection;
      try {
        await within(client.incr(versionKey), options.timeoutMs);
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
        const [version, raw] = await within(
          client.responseCacheLookupBuffer(versionKey, prefix, key),
          options.timeoutMs,
        );
        up();
        const entry = raw ? decode(raw) : null;
        return entry ? { kind: 'hit', entry } : { kind: 'miss', version: Number(version) };
      } catch (error) {
        failed(error);
        return UNAVAILABLE;
      }
    },
    save(key, version, entry) {
      if (!usable()) return;
      client.set(`${prefix}${version}:${key}`, encode(entry), 'PX', ttlMs).catch(failed);
    },
    invalidate() {
      if (client.status !== 'ready') {
        needsBump = true; // not connected (yet): the bump on connection stands for this change
        return;
      }
      // Sent at once, ahead of any later lookup on the same connection; lookups of this process
      // bypass the cache until Redis has acknowledged it.
      pendingInvalidations += 1;
      within(client.incr(versionKey), options.timeoutMs)
        .catch((error: unknown) => {
          needsBump = true; // done or not, bump again before the store is used
          failed(error);
        })
        .finally(() => {
          pendingInvalidations -= 1;
        });
    },
    async entries() {
      const version = Number((await client.get(versionKey)) ?? 0);
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
