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
import { secretProblem } from '../src/utils/secret-strength';

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
  function runIn(existing?: string): string {
    const dir = mkdtempSync(join(tmpdir(), 'ensure-env-'));
    mkdirSync(join(dir, 'scripts'));
    copyFileSync(
      join(__dirname, '..', 'scripts', 'ensure-env.mjs'),
      join(dir, 'scripts', 'ensure-env.mjs'),
    );
    if (existing !== undefined) writeFileSync(join(dir, '.env'), existing);
    execFileSync(process.execPath, [join(dir, 'scripts', 'ensure-env.mjs')]);
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
      // Strong enough for production (src/utils/secret-strength.ts), each APP_KEYS key too.
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
});
