import type { Pinia } from 'pinia';
import type { RouteLocationNormalizedLoaded } from 'vue-router';
import type { CmsApi } from '@/api';
import type { MessageKey } from '@/i18n';
import { localeFromPath, type Locale } from '@/shared/locales';
import { loadQuery } from '@/stores/content';

export interface PageDataContext {
  route: RouteLocationNormalizedLoaded;
  locale: Locale;
  /** Passed explicitly: the renderer renders several pages at once, each with its own Pinia. */
  pinia: Pinia;
}

/** How the renderer prerenders a route (see web/renderer/pages.ts). */
export interface Prerender {
  /**
   * The paths of a route with parameters (one page per document), without the `/es` prefix,
   * e.g. `/articles/<slug>` for every published article in `locale`. A route without parameters
   * is rendered at its own path and needs none.
   */
  paths?: (context: { api: CmsApi; locale: Locale }) => Promise<string[]>;
  /** Listed in the sitemap and indexable (default true). */
  sitemap?: boolean;
  /**
   * In the site search (web/renderer/search-index.ts). `true`: the page is one result (its
   * `<main>`). A function: the page's results one by one instead, each leading to an anchor on
   * the page (the FAQ: one result per question, its answer as the excerpt). Default: not searched.
   */
  search?: true | ((context: { api: CmsApi; locale: Locale }) => Promise<SearchRecord[]>);
}

/** A result for a part of a page: `#anchor` on it, with its own title and text. */
export interface SearchRecord {
  /** An element id on the page (`faq-<documentId>`). */
  anchor: string;
  title: string;
  /** Plain text. */
  text: string;
}

declare module 'vue-router' {
  interface RouteMeta {
    /** Loads what the page shows into the content store (see loadPageData). */
    load?: (context: PageDataContext) => Promise<unknown>;
    /** The renderer writes this route's pages as files. Every route with `load` has it. */
    prerender?: Prerender;
    /** Linked from the header and the footer, with this UI string as its label. */
    nav?: MessageKey;
  }
}

/**
 * Loads everything a page shows: the site settings (header, crisis help, footer) and what its
 * route's `meta.load` asks for. The renderer awaits it before rendering a page, so the HTML is
 * complete; in the browser every navigation starts it, and the page shows each part as it
 * arrives. Loads never reject, so neither does this.
 */
export async function loadPageData(
  route: RouteLocationNormalizedLoaded,
  pinia: Pinia,
): Promise<void> {
  const locale = localeFromPath(route.path);
  await Promise.all([
    loadQuery(pinia, 'getSiteSetting', locale),
    route.meta.load?.({ route, locale, pinia }),
  ]);
}
