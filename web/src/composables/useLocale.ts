import { computed } from 'vue';
import { useRoute } from 'vue-router';
import type { Locale } from '@/api/types';

/** Spanish pages live under `/es`; English is unprefixed. */
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

export function useLocale() {
  const route = useRoute();
  const locale = computed<Locale>(() => localeFromPath(route.path));
  const path = (p: string) => localizePath(p, locale.value);
  return { locale, path };
}
