import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { cmsDir } from '../../../scripts/lib/cms-process.mjs';
import { seedContent } from '../../src/seed/content';
import type { TestDatabase } from './database';

/**
 * For suites that run the CMS as real `strapi start` processes (scripts/lib/cms-process.mjs).
 * `strapi start` needs the compiled server in dist/ (the suite's global setup compiles it); the
 * admin panel's build (dist/build) is only read when a browser asks for /admin, so these suites
 * neither need nor make it.
 */
export function assertCompiled(): void {
  const entry = join(cmsDir, 'dist', 'src', 'index.js');
  if (!existsSync(entry)) throw new Error(`${entry} is missing: the global setup compiles it.`);
}

export const ADMIN = { email: 'startup-admin@example.org', password: 'Startup-admin-1' };

/** A directory for the processes' logs, kept after the run (its path is in failure messages). */
export const logDir = (label: string) => mkdtempSync(join(tmpdir(), `cms-${label}-`));

export const readLog = (file: string): string => {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return '';
  }
};

/** A connection to a PostgreSQL test database, made from the variables the CMS gets. */
export async function withPg<T>(db: TestDatabase, work: (client: pg.Client) => Promise<T>) {
  const { DATABASE_HOST, DATABASE_PORT, DATABASE_NAME, DATABASE_USERNAME, DATABASE_PASSWORD } =
    db.env;
  const client = new pg.Client({
    host: DATABASE_HOST,
    port: Number(DATABASE_PORT),
    database: DATABASE_NAME,
    user: DATABASE_USERNAME,
    password: DATABASE_PASSWORD,
  });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/** GET `path` from a running CMS: status and parsed JSON body (null when there is none). */
export async function getJson(
  baseUrl: string,
  path: string,
  init: RequestInit = {},
): Promise<{ status: number; body: unknown }> {
  const response = await fetch(`${baseUrl}${path}`, {
    ...init,
    signal: AbortSignal.timeout(15_000),
  });
  const text = await response.text();
  return { status: response.status, body: text ? JSON.parse(text) : null };
}

/** Seeded tables and how many documents the seed writes to each, in every locale. */
export const SEEDED_DOCUMENTS: Record<string, number> = {
  faqs: seedContent.en.faqs.length,
  risk_factors: seedContent.en.riskFactors.length,
  articles: 1,
  site_settings: 1,
  glossary_terms: seedContent.en.glossary.length,
};

/**
 * Per seeded table and locale: documents, draft rows and published rows; plus how many times the
 * seed recorded that it ran. Seeded exactly once means `expectedSeedRows()`.
 */
export async function seedRows(client: pg.Client) {
  const tables: Record<string, unknown[]> = {};
  for (const table of Object.keys(SEEDED_DOCUMENTS)) {
    const { rows } = await client.query(
      `SELECT locale,
              count(DISTINCT document_id)::int AS documents,
              count(*) FILTER (WHERE published_at IS NULL)::int AS drafts,
              count(*) FILTER (WHERE published_at IS NOT NULL)::int AS published
         FROM ${table} GROUP BY locale ORDER BY locale`,
    );
    tables[table] = rows;
  }
  const { rows } = await client.query(
    "SELECT count(*)::int AS n FROM strapi_core_store_settings WHERE key = 'core_seed_state'",
  );
  return { tables, seedStates: rows[0].n as number };
}

export function expectedSeedRows() {
  const tables: Record<string, unknown[]> = {};
  for (const [table, documents] of Object.entries(SEEDED_DOCUMENTS)) {
    const perLocale = { documents, drafts: documents, published: documents };
    tables[table] = [
      { locale: 'en', ...perLocale },
      { locale: 'es', ...perLocale },
    ];
  }
  return { tables, seedStates: 1 };
}
