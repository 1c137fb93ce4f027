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

  it('refuses to notify the renderer unsigned: RENDERER_HOOK_URL needs RENDER_HOOK_SECRET', async () => {
    const names = ['RENDERER_HOOK_URL', 'RENDER_HOOK_SECRET'];
    const saved = names.map((name) => [name, process.env[name]] as const);
    try {
      await expect(
        startCms(db, {
          RENDERER_HOOK_URL: 'http://127.0.0.1:4300/hooks/content-changed',
          RENDER_HOOK_SECRET: '',
        }),
      ).rejects.toThrow(/RENDERER_HOOK_URL is set but RENDER_HOOK_SECRET is not/);
    } finally {
      for (const [name, value] of saved) {
        if (value === undefined) delete process.env[name];
        else process.env[name] = value;
      }
    }
  });
});
