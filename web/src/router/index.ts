import {
  createRouter,
  createWebHistory,
  type RouteRecordRaw,
  type RouterHistory,
} from 'vue-router';
import HomeView from '@/views/HomeView.vue';
import { requestPageFocus } from '@/composables/usePageFocus';

/** English pages are unprefixed, Spanish ones live under `/es`. */
const L = '/:locale(es)?';

export const routes: RouteRecordRaw[] = [
  { path: L, name: 'home', component: HomeView },
  {
    path: `${L}/articles`,
    name: 'articles',
    component: () => import('@/views/ArticlesView.vue'),
  },
  {
    path: `${L}/articles/:slug`,
    name: 'article',
    component: () => import('@/views/ArticleView.vue'),
  },
  { path: `${L}/faq`, name: 'faq', component: () => import('@/views/FaqView.vue') },
  {
    path: `${L}/risk-factors`,
    name: 'risk-factors',
    component: () => import('@/views/RiskFactorsView.vue'),
  },
  {
    // `?article=<slug in the other language>`: shown when a translation does not exist yet.
    path: `${L}/not-translated`,
    name: 'not-translated',
    component: () => import('@/views/TranslationMissingView.vue'),
  },
  {
    // `?token=<signed token>` from the admin's "Open preview" button, under the draft's language
    // prefix (the CMS builds the link), so the page around the draft is in that language too.
    path: `${L}/preview`,
    name: 'preview',
    component: () => import('@/views/PreviewView.vue'),
  },
  // Further routes go above this catch-all.
  {
    path: '/:pathMatch(.*)*',
    name: 'not-found',
    component: () => import('@/views/NotFoundView.vue'),
  },
];

function prefersReducedMotion(): boolean {
  return (
    typeof window !== 'undefined' &&
    typeof window.matchMedia === 'function' &&
    window.matchMedia('(prefers-reduced-motion: reduce)').matches
  );
}

export function createAppRouter(
  history: RouterHistory = createWebHistory(import.meta.env.BASE_URL),
) {
  const router = createRouter({
    history,
    routes,
    scrollBehavior(to, from, savedPosition) {
      if (savedPosition) return savedPosition;
      if (to.hash) return { el: to.hash, behavior: prefersReducedMotion() ? 'auto' : 'smooth' };
      if (to.path !== from.path) return { top: 0 };
      return false;
    },
  });

  router.afterEach((to, from, failure) => {
    // Not on first load: only client-side navigation moves focus to the new page's <h1>.
    if (!failure && from.matched.length > 0 && to.path !== from.path) requestPageFocus();
  });

  return router;
}
