import { describe, expect, it } from 'vitest';
import { createAppI18n, loadLocaleMessages } from '@/i18n';
import es from '@/i18n/es';

describe('UI strings', () => {
  it('English ships in the entry; Spanish is loaded on demand', async () => {
    const i18n = createAppI18n('es');
    expect(i18n.availableLocales).toEqual(['en']);
    // Before loading, English is the fallback.
    expect(i18n.t('nav.home')).toBe('Home');

    await loadLocaleMessages(i18n, 'es');
    expect(i18n.availableLocales).toContain('es');
    expect(i18n.t('nav.home')).toBe('Inicio');
  });

  it('is a no-op for English', async () => {
    const i18n = createAppI18n('en');
    await loadLocaleMessages(i18n, 'en');
    expect(i18n.availableLocales).toEqual(['en']);
  });

  it('follows the locale and falls back to English, then to the key', async () => {
    const i18n = createAppI18n('en');
    await loadLocaleMessages(i18n, 'es');
    expect(i18n.t('faq.title')).toBe('Questions and answers');
    i18n.locale.value = 'es';
    expect(i18n.t('faq.title')).toBe('Preguntas y respuestas');
    i18n.setLocaleMessages('es', { ...es, faq: {} } as never);
    expect(i18n.t('faq.title')).toBe('Questions and answers');
    expect(i18n.t('no.such.key' as never)).toBe('no.such.key');
  });
});
