import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import pg from 'pg';
import { createTestDatabase, type TestDatabase } from '../helpers/database';
import { startCms, type RunningCms } from '../helpers/strapi';

// PostgreSQL only (see vitest.config.mts): config/database.ts takes DATABASE_URL, the one variable
// most hosted PostgreSQL services hand out, over the separate host/port/name variables.
let db: TestDatabase;
let cms: RunningCms;
let url: string;

beforeAll(async () => {
  db = await createTestDatabase('postgres');
  const { DATABASE_USERNAME, DATABASE_PASSWORD, DATABASE_HOST, DATABASE_PORT, DATABASE_NAME } =
    db.env;
  const credentials = `${encodeURIComponent(DATABASE_USERNAME!)}:${encodeURIComponent(DATABASE_PASSWORD!)}`;
  url = `postgres://${credentials}@${DATABASE_HOST}:${DATABASE_PORT}/${DATABASE_NAME}`;
  cms = await startCms(db, {
    DATABASE_URL: url,
    // Were these used instead of the URL, the CMS could not start.
    DATABASE_HOST: 'no-such-host.invalid',
    DATABASE_NAME: 'no_such_database',
  });
});

afterAll(async () => {
  await cms?.stop();
  await db?.drop();
});

describe('DATABASE_URL', () => {
  it('is the database the CMS runs and seeds on', async () => {
    const response = await cms.request.get('/api/faqs?locale=en');
    expect(response.status).toBe(200);
    expect(response.body.data).toHaveLength(4);

    const client = new pg.Client({ connectionString: url });
    await client.connect();
    try {
      const { rows } = await client.query(
        "SELECT count(*)::int AS published FROM faqs WHERE locale = 'en' AND published_at IS NOT NULL",
      );
      expect(rows[0].published).toBe(4);
    } finally {
      await client.end();
    }
  });
});
