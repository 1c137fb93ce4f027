import { http } from './client';
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

async function getList<T>(path: string, params: Params): Promise<T[]> {
  try {
    const res = await http.get<StrapiListResponse<T>>(path, { params });
    const body: unknown = res.data;
    if (!isObject(body) || !Array.isArray(body.data)) {
      throw new ApiError('server', 'Unexpected response');
    }
    return body.data as T[];
  } catch (error) {
    throw toApiError(error);
  }
}

async function getSingle<T>(path: string, params: Params): Promise<T> {
  try {
    const res = await http.get<StrapiSingleResponse<T>>(path, { params });
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

const byOrder = { sort: ['order:asc'], pagination: { pageSize: LIST_PAGE_SIZE } };

/** `GET /api/site-setting?locale=..` (single type). */
export function getSiteSetting(locale: Locale): Promise<SiteSetting> {
  return getSingle<SiteSetting>('/site-setting', { locale });
}

/** `GET /api/articles?locale=..`: every published article, without bodies. */
export function getArticles(locale: Locale): Promise<ArticleSummary[]> {
  return getList<ArticleSummary>('/articles', {
    locale,
    fields: ['title', 'slug', 'summary', 'lastReviewed'],
    populate: { cover: true },
    sort: ['title:asc'],
    pagination: { pageSize: LIST_PAGE_SIZE },
  });
}

/** One article by its slug in a locale. Throws ApiError('not-found') when there is none. */
export async function getArticleBySlug(locale: Locale, slug: string): Promise<Article> {
  const list = await getList<Article>('/articles', {
    locale,
    filters: { slug: { $eq: slug } },
    populate: {
      cover: true,
      seo: true,
      references: true,
      faqs: { fields: ['question', 'order'] },
    },
    pagination: { pageSize: 1 },
  });
  const article = list[0];
  if (!article) throw new ApiError('not-found', 'Not found', 404);
  return article;
}

/**
 * The same article (documentId is shared across locales) in another locale.
 * Throws ApiError('not-found') when it has not been translated (or published) yet.
 */
export function getArticleTranslation(documentId: string, locale: Locale): Promise<ArticleRef> {
  return getSingle<ArticleRef>(`/articles/${encodeURIComponent(documentId)}`, {
    locale,
    fields: ['title', 'slug'],
  });
}

/** `GET /api/faqs?locale=..&sort=order:asc`. */
export function getFaqs(locale: Locale): Promise<Faq[]> {
  return getList<Faq>('/faqs', { locale, ...byOrder });
}

/** `GET /api/risk-factors?locale=..&sort=order:asc`. */
export function getRiskFactors(locale: Locale): Promise<RiskFactor[]> {
  return getList<RiskFactor>('/risk-factors', { locale, ...byOrder });
}
