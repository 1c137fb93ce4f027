import { createWebHistory } from 'vue-router';
import { createHead } from '@unhead/vue/client';
import { createSiteApp } from './app';
import { readPageState } from './ssr/pageState';

// The app, taking over a prerendered page (loaded by entry-client.ts once the page is painted).
// A prerendered page carries the state it was rendered from: hydrate it without fetching again.
// Without one (the dev server), the browser renders the page itself.
const state = readPageState(document);
const { app, router } = createSiteApp({
  ssr: state !== null,
  history: createWebHistory(import.meta.env.BASE_URL),
  head: createHead(),
  siteUrl: state?.siteUrl,
  initialState: state?.stores,
});

// Mount once the first route (and its lazy view) is resolved, so the first render matches; in a
// task of its own, not the one that built the app: on a slow phone each takes tens of
// milliseconds, and one long task would hold up a first tap for both.
router
  .isReady()
  .catch(() => undefined)
  .then(() => new Promise((resolve) => setTimeout(resolve, 0)))
  .then(() => app.mount('#app'));
