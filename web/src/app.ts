import { createApp, createSSRApp } from 'vue';
import { createPinia, type StateTree } from 'pinia';
import type { RouterHistory } from 'vue-router';
import type { VueHeadClient } from '@unhead/vue';
import App from './App.vue';
import { createAppRouter } from './router';
import { loadPageData } from './router/pageData';
import { createAppI18n, loadLocaleMessages } from './i18n';
import { CMS_API } from './api/provide';
import type { CmsApi } from './api';
import { localeFromPath } from './composables/useLocale';
import { SITE_URL } from './composables/useSiteUrl';

export interface SiteAppOptions {
  /** The markup is rendered on the server (and hydrated in the browser). */
  ssr: boolean;
  history: RouterHistory;
  /** The head manager: `createHead` from `@unhead/vue/server` or `@unhead/vue/client`. */
  head: VueHeadClient;
  /** Where the stores read content from; the CMS over HTTP when not given. */
  api?: CmsApi;
  /** The site's public origin; the browser's own when not given. */
  siteUrl?: string;
  /** Pinia state to start from (a prerendered page's). */
  initialState?: Record<string, StateTree>;
}

/**
 * One instance of the site: app, router, Pinia, UI strings and head, fresh for every page the
 * renderer renders and once in the browser. Nothing is shared between instances.
 */
export function createSiteApp({ ssr, history, head, api, siteUrl, initialState }: SiteAppOptions) {
  const app = ssr ? createSSRApp(App) : createApp(App);
  const pinia = createPinia();
  // Before any store exists: stores take their initial values from it.
  if (initialState) pinia.state.value = initialState;
  const i18n = createAppI18n();
  const router = createAppRouter(history);

  if (api) app.provide(CMS_API, api);
  if (siteUrl) app.provide(SITE_URL, siteUrl);
  app.use(pinia);
  app.use(i18n);
  app.use(router);
  app.use(head);

  // UI strings for the target language are in place before its page renders.
  router.beforeEach(async (to) => {
    const locale = localeFromPath(to.path);
    await loadLocaleMessages(i18n, locale);
    i18n.locale.value = locale;
  });
  // Every navigation loads what the page shows (already there on a prerendered first page).
  router.afterEach((to, _from, failure) => {
    if (!failure) void loadPageData(to, pinia);
  });

  return { app, router, pinia, i18n, head };
}

export type SiteApp = ReturnType<typeof createSiteApp>;
