import { describe, expect, it } from 'vitest';
import { concernsLocale, notificationBody, parseNotification } from '../src/index.js';

describe('parseNotification', () => {
  it('reads what the CMS sends', () => {
    const change = {
      uid: 'api::faq.faq',
      action: 'publish' as const,
      documentId: 'abc',
      locale: 'es',
      at: '2026-11-30T00:00:00.000Z',
    };
    expect(parseNotification(notificationBody([change]))).toEqual([change]);
  });

  it.each([
    ['not JSON', '{'],
    ['no events', '{}'],
    ['an unknown action', '{"events":[{"uid":"api::faq.faq","action":"explode"}]}'],
    ['a uid that is not text', '{"events":[{"uid":1,"action":"publish"}]}'],
    ['a locale that is not text', '{"events":[{"uid":"x","action":"publish","locale":{}}]}'],
  ])('refuses %s', (_name, body) => {
    expect(parseNotification(body)).toBeNull();
  });

  it('tells which locales a change concerns', () => {
    expect(concernsLocale({ locale: 'en' }, 'en')).toBe(true);
    expect(concernsLocale({ locale: 'en' }, 'es')).toBe(false);
    expect(concernsLocale({ locale: '*' }, 'es')).toBe(true);
    expect(concernsLocale({ locale: null }, 'es')).toBe(true);
  });
});
