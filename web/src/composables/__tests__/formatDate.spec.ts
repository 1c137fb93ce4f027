import { describe, expect, it } from 'vitest';
import { formatDate } from '@/composables/formatDate';
import { localeFromPath, localizePath, stripLocale } from '@/composables/useLocale';

describe('formatDate', () => {
  it.each([
    ['2026-01-01', 'en', 'January 1, 2026'],
    ['2026-12-31', 'en', 'December 31, 2026'],
    ['2026-01-01', 'es', '1 de enero de 2026'],
    ['not a date', 'en', ''],
    ['2026-13-45', 'en', ''],
    ['2026-02-30', 'en', ''],
  ] as const)('%s (%s) → %j, same day in every time zone', (iso, locale, expected) => {
    expect(formatDate(iso, locale)).toBe(expected);
  });
});

describe('locale paths', () => {
  it.each([
    ['/', 'en', '/'],
    ['/faq', 'en', '/faq'],
    ['/es', 'es', '/'],
    ['/es/', 'es', '/'],
    ['/es/articles/x', 'es', '/articles/x'],
    ['/espanol', 'en', '/espanol'],
  ] as const)('%s is %s, unprefixed %s', (path, locale, rest) => {
    expect(localeFromPath(path)).toBe(locale);
    expect(stripLocale(path)).toBe(rest);
  });

  it.each([
    ['/', 'es', '/es'],
    ['/faq', 'es', '/es/faq'],
    ['/faq', 'en', '/faq'],
    ['faq', 'en', '/faq'],
  ] as const)('localizePath(%s, %s) = %s', (path, locale, expected) => {
    expect(localizePath(path, locale)).toBe(expected);
  });
});
