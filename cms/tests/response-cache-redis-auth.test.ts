import { randomBytes } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import Redis from 'ioredis';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from './helpers/database';
import { startThrowawayRedis, type ThrowawayRedis } from './helpers/redis';
import { databaseKind, startCms, type RunningCms } from './helpers/strapi';

/**
 * REDIS_URL with credentials, against a redis-server that requires them: the default user's
 * password (`redis://:password@host:port/db`, what `--requirepass` sets) and an ACL user limited to
 * the cache's own keys (`redis://user:password@host:port/db`). Characters URLs reserve are
 * percent-encoded in the URL.
 */

const PASSWORD = 'Sup3r:s3cret/p@ss#word';
const ACL_USER = 'cms-cache';
const ACL_PASSWORD = 'An0ther p@ss:for/the ACL user';
const PREFIX = `test:auth:${databaseKind}:${randomBytes(4).toString('hex')}:`;
const LIST = '/api/faqs?locale=en&sort=order:asc';

let redis: ThrowawayRedis;
let db: TestDatabase | undefined;
let cms: RunningCms | undefined;
const url = (user: string, password: string, database: number) =>
  `redis://${encodeURIComponent(user)}:${encodeURIComponent(password)}@127.0.0.1:${redis.port}/${database}`;

beforeAll(async () => {
  redis = await startThrowawayRedis({ password: PASSWORD });
  // An ACL user that may touch nothing but the cache's keys.
  const admin = new Redis(redis.url(), { password: PASSWORD, lazyConnect: true });
  await admin.connect();
  try {
    await admin.call('ACL', 'SETUSER', ACL_USER, 'on', `>${ACL_PASSWORD}`, `~${PREFIX}*`, '+@all');
  } finally {
    admin.disconnect();
  }
});
afterAll(() => redis?.stop());

const ENV_NAMES = ['REDIS_URL', 'RESPONSE_CACHE_REDIS_PREFIX', 'SEED_ON_START'];
let saved: Array<readonly [string, string | undefined]> = [];
async function boot(redisUrl: string): Promise<RunningCms> {
  saved = ENV_NAMES.map((name) => [name, process.env[name]] as const);
  db = await createTestDatabase(databaseKind);
  cms = await startCms(db, { REDIS_URL: redisUrl, RESPONSE_CACHE_REDIS_PREFIX: PREFIX });
  return cms;
}
afterEach(async () => {
  await cms?.stop();
  await db?.drop();
  cms = undefined;
  db = undefined;
  for (const [name, value] of saved) {
    if (value === undefined) delete process.env[name];
    else process.env[name] = value;
  }
});

/** Reads LIST until it is a hit (the store connects and moves the version on first). */
async function hit(running: RunningCms) {
  for (let attempt = 0; attempt < 200; attempt += 1) {
    const response = await running.request.get(LIST);
    expect(response.status).toBe(200);
    if (response.headers['x-cache'] === 'HIT') return response;
    await sleep(25);
  }
  throw new Error('never a hit');
}

async function keysIn(database: number): Promise<string[]> {
  const client = new Redis(redis.url(database), { password: PASSWORD, lazyConnect: true });
  await client.connect();
  try {
    return await client.keys(`${PREFIX}*`);
  } finally {
    client.disconnect();
  }
}

describe('REDIS_URL with credentials', () => {
  it('the default user with a password (redis://:password@…, --requirepass) caches', async () => {
    const running = await boot(url('', PASSWORD, 4));
    await hit(running);
    expect((await keysIn(4)).some((key) => key.includes('/api/faqs?'))).toBe(true);
  });

  it('an ACL user (redis://user:password@…) limited to the cache keys caches', async () => {
    const running = await boot(url(ACL_USER, ACL_PASSWORD, 5));
    await hit(running);
    expect((await keysIn(5)).some((key) => key.includes('/api/faqs?'))).toBe(true);
  });

  it('a wrong password: every read answers 200 from the database, nothing cached', async () => {
    const running = await boot(url('', 'not-the-password', 6));
    for (let attempt = 0; attempt < 5; attempt += 1) {
      const response = await running.request.get(LIST);
      expect(response.status).toBe(200);
      expect(response.headers['x-cache']).toBe('BYPASS');
      expect(response.body.data.length).toBeGreaterThan(0);
      await sleep(50);
    }
    expect(await keysIn(6)).toEqual([]);
  });
});
