import { renderToString } from 'vue/server-renderer';
import { createMemoryHistory } from 'vue-router';
import { createHead, transformHtmlTemplate } from '@unhead/vue/server';
import { createSiteApp } from './app';
import type { CmsApi } from './api';
import type { Locale } from './shared/locales';
import { loadPageData } from './router/pageData';
import type { ResourceState } from './stores/resource';
import { pageStateScript } from './ssr/pageState';
import type { RenderContext } from './ssr/renderContext';

export interface RenderOptions {
  /** The content to render from (the renderer's snapshot of the CMS). */
  api: CmsApi;
  /** The site's public origin, for canonical and alternate links. */
  siteUrl: string;
  /** The built client's index.html. */
  template: string;
}

export interface RenderedPage {
  html: string;
  /** The route that matched: 'not-found' for an unknown path. */
  routeName: string;
  /** The page shows "not found" (an unknown path, or an article that is not published). */
  notFound: boolean;
  /** Not for search engines (no sitemap entry). */
  noindex: boolean;
  /** The page's path in each language it exists in (its hreflang links). */
  alternates: Partial<Record<Locale, string>>;
}

/** A part of the page could not be loaded: the page must not be written with an error view. */
export class PageDataError extends Error {
  constructor(url: string, what: string[]) {
    super(`${url}: could not load ${what.join(', ')}`);
    this.name = 'PageDataError';
  }
}

/**
 * Renders one page of the site to a complete HTML document: the app's markup, its head tags, the
 * state it was rendered from (for hydration). The app's scripts are fetched after the first paint
 * (src/entry-client.ts).
 */
export async function renderPage(url: string, options: RenderOptions): Promise<RenderedPage> {
  const head = createHead();
  const { app, router, pinia } = createSiteApp({
    ssr: true,
    history: createMemoryHistory(),
    head,
    api: options.api,
    siteUrl: options.siteUrl,
  });
  await router.push(url);
  await router.isReady();
  const route = router.currentRoute.value;
  await loadPageData(route, pinia);

  const failed = failedResources(pinia.state.value);
  if (failed.length > 0) throw new PageDataError(url, failed);

  const context: RenderContext = { pageMeta: [] };
  const appHtml = await renderToString(app, context);
  const stores = pinia.state.value;
  // Functions as replacements: `$` in the content must not be read as a replacement pattern.
  const html = options.template
    .replace('<!--app-html-->', () => appHtml)
    .replace('<!--app-state-->', () => pageStateScript({ stores, siteUrl: options.siteUrl }));
  const metas = context.pageMeta.map((source) => source());
  return {
    html: transformHtmlTemplate(head, html),
    routeName: String(route.name ?? ''),
    notFound: metas.some((meta) => meta.status === 404),
    noindex: metas.some((meta) => meta.noindex),
    alternates: metas.find((meta) => meta.alternates)?.alternates ?? {},
  };
}

/**
 * Resources that failed other than with a definite "not found" (an article without a
 * translation is a fact the page shows; an unreachable CMS is not).
 */
function failedResources(state: Record<string, unknown>): string[] {
  const failed: string[] = [];
  for (const [store, value] of Object.entries(state)) {
    for (const [map, entries] of Object.entries(value as Record<string, unknown>)) {
      for (const [key, entry] of Object.entries(
        entries as Record<string, ResourceState<unknown>>,
      )) {
        if (entry?.status === 'error' && entry.error?.kind !== 'not-found') {
          failed.push(`${store}.${map}[${key.replace(/\0/g, '/')}]`);
        }
      }
    }
  }
  return failed;
}
