import { createMemoryHistory, createRouter, type RouteRecordRaw } from 'vue-router';
import type { CmsApi } from '../src/api';
import { routes as siteRoutes } from '../src/router';
import type { Prerender, SearchRecord } from '../src/router/pageData';
import { staticPath } from '../src/router/paths';
import { LOCALES, localizePath, type Locale } from '../src/shared/locales';

/**
 * The site's pages, as its routes declare them (`meta.prerender` in src/router/index.ts): the
 * renderer has no list of its own. A route without parameters is one page per language; a route
 * with parameters lists its paths (an article route: one per published article).
 */

export interface PrerenderedRoute {
  name: string;
  /** In the sitemap. */
  sitemap: boolean;
  /** The paths of the route's pages in `locale`, without the `/es` prefix. */
  paths(api: CmsApi, locale: Locale): Promise<string[]>;
  /** In the site search: the whole page, its own records, or not at all (`prerender.search`). */
  search: true | ((api: CmsApi, locale: Locale) => Promise<SearchRecord[]>) | undefined;
}

export interface SitePage {
  /** The URL path the page is served at (`/es/faq`). */
  path: string;
  /** The file under the site directory (`es/faq.html`). */
  file: string;
  locale: Locale;
  /** The route it is a page of. */
  route: string;
  sitemap: boolean;
}

export function prerenderedRoutes(
  routes: readonly RouteRecordRaw[] = siteRoutes,
): PrerenderedRoute[] {
  return routes.flatMap((route) => {
    const prerender: Prerender | undefined = route.meta?.prerender;
    if (!prerender) return [];
    const name = String(route.name ?? route.path);
    const own = staticPath(route.path);
    const list = prerender.paths;
    const search = prerender.search;
    if (!list && own === null) {
      throw new Error(`Route "${name}" has parameters: its meta.prerender needs \`paths\`.`);
    }
    return [
      {
        name,
        sitemap: prerender.sitemap !== false,
        paths: list ? (api, locale) => list({ api, locale }) : async () => [own!],
        search: typeof search === 'function' ? (api, locale) => search({ api, locale }) : search,
      },
    ];
  });
}

/**
 * Path segments that are safe as a file name and a URL segment: what Strapi's uid fields allow
 * (`[A-Za-z0-9-_.~]`), not starting with a dot. A slug such as `..` never reaches the disk.
 */
const SAFE_SEGMENT = /^[A-Za-z0-9][A-Za-z0-9_~-]*(?:\.[A-Za-z0-9_~-]+)*$/;

export function isSafePath(path: string): boolean {
  if (path === '/') return true;
  return (
    path.length <= 400 &&
    path.startsWith('/') &&
    path
      .slice(1)
      .split('/')
      .every((segment) => segment.length <= 200 && SAFE_SEGMENT.test(segment))
  );
}

/** `/` → `index.html`, `/es` → `es.html`, `/es/faq` → `es/faq.html`. */
export function fileForPath(path: string): string {
  return path === '/' ? 'index.html' : `${path.slice(1)}.html`;
}

/** The path a page file is served at (the inverse of fileForPath). */
export function pathForFile(file: string): string {
  return file === 'index.html' ? '/' : `/${file.replace(/\.html$/, '')}`;
}

export function sitePage(route: PrerenderedRoute, locale: Locale, path: string): SitePage {
  const localized = localizePath(path, locale);
  return {
    path: localized,
    file: fileForPath(localized),
    locale,
    route: route.name,
    sitemap: route.sitemap,
  };
}

export const SITE_LOCALES = LOCALES;

/** The name of the route a path is a page of (for files on disk from an earlier render). */
export function routeMatcher(routes: readonly RouteRecordRaw[] = siteRoutes) {
  const router = createRouter({ history: createMemoryHistory(), routes: [...routes] });
  return (path: string): string => String(router.resolve(path).name ?? '');
}
