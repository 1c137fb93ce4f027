import { createI18n } from 'vue-i18n';
import en, { type MessageSchema } from './en';
import type { Locale } from '@/api/types';

export const LOCALES: readonly Locale[] = ['en', 'es'];
export const DEFAULT_LOCALE: Locale = 'en';

/**
 * English strings ship in the entry chunk (default and fallback); Spanish ones are a separate
 * chunk loaded before the first Spanish page renders (see loadLocaleMessages).
 */
export function createAppI18n(
  locale: Locale = DEFAULT_LOCALE,
  extra: Partial<Record<Locale, MessageSchema>> = {},
) {
  const messages: Record<string, MessageSchema> = { en, ...extra };
  return createI18n({
    legacy: false,
    locale,
    fallbackLocale: DEFAULT_LOCALE,
    messages,
    missingWarn: false,
    fallbackWarn: false,
  });
}

export type AppI18n = ReturnType<typeof createAppI18n>;

const loaders: Record<Exclude<Locale, 'en'>, () => Promise<{ default: MessageSchema }>> = {
  es: () => import('./es'),
};

/** Makes sure a locale's UI strings are loaded. Never rejects (falls back to English). */
export async function loadLocaleMessages(i18n: AppI18n, locale: Locale): Promise<void> {
  if (locale === 'en' || i18n.global.availableLocales.includes(locale)) return;
  try {
    const messages = (await loaders[locale]()).default;
    i18n.global.setLocaleMessage(locale, messages);
  } catch {
    // Offline or a stale deployment: English strings remain as the fallback.
  }
}
