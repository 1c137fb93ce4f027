import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';

/** Which database a test run uses: set per Vitest project (see vitest.config.ts). */
export type DatabaseKind = 'sqlite' | 'postgres';

/** Set by vitest.config.mts: a PostgreSQL connection allowed to create and drop databases. */
const adminPgUrl = () => process.env.TEST_PG_URL!;

export interface TestDatabase {
  kind: DatabaseKind;
  /** Environment that points Strapi's config/database.ts at this database. */
  env: Record<string, string>;
  drop(): Promise<void>;
}

/** A throwaway database for one suite: a fresh SQLite file, or a new PostgreSQL database. */
export async function createTestDatabase(kind: DatabaseKind): Promise<TestDatabase> {
  if (kind === 'sqlite') {
    const dir = mkdtempSync(join(tmpdir(), 'cms-test-'));
    return {
      kind,
      env: { DATABASE_CLIENT: 'sqlite', DATABASE_FILENAME: join(dir, 'data.db') },
      drop: async () => rmSync(dir, { recursive: true, force: true }),
    };
  }
  const name = `cms_test_${randomBytes(6).toString('hex')}`;
  await withAdminClient((client) => client.query(`CREATE DATABASE ${name}`));
  // The same variables docker-compose.yml gives the production CMS.
  const url = new URL(adminPgUrl());
  return {
    kind,
    env: {
      DATABASE_CLIENT: 'postgres',
      DATABASE_HOST: url.hostname,
      DATABASE_PORT: url.port || '5432',
      DATABASE_NAME: name,
      DATABASE_USERNAME: decodeURIComponent(url.username),
      DATABASE_PASSWORD: decodeURIComponent(url.password),
      DATABASE_SSL: 'false',
    },
    drop: async () => {
      await withAdminClient((client) =>
        client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`),
      );
    },
  };
}

async function withAdminClient<T>(work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: adminPgUrl(), connectionTimeoutMillis: 3000 });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}
