import {
  createRouter,
  createWebHistory,
  type RouteRecordRaw,
  type RouterHistory,
} from 'vue-router';
import HomeView from '@/views/HomeView.vue';
import { otherLocale } from '@/composables/useLocale';
import { requestPageFocus } from '@/composables/usePageFocus';
import { useArticlesStore } from '@/stores/articles';
import { useFaqsStore } from '@/stores/faqs';
import { useRiskFactorsStore } from '@/stores/riskFactors';
import type { PageDataContext } from './pageData';

/** English pages are unprefixed, Spanish ones live under `/es`. */
const L = '/:locale(es)?';

/** The article, and its slug in the other language (for the language switch and hreflang). */
async function loadArticlePage({ route, locale, pinia }: PageDataContext): Promise<void> {
  const articles = useArticlesStore(pinia);
  const slug = typeof route.params.slug === 'string' ? route.params.slug : '';
  await articles.loadArticle(locale, slug);
  const documentId = articles.articleState(locale, slug).data?.documentId;
  if (documentId) await articles.loadTranslation(documentId, otherLocale(locale));
}

export const routes: RouteRecordRaw[] = [
  {
    path: L,
    name: 'home',
    component: HomeView,
    meta: {
      load: ({ locale, pinia }) =>
        Promise.all([
          useArticlesStore(pinia).loadList(locale),
          useRiskFactorsStore(pinia).load(locale),
          useFaqsStore(pinia).load(locale),
        ]),
    },
  },
  {
    path: `${L}/articles`,
    name: 'articles',
    component: () => import('@/views/ArticlesView.vue'),
    meta: { load: ({ locale, pinia }) => useArticlesStore(pinia).loadList(locale) },
  },
  {
    path: `${L}/articles/:slug`,
    name: 'article',
    component: () => import('@/views/ArticleView.vue'),
    meta: { load: loadArticlePage },
  },
  {
    path: `${L}/faq`,
    name: 'faq',
    component: () => import('@/views/FaqView.vue'),
    meta: { load: ({ locale, pinia }) => useFaqsStore(pinia).load(locale) },
  },
  {
    path: `${L}/risk-factors`,
    name: 'risk-factors',
    component: () => import('@/views/RiskFactorsView.vue'),
    meta: { load: ({ locale, pinia }) => useRiskFactorsStore(pinia).load(locale) },
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
