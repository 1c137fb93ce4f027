import { createHash } from 'node:crypto';
import type { Core } from '@strapi/strapi';
import pg from 'pg';

/**
 * Start-up, one CMS process at a time.
 *
 * Strapi assumes it boots alone: two processes starting at the same moment on one empty
 * PostgreSQL database both create the tables and one dies (`create table "files" … duplicate key
 * value violates unique constraint "pg_type_typname_nsp_index"`); on a database that exists they
 * would both run the start-up tasks (roles, permissions, locales, first admin, seed) at once. With
 * several processes (`docker compose up --scale cms=3`, a rolling deploy) they take turns instead:
 * each holds a PostgreSQL advisory lock from the end of the app's register() to the end of its
 * bootstrap(), and the others wait for it, saying so in the log.
 *
 * Strapi's start-up order (`Strapi.load()` in @strapi/core): register() runs the providers', the
 * plugins' and then this app's register (no database query yet), then bootstrap(): `db.init`,
 * `db.schema.sync()` (migrations, then creating and altering tables), repairs, the core store,
 * middlewares and routes, the plugins' and providers' bootstrap (admin roles and permissions,
 * users-permissions roles, i18n's default locale), and last this app's bootstrap (src/index.ts).
 * Only then does the server listen. So the lock covers the schema sync and every start-up write;
 * a process only serves once everything it depends on exists.
 *
 * The lock lives on a connection of its own, not one of Strapi's pool (whose connections come and
 * go): a session lock, released at the end of bootstrap() whether it succeeded or failed. If the
 * process dies instead (a crash, `kill -9`, Strapi's own exit after a failed start), its
 * connection closes and PostgreSQL frees the lock by itself. Advisory locks are per database, and
 * the key includes the schema: CMSs on other databases of the same server never wait for this one.
 *
 * SQLite is one file for one process: no lock. MySQL is not supported with several processes:
 * start-up is not serialized there (a warning says so); run a single CMS process on MySQL.
 */

const locks = new WeakMap<Core.Strapi, { client: pg.Client; key: string }>();

/** Takes the start-up lock, waiting while another CMS process holds it. */
export async function holdStartupLock(strapi: Core.Strapi): Promise<void> {
  if (locks.has(strapi)) return;
  const database = strapi.config.get('database.connection') as {
    client: string;
    connection: unknown;
    acquireConnectionTimeout?: number;
  };
  if (database.client === 'mysql' || database.client === 'mysql2') {
    strapi.log.warn(
      '[startup-lock] MySQL: start-up is not serialized. Run one CMS process on this database; ' +
        'several processes at once are supported on PostgreSQL only.',
    );
    return;
  }
  if (database.client !== 'postgres' && database.client !== 'pg') return; // SQLite: one process

  const resolved =
    typeof database.connection === 'function'
      ? await (database.connection as () => unknown)()
      : database.connection;
  // Strapi's own connection settings (connectionString, host, …, ssl), so the same database.
  const { schema = 'public', ...settings } = (resolved ?? {}) as pg.ClientConfig & {
    schema?: string;
  };
  const client = new pg.Client({
    ...settings,
    application_name: 'cms start-up lock',
    connectionTimeoutMillis: database.acquireConnectionTimeout ?? 60_000,
    keepAlive: true,
  });
  client.on('error', (error) =>
    strapi.log.warn(`[startup-lock] the lock's connection failed: ${error.message}`),
  );
  await client.connect();

  try {
    // Waiting for the lock must not be cut short by a timeout configured for the database or role.
    await client.query(
      `SELECT set_config(name, '0', false) FROM pg_settings
        WHERE name IN ('statement_timeout', 'lock_timeout', 'idle_session_timeout')`,
    );
    const key = lockKey(schema);
    const { rows } = await client.query('SELECT pg_try_advisory_lock($1::bigint) AS locked', [key]);
    if (!rows[0]?.locked) {
      const since = Date.now();
      const waited = () => `${Math.round((Date.now() - since) / 1000)} s`;
      strapi.log.info(
        '[startup-lock] waiting for another CMS process to finish starting (PostgreSQL advisory lock)',
      );
      const reminder = setInterval(
        () =>
          strapi.log.info(
            `[startup-lock] still waiting for another CMS process to finish starting (${waited()})`,
          ),
        15_000,
      );
      try {
        await client.query('SELECT pg_advisory_lock($1::bigint)', [key]);
      } finally {
        clearInterval(reminder);
      }
      strapi.log.info(
        `[startup-lock] the other CMS process has finished starting; going on (waited ${waited()})`,
      );
    }
    locks.set(strapi, { client, key });
  } catch (error) {
    await client.end().catch(() => {});
    throw error;
  }
}

/** Lets the next CMS process start. Safe to call when the lock is not held. */
export async function releaseStartupLock(strapi: Core.Strapi): Promise<void> {
  const held = locks.get(strapi);
  if (!held) return;
  locks.delete(strapi);
  try {
    await held.client.query('SELECT pg_advisory_unlock($1::bigint)', [held.key]);
  } catch (error) {
    // Closing the connection below releases it all the same.
    strapi.log.warn(`[startup-lock] unlock failed: ${(error as Error).message}`);
  } finally {
    await held.client.end().catch(() => {});
  }
}

/** A 64-bit key (as a decimal string) for this app's start-up in one schema. */
function lockKey(schema: string): string {
  const digest = createHash('sha256').update(`cms start-up:${schema}`).digest();
  return digest.readBigInt64BE(0).toString();
}
