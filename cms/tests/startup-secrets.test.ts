import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from './helpers/database';
import { databaseKind, startCms } from './helpers/strapi';

/** Runs `work`, then puts the named environment variables back as they were. */
async function restoringEnv<T>(names: string[], work: () => Promise<T>): Promise<T> {
  const saved = names.map((name) => [name, process.env[name]] as const);
  try {
    return await work();
  } finally {
    for (const [name, value] of saved) {
      if (value === undefined) delete process.env[name];
      else process.env[name] = value;
    }
  }
}

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

  it.each([
    ['a change-me placeholder', { JWT_SECRET: 'change-me-jwt-secret' }, /JWT_SECRET .*placeholder/],
    [
      "Strapi's template placeholder",
      { API_TOKEN_SALT: 'tobemodified' },
      /API_TOKEN_SALT .*placeholder/,
    ],
    [
      'a secret shorter than 32 characters',
      { PREVIEW_SECRET: 'Zq8rT2vX9kL4mN7pB1cF6hJ3' },
      /PREVIEW_SECRET is 24 characters long/,
    ],
    [
      'one weak APP_KEYS key',
      { APP_KEYS: 'Kp3Vx8Qz1Lm6Tb9Wn4Hc7Fr2Jd5Gs0Ya,change-me-app-key-2' },
      /APP_KEYS \(key 2 of 2\)/,
    ],
    [
      'a placeholder RENDER_HOOK_SECRET with RENDERER_HOOK_URL set',
      {
        RENDERER_HOOK_URL: 'http://127.0.0.1:4300/hooks/content',
        RENDER_HOOK_SECRET: 'change-me-render-hook-secret',
      },
      /RENDER_HOOK_SECRET .*placeholder/,
    ],
  ])('in production, refuses to start with %s, naming it', async (_label, env, message) => {
    const names = ['NODE_ENV', 'RENDERER_HOOK_URL', 'RENDER_HOOK_SECRET', ...Object.keys(env)];
    await restoringEnv(names, async () => {
      await expect(startCms(db, { NODE_ENV: 'production', ...env })).rejects.toThrow(message);
    });
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
