import type { ContentUid, FieldName, PopulateName } from '@clinic/contract';
import type { Locale } from '@/shared/locales';
import { ApiError } from './errors';
import type { ContentQuery, QueryFetcher } from './query';
import {
  ARTICLE,
  FAQ,
  GLOSSARY_TERM,
  RISK_FACTOR,
  SITE_SETTING,
  type Article,
  type ArticleRef,
  type ArticleSummary,
  type Faq,
  type GlossaryTerm,
  type RiskFactor,
  type SiteSetting,
} from './types';

export { ApiError, isApiError, toApiError } from './errors';
export type { ApiErrorKind } from './errors';
export type { ContentQuery, QueryFetcher } from './query';
export * from './types';

/** A selection that names only what the schema of `U` has (checked by the type-checker). */
interface Select<U extends ContentUid> {
  fields?: readonly FieldName<U>[];
  populate?: { [K in PopulateName<U>]?: true | { fields: readonly string[] } };
  sort?: readonly `${FieldName<U>}:${'asc' | 'desc'}`[];
}

type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;

type Query<U extends ContentUid> = DistributiveOmit<ContentQuery, 'uid' | 'select'> & {
  uid: U;
  select?: Select<U>;
};

/** What an article page shows besides the article's own fields. */
export const ARTICLE_POPULATE = {
  cover: true,
  seo: true,
  references: true,
  faqs: { fields: ['question', 'order'] },
  relatedArticles: { fields: ['title', 'slug', 'summary'] },
} as const;

const byOrder = { sort: ['order:asc'] } as const;

/** The questions with the article each answer links to ("Read more"). */
const FAQ_SELECT = { ...byOrder, populate: { article: { fields: ['title', 'slug'] } } } as const;

/**
 * The site's reads, one function per question a page asks, over a QueryFetcher: HTTP in the
 * browser, the renderer's recorded answers when prerendering. To show a new content type, add
 * its function here (its fields are typed from the CMS schema), then a view and its route.
 */
export function createCmsApi(fetchQuery: QueryFetcher) {
  /** One document; ApiError('not-found') when there is none. */
  async function one<T, U extends ContentUid = ContentUid>(query: Query<U>): Promise<T> {
    const document = await fetchQuery(query as ContentQuery);
    if (document === null || document === undefined) {
      throw new ApiError('not-found', 'Not found', 404);
    }
    return document as T;
  }

  async function many<T, U extends ContentUid = ContentUid>(query: Query<U>): Promise<T[]> {
    return (await fetchQuery(query as ContentQuery)) as T[];
  }

  return {
    /** The site settings (header, crisis help, footer, home page). */
    getSiteSetting: (locale: Locale) =>
      one<SiteSetting, typeof SITE_SETTING>({ kind: 'single', uid: SITE_SETTING, locale }),

    /** Every published article, without bodies, in title order (the first 100). */
    getArticles: (locale: Locale) =>
      many<ArticleSummary, typeof ARTICLE>({
        kind: 'list',
        uid: ARTICLE,
        locale,
        select: {
          fields: ['title', 'slug', 'summary', 'lastReviewed'],
          populate: { cover: true },
          sort: ['title:asc'],
        },
      }),

    /** Every published article, whole (the renderer: one page per article). */
    getAllArticles: (locale: Locale) =>
      many<Article, typeof ARTICLE>({
        kind: 'all',
        uid: ARTICLE,
        locale,
        select: { populate: ARTICLE_POPULATE },
      }),

    /** One article by its slug in a locale. */
    getArticleBySlug: (locale: Locale, slug: string) =>
      one<Article, typeof ARTICLE>({
        kind: 'lookup',
        uid: ARTICLE,
        locale,
        by: { field: 'slug', value: slug },
        select: { populate: ARTICLE_POPULATE },
      }),

    /** The same article (documentId is shared across locales) in another locale. */
    getArticleTranslation: (documentId: string, locale: Locale) =>
      one<ArticleRef, typeof ARTICLE>({
        kind: 'lookup',
        uid: ARTICLE,
        locale,
        by: { documentId },
        select: { fields: ['title', 'slug'] },
      }),

    getFaqs: (locale: Locale) =>
      many<Faq, typeof FAQ>({ kind: 'list', uid: FAQ, locale, select: FAQ_SELECT }),

    getRiskFactors: (locale: Locale) =>
      many<RiskFactor, typeof RISK_FACTOR>({
        kind: 'list',
        uid: RISK_FACTOR,
        locale,
        select: byOrder,
      }),

    /** Every published glossary term (the page sorts them in its language's order). */
    getGlossaryTerms: (locale: Locale) =>
      many<GlossaryTerm, typeof GLOSSARY_TERM>({ kind: 'all', uid: GLOSSARY_TERM, locale }),
  };
}

export type CmsApi = ReturnType<typeof createCmsApi>;

/**
 * The browser's API: the CMS on this origin (or VITE_CMS_URL). The HTTP client (axios, qs) is
 * loaded with the first request, not with the page: a prerendered page carries its data, and
 * hydrating it needs no request at all.
 */
let http: Promise<QueryFetcher> | null = null;
const fetchOverHttp: QueryFetcher = async (query) =>
  (await (http ??= import('./http').then((module) => module.fetchQuery)))(query);

export const cmsApi: CmsApi = createCmsApi(fetchOverHttp);
