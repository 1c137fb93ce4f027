import { computed } from 'vue';
import { useRoute } from 'vue-router';
import { localeFromPath, localizePath, type Locale } from '@/shared/locales';

export { localeFromPath, localizePath, otherLocale, stripLocale } from '@/shared/locales';

/** The current page's language, and a helper that puts a path in it. */
export function useLocale() {
  const route = useRoute();
  const locale = computed<Locale>(() => localeFromPath(route.path));
  const path = (p: string) => localizePath(p, locale.value);
  return { locale, path };
}
