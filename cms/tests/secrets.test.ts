import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { assertSecretsPresent, REQUIRED_SECRETS } from '../src/utils/required-env';

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
    for (const name of REQUIRED_SECRETS) {
      expect(first[name]?.length).toBeGreaterThanOrEqual(40);
      expect(first[name]).not.toBe(second[name]);
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
