/**
 * The site's languages and how they map to paths: English pages are unprefixed, Spanish ones live
 * under `/es` with the same segments (`/faq`, `/es/faq`). Plain functions, shared by the app (its
 * composables, the router) and the renderer, which imports nothing else of the app's internals.
 */

export type Locale = 'en' | 'es';

export const LOCALES: readonly Locale[] = ['en', 'es'];
export const DEFAULT_LOCALE: Locale = 'en';

export function isLocale(value: unknown): value is Locale {
  return (LOCALES as readonly unknown[]).includes(value);
}

/** The language of a site path. */
export function localeFromPath(path: string): Locale {
  return path === '/es' || path.startsWith('/es/') ? 'es' : 'en';
}

/** Removes the locale prefix: `/es/faq` → `/faq`, `/es` → `/`. */
export function stripLocale(path: string): string {
  if (localeFromPath(path) === 'en') return path || '/';
  const rest = path.slice(3);
  return rest === '' ? '/' : rest;
}

/** A site path (`/faq`, `/`) for a locale: `/es/faq`, `/es`. */
export function localizePath(path: string, locale: Locale): string {
  const clean = path.startsWith('/') ? path : `/${path}`;
  if (locale === 'en') return clean;
  return clean === '/' ? '/es' : `/es${clean}`;
}

export function otherLocale(locale: Locale): Locale {
  return locale === 'en' ? 'es' : 'en';
}
