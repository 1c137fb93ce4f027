import {
  createRouter,
  createWebHistory,
  type RouteRecordRaw,
  type RouterHistory,
} from 'vue-router';
import HomeView from '@/views/HomeView.vue';
import { otherLocale, type Locale } from '@/shared/locales';
import { requestPageFocus } from '@/composables/usePageFocus';
import { loadQuery, useContentStore } from '@/stores/content';
import type { CmsApi } from '@/api';
import { blocksToText } from '@/components/BlocksRenderer';
import type { PageDataContext } from './pageData';
import { LOCALE_PREFIX as L } from './paths';

/** The article, and its slug in the other language (for the language switch and hreflang). */
async function loadArticlePage({ route, locale, pinia }: PageDataContext): Promise<void> {
  const content = useContentStore(pinia);
  const slug = typeof route.params.slug === 'string' ? route.params.slug : '';
  await content.load('getArticleBySlug', locale, slug);
  const documentId = content.state('getArticleBySlug', locale, slug).data?.documentId;
  if (documentId) await content.load('getArticleTranslation', documentId, otherLocale(locale));
}

/** One search result per question, at its anchor on the FAQ page, the answer as its excerpt. */
async function searchFaqs({ api, locale }: { api: CmsApi; locale: Locale }) {
  return (await api.getFaqs(locale)).map((faq) => ({
    anchor: `faq-${faq.documentId}`,
    title: faq.question,
    text: blocksToText(faq.answer),
  }));
}

/**
 * The site's pages. Each route says what it loads (`meta.load`), whether and how the renderer
 * prerenders it (`meta.prerender`, required with `load`: a test checks it; `prerender.search`:
 * whether and how its pages are in the site search) and whether the
 * navigation links it (`meta.nav`). The renderer, the sitemap and the navigation all read this
 * list; there is no second one.
 */
export const routes: RouteRecordRaw[] = [
  {
    path: L,
    name: 'home',
    component: HomeView,
    meta: {
      nav: 'nav.home',
      prerender: {},
      load: ({ locale, pinia }) =>
        Promise.all([
          loadQuery(pinia, 'getArticles', locale),
          loadQuery(pinia, 'getRiskFactors', locale),
          loadQuery(pinia, 'getFaqs', locale),
        ]),
    },
  },
  {
    path: `${L}/articles`,
    name: 'articles',
    component: () => import('@/views/ArticlesView.vue'),
    meta: {
      nav: 'nav.articles',
      prerender: {},
      load: ({ locale, pinia }) => loadQuery(pinia, 'getArticles', locale),
    },
  },
  {
    path: `${L}/articles/:slug`,
    name: 'article',
    component: () => import('@/views/ArticleView.vue'),
    meta: {
      load: loadArticlePage,
      prerender: {
        search: true,
        paths: async ({ api, locale }) =>
          (await api.getAllArticles(locale)).map((article) => `/articles/${article.slug}`),
      },
    },
  },
  {
    path: `${L}/faq`,
    name: 'faq',
    component: () => import('@/views/FaqView.vue'),
    meta: {
      nav: 'nav.faq',
      prerender: { search: searchFaqs },
      load: ({ locale, pinia }) => loadQuery(pinia, 'getFaqs', locale),
    },
  },
  {
    path: `${L}/risk-factors`,
    name: 'risk-factors',
    component: () => import('@/views/RiskFactorsView.vue'),
    meta: {
      nav: 'nav.riskFactors',
      prerender: { search: true },
      load: ({ locale, pinia }) => loadQuery(pinia, 'getRiskFactors', locale),
    },
  },
  {
    path: `${L}/glossary`,
    name: 'glossary',
    component: () => import('@/views/GlossaryView.vue'),
    meta: {
      nav: 'nav.glossary',
      prerender: { search: true },
      load: ({ locale, pinia }) => loadQuery(pinia, 'getGlossaryTerms', locale),
    },
  },
  {
    // `?article=<slug in the other language>`: shown when a translation does not exist yet.
    // `?q=<words>`: results as the visitor types (in the browser, from the static index). The
    // prerendered page, for a visitor without JavaScript, says so and lists the site's sections.
    // Same segment in Spanish (`/es/search`), as every other page (`/es/faq`).
    path: `${L}/search`,
    name: 'search',
    component: () => import('@/views/SearchView.vue'),
    meta: { prerender: { sitemap: false } },
  },
  {
    path: `${L}/not-translated`,
    name: 'not-translated',
    component: () => import('@/views/TranslationMissingView.vue'),
    meta: { prerender: { sitemap: false } },
  },
  {
    // `?token=<signed token>` from the admin's "Open preview" button, under the draft's language
    // prefix (the CMS builds the link), so the page around the draft is in that language too.
    path: `${L}/preview`,
    name: 'preview',
    component: () => import('@/views/PreviewView.vue'),
    meta: { prerender: { sitemap: false } },
  },
  // Further routes go above this catch-all.
  {
    path: '/:pathMatch(.*)*',
    name: 'not-found',
    component: () => import('@/views/NotFoundView.vue'),
    // Written once per language as 404.html, the page servers answer a missing path with.
    meta: { prerender: { paths: async () => ['/404'], sitemap: false } },
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
