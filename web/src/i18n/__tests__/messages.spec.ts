import { describe, expect, it } from 'vitest';
import en from '@/i18n/en';
import es from '@/i18n/es';

function flatten(obj: object, prefix = ''): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(obj)) {
    if (typeof value === 'string') out[prefix + key] = value;
    else Object.assign(out, flatten(value as object, `${prefix}${key}.`));
  }
  return out;
}

describe('UI strings', () => {
  const flatEn = flatten(en);
  const flatEs = flatten(es);

  it('English and Spanish have the same keys', () => {
    expect(Object.keys(flatEs).sort()).toEqual(Object.keys(flatEn).sort());
  });

  // Production builds drop vue-i18n's message compiler (vite.config.ts), so strings must be
  // plain text: no {interpolation}, @linked, |plural or %-modifier syntax.
  it.each([
    ...Object.entries(flatEn).map(([k, v]) => [`en.${k}`, v]),
    ...Object.entries(flatEs).map(([k, v]) => [`es.${k}`, v]),
  ])('%s is plain text', (_key, value) => {
    expect(value).not.toMatch(/[{}@|%]/);
  });
});
