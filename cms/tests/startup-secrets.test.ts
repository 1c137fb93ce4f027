import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from './helpers/database';
import { databaseKind, startCms } from './helpers/strapi';

describe('starting without a secret', () => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase(databaseKind);
  });
  afterAll(() => db?.drop());

  it('fails fast, naming the missing secret', async () => {
    await expect(startCms(db, { JWT_SECRET: '', PREVIEW_SECRET: ' ' })).rejects.toThrow(
      /Missing required secret\(s\): JWT_SECRET, PREVIEW_SECRET\./,
    );
  });
});
