import { afterEach, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from './helpers/database';
import { databaseKind, startCms, type RunningCms } from './helpers/strapi';

/**
 * Who becomes the first (super) admin. Strapi's registration screen (`POST /admin/register-admin`)
 * makes whoever reaches it first the super admin while the database has none: in production that
 * is closed, and the first admin comes from ADMIN_EMAIL / ADMIN_PASSWORD at start-up (or
 * `strapi admin:create-user`). In development it stays open, for `npm run dev`.
 */

const FIRST = { email: 'first.admin@example.com', password: 'First-Admin-2026' };
const STRANGER = {
  email: 'stranger@example.com',
  password: 'Stranger-2026-pass',
  firstname: 'Quick',
  lastname: 'Stranger',
};
const ENV_NAMES = ['NODE_ENV', 'ADMIN_EMAIL', 'ADMIN_PASSWORD', 'SEED_ON_START'];

let db: TestDatabase | undefined;
let cms: RunningCms | undefined;
let saved: Array<readonly [string, string | undefined]> = [];

async function boot(env: Record<string, string>): Promise<RunningCms> {
  saved = ENV_NAMES.map((name) => [name, process.env[name]] as const);
  db = await createTestDatabase(databaseKind);
  cms = await startCms(db, { SEED_ON_START: 'false', ...env });
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

const adminCount = (running: RunningCms) => running.strapi.db.query('admin::user').count();

describe('the first admin', () => {
  it('in production, with no admin and no ADMIN_EMAIL: the registration screen cannot create one', async () => {
    const running = await boot({ NODE_ENV: 'production', ADMIN_EMAIL: '', ADMIN_PASSWORD: '' });
    const init = await running.request.get('/admin/init');
    expect(init.status).toBe(200);
    expect(init.body.data.hasAdmin).toBe(false);

    const registered = await running.request.post('/admin/register-admin').send(STRANGER);
    expect(registered.status).toBe(403);
    expect(registered.body.error.message).toMatch(/ADMIN_EMAIL/);
    expect(registered.body.error.message).toMatch(/ADMIN_PASSWORD/);
    expect(JSON.stringify(registered.body)).not.toContain('token');
    expect(await adminCount(running)).toBe(0);
  });

  it('in production, ADMIN_EMAIL and ADMIN_PASSWORD create it at start-up', async () => {
    const running = await boot({
      NODE_ENV: 'production',
      ADMIN_EMAIL: FIRST.email,
      ADMIN_PASSWORD: FIRST.password,
    });
    expect(await adminCount(running)).toBe(1);
    const login = await running.request.post('/admin/login').send(FIRST);
    expect(login.status, JSON.stringify(login.body)).toBe(200);
    // Registering another "first" admin is refused as well.
    expect((await running.request.post('/admin/register-admin').send(STRANGER)).status).toBe(403);
    expect(await adminCount(running)).toBe(1);
  });

  it('in development, the registration screen still creates it (npm run dev)', async () => {
    const running = await boot({ NODE_ENV: 'development', ADMIN_EMAIL: '', ADMIN_PASSWORD: '' });
    const registered = await running.request.post('/admin/register-admin').send(STRANGER);
    expect(registered.status, JSON.stringify(registered.body)).toBe(200);
    expect(await adminCount(running)).toBe(1);
  });
});
