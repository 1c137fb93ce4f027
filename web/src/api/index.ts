import type { AxiosInstance } from 'axios';
import { ApiError, toApiError } from './errors';
import type {
  Article,
  ArticleRef,
  ArticleSummary,
  Faq,
  Locale,
  RiskFactor,
  SiteSetting,
  StrapiListResponse,
  StrapiSingleResponse,
} from './types';

export { ApiError, isApiError, toApiError } from './errors';
export type { ApiErrorKind } from './errors';
export * from './types';

/** Strapi caps pageSize at 100 (`maxLimit`). */
const LIST_PAGE_SIZE = 100;

type Params = Record<string, unknown>;

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

/** What the site reads from the CMS: one function per query. */
export interface CmsApi {
  getSiteSetting(locale: Locale): Promise<SiteSetting>;
  getArticles(locale: Locale): Promise<ArticleSummary[]>;
  getArticleBySlug(locale: Locale, slug: string): Promise<Article>;
  getArticleTranslation(documentId: string, locale: Locale): Promise<ArticleRef>;
  getFaqs(locale: Locale): Promise<Faq[]>;
  getRiskFactors(locale: Locale): Promise<RiskFactor[]>;
}

/** What an article page shows besides the article's own fields. */
export const ARTICLE_POPULATE = {
  cover: true,
  seo: true,
  references: true,
  faqs: { fields: ['question', 'order'] },
} as const;

/** The fields of an article in the list (no body). */
export const ARTICLE_LIST_FIELDS = ['title', 'slug', 'summary', 'lastReviewed'] as const;

const byOrder = { sort: ['order:asc'], pagination: { pageSize: LIST_PAGE_SIZE } };

/**
 * The queries of `CmsApi` over an HTTP client for the CMS's REST API, and the few more the
 * renderer needs to fetch the whole site in bulk.
 */
export function createCmsApi(client: AxiosInstance) {
  async function getList<T>(path: string, params: Params): Promise<T[]> {
    return (await getPage<T>(path, params)).data;
  }

  async function getPage<T>(path: string, params: Params): Promise<StrapiListResponse<T>> {
    try {
      const res = await client.get<StrapiListResponse<T>>(path, { params });
      const body: unknown = res.data;
      if (!isObject(body) || !Array.isArray(body.data)) {
        throw new ApiError('server', 'Unexpected response');
      }
      return body as unknown as StrapiListResponse<T>;
    } catch (error) {
      throw toApiError(error);
    }
  }

  async function getSingle<T>(path: string, params: Params): Promise<T> {
    try {
      const res = await client.get<StrapiSingleResponse<T>>(path, { params });
      const body: unknown = res.data;
      if (!isObject(body) || !('data' in body)) {
        throw new ApiError('server', 'Unexpected response');
      }
      if (!isObject(body.data)) throw new ApiError('not-found', 'Not found', 404);
      return body.data as T;
    } catch (error) {
      throw toApiError(error);
    }
  }

  return {
    /** `GET /api/site-setting?locale=..` (single type). */
    getSiteSetting(locale: Locale): Promise<SiteSetting> {
      return getSingle<SiteSetting>('/site-setting', { locale });
    },

    /** `GET /api/articles?locale=..`: every published article, without bodies. */
    getArticles(locale: Locale): Promise<ArticleSummary[]> {
      return getList<ArticleSummary>('/articles', {
        locale,
        fields: ARTICLE_LIST_FIELDS,
        populate: { cover: true },
        sort: ['title:asc'],
        pagination: { pageSize: LIST_PAGE_SIZE },
      });
    },

    /** One article by its slug in a locale. Throws ApiError('not-found') when there is none. */
    async getArticleBySlug(locale: Locale, slug: string): Promise<Article> {
      const list = await getList<Article>('/articles', {
        locale,
        filters: { slug: { $eq: slug } },
        populate: ARTICLE_POPULATE,
        pagination: { pageSize: 1 },
      });
      const article = list[0];
      if (!article) throw new ApiError('not-found', 'Not found', 404);
      return article;
    },

    /**
     * Whole articles, as getArticleBySlug returns each, a page at a time (for the renderer,
     * which needs every article without a request per article).
     */
    getArticlesPage(
      locale: Locale,
      page: number,
      filters?: Record<string, unknown>,
    ): Promise<StrapiListResponse<Article>> {
      return getPage<Article>('/articles', {
        locale,
        ...(filters ? { filters } : {}),
        populate: ARTICLE_POPULATE,
        // documentId, not id: publishing gives the published row a new id, so an article
        // republished between two pages would move from one page to a later one and be missed.
        sort: ['documentId:asc'],
        pagination: { page, pageSize: LIST_PAGE_SIZE },
      });
    },

    /** One whole article by documentId (as getArticleBySlug returns it); 'not-found' if none. */
    getArticle(documentId: string, locale: Locale): Promise<Article> {
      return getSingle<Article>(`/articles/${encodeURIComponent(documentId)}`, {
        locale,
        populate: ARTICLE_POPULATE,
      });
    },

    /**
     * The same article (documentId is shared across locales) in another locale.
     * Throws ApiError('not-found') when it has not been translated (or published) yet.
     */
    getArticleTranslation(documentId: string, locale: Locale): Promise<ArticleRef> {
      return getSingle<ArticleRef>(`/articles/${encodeURIComponent(documentId)}`, {
        locale,
        fields: ['title', 'slug'],
      });
    },

    /** `GET /api/faqs?locale=..&sort=order:asc`. */
    getFaqs(locale: Locale): Promise<Faq[]> {
      return getList<Faq>('/faqs', { locale, ...byOrder });
    },

    /** `GET /api/risk-factors?locale=..&sort=order:asc`. */
    getRiskFactors(locale: Locale): Promise<RiskFactor[]> {
      return getList<RiskFactor>('/risk-factors', { locale, ...byOrder });
    },
  };
}

/**
 * The browser's API: the CMS on this origin (or VITE_CMS_URL). The HTTP client (axios, qs) is
 * loaded with the first request, not with the page: a prerendered page carries its data, and
 * hydrating it needs no request at all.
 */
let http: Promise<CmsApi> | null = null;
const loadHttpApi = () => (http ??= import('./http').then((module) => module.httpApi));

export const cmsApi: CmsApi = {
  getSiteSetting: async (locale) => (await loadHttpApi()).getSiteSetting(locale),
  getArticles: async (locale) => (await loadHttpApi()).getArticles(locale),
  getArticleBySlug: async (locale, slug) => (await loadHttpApi()).getArticleBySlug(locale, slug),
  getArticleTranslation: async (documentId, locale) =>
    (await loadHttpApi()).getArticleTranslation(documentId, locale),
  getFaqs: async (locale) => (await loadHttpApi()).getFaqs(locale),
  getRiskFactors: async (locale) => (await loadHttpApi()).getRiskFactors(locale),
};

export const {
  getSiteSetting,
  getArticles,
  getArticleBySlug,
  getArticleTranslation,
  getFaqs,
  getRiskFactors,
} = cmsApi;

export type HttpCmsApi = ReturnType<typeof createCmsApi>;
