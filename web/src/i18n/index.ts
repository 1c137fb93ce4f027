import { inject, ref, shallowReactive, type App, type InjectionKey, type Ref } from 'vue';
import en, { type MessageSchema } from './en';
import { DEFAULT_LOCALE, type Locale } from '@/shared/locales';

export type { MessageSchema };

export { DEFAULT_LOCALE, LOCALES } from '@/shared/locales';

/** Every dotted path to a string in the schema: 'nav.home', 'crisis.call988', … */
export type MessageKey = KeyPaths<MessageSchema>;
type KeyPaths<T> = {
  [K in keyof T & string]: T[K] extends string ? K : `${K}.${KeyPaths<T[K]>}`;
}[keyof T & string];

/**
 * The site's UI strings. They are plain text (no interpolation, plurals or linked messages: see
 * __tests__/messages.spec.ts), so a lookup by key is all a translation needs; a full i18n library
 * would cost ~11 KB gzip of the first page's JavaScript for features the site does not use.
 */
export interface AppI18n {
  /** The language UI strings are shown in; follows the route (see app.ts). */
  locale: Ref<Locale>;
  /** The string for a key in the current locale, else English, else the key itself. */
  t(key: MessageKey): string;
  /** Locales whose strings are loaded. */
  readonly availableLocales: Locale[];
  setLocaleMessages(locale: Locale, messages: MessageSchema): void;
  install(app: App): void;
}

const I18N: InjectionKey<AppI18n> = Symbol('i18n');

function lookup(messages: MessageSchema | undefined, key: string): string | undefined {
  let node: unknown = messages;
  for (const part of key.split('.')) {
    if (typeof node !== 'object' || node === null) return undefined;
    node = (node as Record<string, unknown>)[part];
  }
  return typeof node === 'string' ? node : undefined;
}

/**
 * English strings ship in the entry chunk (default and fallback); Spanish ones are a separate
 * chunk loaded before the first Spanish page renders (see loadLocaleMessages).
 */
export function createAppI18n(
  locale: Locale = DEFAULT_LOCALE,
  extra: Partial<Record<Locale, MessageSchema>> = {},
): AppI18n {
  const messages = shallowReactive<Partial<Record<Locale, MessageSchema>>>({ en, ...extra });
  const current = ref<Locale>(locale);
  const i18n: AppI18n = {
    locale: current,
    t: (key) => lookup(messages[current.value], key) ?? lookup(messages.en, key) ?? key,
    get availableLocales() {
      return Object.keys(messages) as Locale[];
    },
    setLocaleMessages(code, value) {
      messages[code] = value;
    },
    install(app) {
      app.provide(I18N, i18n);
    },
  };
  return i18n;
}

/** The app's UI strings, in components and composables. */
export function useI18n(): Pick<AppI18n, 't' | 'locale'> {
  const i18n = inject(I18N);
  if (!i18n) throw new Error('useI18n() needs the app to use createAppI18n()');
  return { t: i18n.t, locale: i18n.locale };
}

const loaders: Record<Exclude<Locale, 'en'>, () => Promise<{ default: MessageSchema }>> = {
  es: () => import('./es'),
};

/** Makes sure a locale's UI strings are loaded. Never rejects (falls back to English). */
export async function loadLocaleMessages(i18n: AppI18n, locale: Locale): Promise<void> {
  if (locale === 'en' || i18n.availableLocales.includes(locale)) return;
  try {
    i18n.setLocaleMessages(locale, (await loaders[locale]()).default);
  } catch {
    // Offline or a stale deployment: English strings remain as the fallback.
  }
}
