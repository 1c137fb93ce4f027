import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import {
  assertSecretsPresent,
  checkSecretStrength,
  REQUIRED_SECRETS,
} from '../src/utils/required-env';
import { secretProblem } from '@clinic/contract';

const complete = Object.fromEntries(REQUIRED_SECRETS.map((name) => [name, 'value']));

describe('required secrets', () => {
  it('pass when all are set', () => {
    expect(() => assertSecretsPresent(complete)).not.toThrow();
  });

  it('fail fast, naming every missing or blank one', () => {
    const env = { ...complete, JWT_SECRET: '  ', APP_KEYS: undefined };
    expect(() => assertSecretsPresent(env)).toThrow(
      /Missing required secret\(s\): APP_KEYS, JWT_SECRET\./,
    );
  });
});

describe('secret strength at start-up', () => {
  const strong = Object.fromEntries(
    REQUIRED_SECRETS.map((name, index) => [name, `${'Qz7Lp2Vx9Kc4Mn8Bt1Wr6Hy3Fj5Gd0Sa'}${index}`]),
  );
  const weak = { ...strong, JWT_SECRET: 'change-me-jwt-secret', ENCRYPTION_KEY: 'short' };

  it('in production: refuses, naming every weak secret', () => {
    const warn = vi.fn();
    expect(() => checkSecretStrength(weak, { production: true, warn })).toThrow(
      /JWT_SECRET .*placeholder[\s\S]*ENCRYPTION_KEY is 5 characters/,
    );
    expect(warn).not.toHaveBeenCalled();
  });

  it('elsewhere: one warning per weak secret, and starts', () => {
    const warn = vi.fn();
    expect(() => checkSecretStrength(weak, { production: false, warn })).not.toThrow();
    expect(warn.mock.calls.map(([message]) => String(message))).toEqual([
      expect.stringMatching(/JWT_SECRET .*placeholder/),
      expect.stringMatching(/ENCRYPTION_KEY is 5 characters/),
    ]);
  });

  it('RENDER_HOOK_SECRET only counts once RENDERER_HOOK_URL is set', () => {
    const warn = vi.fn();
    const hookless = { ...strong, RENDER_HOOK_SECRET: 'change-me-render-hook-secret' };
    expect(() => checkSecretStrength(hookless, { production: true, warn })).not.toThrow();
    expect(() =>
      checkSecretStrength(
        { ...hookless, RENDERER_HOOK_URL: 'http://renderer:4000/hooks/content' },
        { production: true, warn },
      ),
    ).toThrow(/RENDER_HOOK_SECRET/);
  });

  it('strong secrets pass silently', () => {
    const warn = vi.fn();
    checkSecretStrength(strong, { production: true, warn });
    expect(warn).not.toHaveBeenCalled();
  });
});

describe('scripts/ensure-env.mjs', () => {
  /** Runs a copy of the script in a scratch cms/ folder and returns the .env it leaves. */
  function runIn(existing?: string, args: string[] = []): string {
    const dir = mkdtempSync(join(tmpdir(), 'ensure-env-'));
    mkdirSync(join(dir, 'scripts'));
    copyFileSync(
      join(__dirname, '..', 'scripts', 'ensure-env.mjs'),
      join(dir, 'scripts', 'ensure-env.mjs'),
    );
    if (existing !== undefined) writeFileSync(join(dir, '.env'), existing);
    execFileSync(process.execPath, [join(dir, 'scripts', 'ensure-env.mjs'), ...args], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    return readFileSync(join(dir, '.env'), 'utf8');
  }
  const parse = (env: string) =>
    Object.fromEntries(
      env
        .trim()
        .split('\n')
        .map((line) => line.split(/=(.*)/s).slice(0, 2)),
    );

  it('generates every secret, different on each install', () => {
    const first = parse(runIn());
    const second = parse(runIn());
    for (const name of [...REQUIRED_SECRETS, 'RENDER_HOOK_SECRET']) {
      expect(first[name]?.length).toBeGreaterThanOrEqual(40);
      expect(first[name]).not.toBe(second[name]);
      // Strong enough for production (@clinic/contract's secretProblem), each APP_KEYS key too.
      expect(secretProblem(name, first[name]!), name).toBeNull();
    }
    expect(first.APP_KEYS!.split(',')).toHaveLength(4);
  });

  it('keeps what is already there and fills only the gaps', () => {
    const env = parse(runIn('PORT=1400\nJWT_SECRET=keep-me'));
    expect(env.PORT).toBe('1400');
    expect(env.JWT_SECRET).toBe('keep-me');
    expect(env.API_TOKEN_SALT).toBeTruthy();
  });

  it('writes no first admin by default (npm run dev keeps the registration screen)', () => {
    const env = parse(runIn());
    expect(env.ADMIN_EMAIL).toBeUndefined();
    expect(env.ADMIN_PASSWORD).toBeUndefined();
  });

  it('with --first-admin (npm start): a local first admin Strapi accepts, different on each install', () => {
    const first = parse(runIn(undefined, ['--first-admin']));
    const second = parse(runIn(undefined, ['--first-admin']));
    expect(first.ADMIN_EMAIL).toMatch(/^[\w.+-]+@[\w-]+(\.[\w-]+)+$/);
    // Strapi's password rules: 8 to 72 bytes, a lowercase and an uppercase letter, a digit.
    for (const password of [first.ADMIN_PASSWORD!, second.ADMIN_PASSWORD!]) {
      expect(password.length).toBeGreaterThanOrEqual(16);
      expect(Buffer.byteLength(password)).toBeLessThanOrEqual(72);
      expect(password).toMatch(/[a-z]/);
      expect(password).toMatch(/[A-Z]/);
      expect(password).toMatch(/\d/);
    }
    expect(first.ADMIN_PASSWORD).not.toBe(second.ADMIN_PASSWORD);
    // An operator's own values are kept.
    const own = parse(
      runIn('ADMIN_EMAIL=me@clinic.example\nADMIN_PASSWORD=Mine-2026-pass', ['--first-admin']),
    );
    expect(own.ADMIN_EMAIL).toBe('me@clinic.example');
    expect(own.ADMIN_PASSWORD).toBe('Mine-2026-pass');
  });
});
