import type { Pinia } from 'pinia';
import type { RouteLocationNormalizedLoaded } from 'vue-router';
import type { Locale } from '@/api/types';
import { localeFromPath } from '@/composables/useLocale';
import { useSettingsStore } from '@/stores/settings';

export interface PageDataContext {
  route: RouteLocationNormalizedLoaded;
  locale: Locale;
  /** Passed explicitly: the renderer renders several pages at once, each with its own Pinia. */
  pinia: Pinia;
}

declare module 'vue-router' {
  interface RouteMeta {
    /** Loads what the page shows into the stores (see loadPageData). */
    load?: (context: PageDataContext) => Promise<unknown>;
  }
}

/**
 * Loads everything a page shows: the site settings (header, crisis help, footer) and what its
 * route's `meta.load` asks for. The renderer awaits it before rendering a page, so the HTML is
 * complete; in the browser every navigation starts it, and the page shows each part as it
 * arrives. Store loads never reject, so neither does this.
 */
export async function loadPageData(
  route: RouteLocationNormalizedLoaded,
  pinia: Pinia,
): Promise<void> {
  const locale = localeFromPath(route.path);
  await Promise.all([
    useSettingsStore(pinia).load(locale),
    route.meta.load?.({ route, locale, pinia }),
  ]);
}
