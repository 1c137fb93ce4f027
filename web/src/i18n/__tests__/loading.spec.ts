import { describe, expect, it } from 'vitest';
import { createAppI18n, loadLocaleMessages } from '@/i18n';

describe('loadLocaleMessages', () => {
  it('English ships in the entry; Spanish is loaded on demand', async () => {
    const i18n = createAppI18n('es');
    expect(i18n.global.availableLocales).toEqual(['en']);
    // Before loading, English is the fallback.
    expect(i18n.global.t('nav.home')).toBe('Home');

    await loadLocaleMessages(i18n, 'es');
    expect(i18n.global.availableLocales).toContain('es');
    expect(i18n.global.t('nav.home')).toBe('Inicio');
  });

  it('is a no-op for English', async () => {
    const i18n = createAppI18n('en');
    await loadLocaleMessages(i18n, 'en');
    expect(i18n.global.availableLocales).toEqual(['en']);
  });
});
