import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Response } from 'supertest';
import { createTestDatabase } from './helpers/database';
import { databaseKind, startCms, type RunningCms } from './helpers/strapi';

/**
 * Who the CMS thinks the client is, and how it treats the admin's session cookie, behind the one
 * proxy production puts in front of it (nginx, which sets X-Forwarded-For to the address it saw
 * and X-Forwarded-Proto to the scheme): IS_PROXIED=true trusts exactly one hop, so `ctx.ip` is
 * the address nginx saw, whatever a client wrote into X-Forwarded-For itself. Strapi's admin
 * login limiter (`admin::rateLimit`: 5 tries per 5 minutes per email + `ctx.ip`) keys on it.
 *
 * `ctx.ip` itself is read through a probe added to the CMS's Koa app after the router (it answers
 * only its own path, which no route has): Koa computes it from Strapi's `server.proxy` settings.
 */

const PROBE = '/__test/client';
const ADMIN = { email: 'proxy.admin@example.com', password: 'Proxy-Admin-2026' };

interface Probe {
  ip: string;
  secure: boolean;
}

function addProbe(cms: RunningCms): void {
  cms.strapi.server.app.use(async (ctx, next) => {
    if (ctx.path !== PROBE) return next();
    ctx.body = { ip: ctx.ip, secure: ctx.secure } satisfies Probe;
  });
}

function restoringEnv(names: string[]): () => void {
  const saved = names.map((name) => [name, process.env[name]] as const);
  return () => {
    for (const [name, value] of saved) {
      if (value === undefined) delete process.env[name];
      else process.env[name] = value;
    }
  };
}

const ENV_NAMES = ['IS_PROXIED', 'PUBLIC_URL', 'ADMIN_EMAIL', 'ADMIN_PASSWORD'];

async function boot(env: Record<string, string>) {
  const restore = restoringEnv(ENV_NAMES);
  const db = await createTestDatabase(databaseKind);
  const cms = await startCms(db, {
    SEED_ON_START: 'false',
    ADMIN_EMAIL: ADMIN.email,
    ADMIN_PASSWORD: ADMIN.password,
    ...env,
  });
  addProbe(cms);
  return {
    cms,
    async stop() {
      await cms.stop();
      await db.drop();
      restore();
    },
  };
}

const refreshCookie = (response: Response) =>
  ([] as string[])
    .concat(response.headers['set-cookie'] ?? [])
    .find((cookie) => cookie.startsWith('strapi_admin_refresh='));

describe('behind one trusted proxy (IS_PROXIED=true, PUBLIC_URL https)', () => {
  let running: Awaited<ReturnType<typeof boot>>;
  beforeAll(async () => {
    running = await boot({ IS_PROXIED: 'true', PUBLIC_URL: 'https://cms.clinic.example' });
  });
  afterAll(() => running?.stop());

  const probe = async (headers: Record<string, string>) => {
    const response = await running.cms.request.get(PROBE).set(headers);
    expect(response.status).toBe(200);
    return response.body as Probe;
  };
  /** One login attempt, as coming from `client` through the proxy (which appends it). */
  const login = (email: string, password: string, forwardedFor: string) =>
    running.cms.request
      .post('/admin/login')
      .set({ 'X-Forwarded-For': forwardedFor, 'X-Forwarded-Proto': 'https' })
      .send({ email, password });

  it('the client address is the last hop only: what the proxy saw, not what the client wrote', async () => {
    expect((await probe({ 'X-Forwarded-For': '1.2.3.4, 5.6.7.8' })).ip).toBe('5.6.7.8');
    expect((await probe({ 'X-Forwarded-For': '203.0.113.9' })).ip).toBe('203.0.113.9');
  });

  it('a client cannot escape the login limiter by writing a new X-Forwarded-For each time', async () => {
    const statuses: number[] = [];
    for (let attempt = 0; attempt < 7; attempt += 1) {
      const forged = `198.51.100.${attempt + 1}, 192.0.2.10`; // the proxy appended 192.0.2.10
      statuses.push((await login('escape.victim@example.com', `Wrong-${attempt}`, forged)).status);
    }
    expect(statuses.slice(0, 5)).toEqual([400, 400, 400, 400, 400]);
    expect(statuses.slice(5)).toEqual([429, 429]);
  });

  it('a client cannot lock another out by writing its address into X-Forwarded-For', async () => {
    const victim = '192.0.2.20';
    const attacker = '192.0.2.66';
    for (let attempt = 0; attempt < 6; attempt += 1) {
      await login(ADMIN.email, `Wrong-${attempt}`, `${victim}, ${attacker}`);
    }
    expect((await login(ADMIN.email, 'Wrong-again', `${victim}, ${attacker}`)).status).toBe(429);
    // The admin, from their own address, signs in.
    const signedIn = await login(ADMIN.email, ADMIN.password, victim);
    expect(signedIn.status, JSON.stringify(signedIn.body)).toBe(200);
  });

  it('a sign-in over https (X-Forwarded-Proto from the proxy) gets a Secure session cookie', async () => {
    expect((await probe({ 'X-Forwarded-Proto': 'https' })).secure).toBe(true);
    const signedIn = await login(ADMIN.email, ADMIN.password, '192.0.2.30');
    expect(signedIn.status, JSON.stringify(signedIn.body)).toBe(200);
    const cookie = refreshCookie(signedIn);
    expect(cookie).toBeDefined();
    expect(cookie!.toLowerCase()).toMatch(/;\s*secure(;|$)/);
    expect(cookie!.toLowerCase()).toMatch(/;\s*httponly(;|$)/);
  });

  it('a sign-in that reached the CMS over plain http is refused with a 403 that says why', async () => {
    const response = await running.cms.request
      .post('/admin/login')
      .set('X-Forwarded-For', '192.0.2.31')
      .send(ADMIN);
    expect(response.status).toBe(403);
    expect(response.body.error.message).toMatch(/https/);
    expect(response.body.error.message).toMatch(/PUBLIC_URL/);
    expect(refreshCookie(response)).toBeUndefined();
  });
});

describe('not proxied (IS_PROXIED unset, PUBLIC_URL http)', () => {
  let running: Awaited<ReturnType<typeof boot>>;
  beforeAll(async () => {
    running = await boot({ IS_PROXIED: '', PUBLIC_URL: 'http://localhost:1337' });
  });
  afterAll(() => running?.stop());

  it('X-Forwarded-* are ignored: the address is the connection’s, the scheme http', async () => {
    const response = await running.cms.request
      .get(PROBE)
      .set({ 'X-Forwarded-For': '1.2.3.4', 'X-Forwarded-Proto': 'https' });
    expect(response.body.ip).toMatch(/^(::ffff:)?127\.0\.0\.1$|^::1$/);
    expect(response.body.secure).toBe(false);
  });

  it('a sign-in over http works, with a session cookie that is not Secure', async () => {
    const signedIn = await running.cms.request.post('/admin/login').send(ADMIN);
    expect(signedIn.status, JSON.stringify(signedIn.body)).toBe(200);
    const cookie = refreshCookie(signedIn);
    expect(cookie).toBeDefined();
    expect(cookie!.toLowerCase()).not.toMatch(/;\s*secure(;|$)/);
  });
});
