// @vitest-environment node
import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { secretProblem } from '../secret-strength';

describe('secretProblem', () => {
  it('accepts a random value of 32 characters or more', () => {
    expect(secretProblem('RENDER_HOOK_SECRET', randomBytes(32).toString('base64'))).toBeNull();
    expect(secretProblem('RENDER_HOOK_SECRET', randomBytes(16).toString('hex'))).toBeNull();
  });

  it.each([
    'change-me-render-hook-secret',
    'change-me-render-hook-secret-that-is-long-enough-now',
    'CHANGE-ME-0123456789abcdef0123456789abcdef',
    'changeme0123456789abcdef0123456789abcdef',
    'ChangeMe-please-0123456789abcdef0123456789',
    'secret',
    'secret0123456789abcdef0123456789abcdef',
    'tobemodified',
    'toBeModified1',
    'tobemodified0123456789abcdef0123456789abcdef',
  ])('refuses the placeholder %j, naming the variable', (value) => {
    const problem = secretProblem('RENDER_HOOK_SECRET', value);
    expect(problem).toMatch(/^RENDER_HOOK_SECRET /);
    expect(problem).toMatch(/placeholder/);
  });

  it.each(['a', 'x'.repeat(31), randomBytes(15).toString('hex')])(
    'refuses %j: shorter than 32 characters',
    (value) => {
      const problem = secretProblem('JWT_SECRET', value);
      expect(problem).toMatch(/^JWT_SECRET /);
      expect(problem).toContain(`${value.length} characters`);
      expect(problem).toContain('32');
    },
  );

  it('refuses an empty or blank value', () => {
    expect(secretProblem('RENDER_HOOK_SECRET', '')).toMatch(/^RENDER_HOOK_SECRET is not set/);
    expect(secretProblem('RENDER_HOOK_SECRET', '   ')).toMatch(/^RENDER_HOOK_SECRET is not set/);
  });

  it('never repeats the value in its message', () => {
    for (const value of ['short-but-private', 'change-me-private-value', 'secret-private']) {
      expect(secretProblem('PREVIEW_SECRET', value)).not.toContain(value);
    }
  });
});
