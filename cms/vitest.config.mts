import pg from 'pg';
import { defineConfig } from 'vitest/config';

/**
 * The CMS suite runs in-process against a real Strapi on SQLite always, and again on PostgreSQL
 * whenever one is reachable (TEST_PG_URL; the machine's local server by default). In CI
 * PostgreSQL is required: a missing one fails the run instead of silently testing less.
 */
process.env.TEST_PG_URL ??= 'postgres://postgres@127.0.0.1:5432/postgres';

async function isPostgresReachable(): Promise<boolean> {
  const client = new pg.Client({
    connectionString: process.env.TEST_PG_URL,
    connectionTimeoutMillis: 3000,
  });
  try {
    await client.connect();
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => {});
  }
}

export default defineConfig(async () => {
  const postgres = await isPostgresReachable();
  if (!postgres && process.env.CI) {
    throw new Error(
      `CI requires PostgreSQL for the CMS suite; none at ${process.env.TEST_PG_URL}.`,
    );
  }
  // A postgres/ folder (tests/postgres/, tests/processes/postgres/) holds what only PostgreSQL has
  // (e.g. DATABASE_URL, several CMS processes on one database); it runs in that project only.
  const project = (db: 'sqlite' | 'postgres') => ({
    extends: true as const,
    test: {
      name: db,
      env: { TEST_DB: db },
      exclude: db === 'postgres' ? [] : ['tests/**/postgres/**'],
    },
  });
  return {
    test: {
      include: ['tests/**/*.test.ts'],
      globalSetup: ['tests/global-setup.ts'],
      pool: 'forks' as const,
      maxWorkers: 2,
      silent: 'passed-only' as const,
      testTimeout: 60_000,
      hookTimeout: 120_000,
      projects: postgres ? [project('sqlite'), project('postgres')] : [project('sqlite')],
    },
  };
});
