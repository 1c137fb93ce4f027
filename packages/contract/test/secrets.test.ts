import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { generateSecrets } from '../../../scripts/lib/cms-process.mjs';
import { secretProblem } from '../src/index.js';

/**
 * What counts as a usable secret: not a placeholder, at least 32 characters, every APP_KEYS key
 * on its own. In production the CMS (cms/tests/startup-secrets.test.ts) and the renderer refuse
 * to start on a problem.
 */
const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');

const STRONG = 'n2Qk7Jx9bV4mZp1sW8cT5yR3uH6eL0aF'; // 32 characters

describe('secretProblem', () => {
  it.each([
    ['a 32-character random value', 'JWT_SECRET', STRONG],
    [
      'what `openssl rand -base64 32` gives',
      'JWT_SECRET',
      'q4pWl4c3zR0oJx2Yb8m9S1tU6vA7dE5fG3hI0jK1lM4=',
    ],
    ['APP_KEYS, every key strong', 'APP_KEYS', `${STRONG},${STRONG.split('').reverse().join('')}`],
  ])('accepts %s', (_label, name, value) => {
    expect(secretProblem(name, value)).toBeNull();
  });

  it.each([
    ['change-me-jwt-secret-change-me-jwt-secret'],
    ['CHANGE-ME-this-is-long-enough-to-pass-the-length'],
    ['changeme-changeme-changeme-changeme'],
    ['change_me_change_me_change_me_change_me'],
    // Strapi's own project template (create-strapi's .env.example)
    ['tobemodified'],
    ['toBeModified1'],
    ['secret'],
    ['replace-me-with-a-real-secret-value-please'],
    ['secret0123456789abcdef0123456789abcdef'],
    ['ChangeMe-please-0123456789abcdef0123456789'],
  ])('refuses the placeholder %s, naming the variable', (value) => {
    const problem = secretProblem('ADMIN_JWT_SECRET', value);
    expect(problem).toMatch(/^ADMIN_JWT_SECRET /);
    expect(problem).toMatch(/placeholder/);
  });

  it('refuses a value shorter than 32 characters, saying how long it is', () => {
    const problem = secretProblem('PREVIEW_SECRET', 'x7Kq2mW9pL4vB8nR3tY6cJ1hF5dS0gA'); // 31
    expect(problem).toMatch(/^PREVIEW_SECRET /);
    expect(problem).toMatch(/31 characters/);
    expect(problem).toMatch(/at least 32/);
  });

  it('refuses an empty value', () => {
    expect(secretProblem('JWT_SECRET', '   ')).toMatch(/^JWT_SECRET is empty/);
  });

  it('refuses one character repeated, however long', () => {
    expect(secretProblem('JWT_SECRET', 'a'.repeat(64))).toMatch(/^JWT_SECRET /);
  });

  it('checks each APP_KEYS key and names the weak one', () => {
    expect(secretProblem('APP_KEYS', `${STRONG},change-me-app-key-2`)).toMatch(
      /^APP_KEYS \(key 2 of 2\) .*placeholder/,
    );
    expect(secretProblem('APP_KEYS', `short,${STRONG}`)).toMatch(
      /^APP_KEYS \(key 1 of 2\) is 5 characters/,
    );
    expect(secretProblem('APP_KEYS', `${STRONG},,${STRONG}`)).toMatch(/^APP_KEYS \(key 2 of 3\)/);
  });

  it("refuses every secret of the repository's .env.example (its change-me values)", () => {
    const example = readFileSync(join(root, '.env.example'), 'utf8');
    const secrets = [
      'APP_KEYS',
      'API_TOKEN_SALT',
      'ADMIN_JWT_SECRET',
      'TRANSFER_TOKEN_SALT',
      'JWT_SECRET',
      'ENCRYPTION_KEY',
      'PREVIEW_SECRET',
      'RENDER_HOOK_SECRET',
    ];
    for (const name of secrets) {
      const value = example.match(new RegExp(`^${name}=(.*)$`, 'm'))?.[1];
      expect(value, name).toBeDefined();
      expect(secretProblem(name, value!), name).not.toBeNull();
    }
  });

  it('never repeats the value in its message (it may end up in a log)', () => {
    for (const value of ['short-but-private', 'change-me-private-value', 'secret-private']) {
      expect(secretProblem('PREVIEW_SECRET', value)).not.toContain(value);
    }
    expect(secretProblem('PREVIEW_SECRET', randomBytes(32).toString('base64'))).toBeNull();
  });

  it('accepts what the repository generates for tests and scripts (cms-process.mjs)', () => {
    for (const [name, value] of Object.entries(generateSecrets())) {
      expect(secretProblem(name, value), name).toBeNull();
    }
  });
});
