import {
  ApiError,
  type Article,
  type ArticleSummary,
  type CmsApi,
  type Faq,
  type HttpCmsApi,
  type Locale,
  type RiskFactor,
  type SiteSetting,
} from '../src/api';
import { LOCALES } from '../src/i18n';

/**
 * Everything the public site shows, as the public API returns it: published content only, in
 * every locale. Pages are rendered from a snapshot instead of a request per page, and a change
 * refreshes only the part of it that changed.
 */
export interface LocaleContent {
  settings: SiteSetting | null;
  faqs: Faq[];
  riskFactors: RiskFactor[];
  /** The article list as the site requests it (title order, no bodies). */
  articleList: ArticleSummary[];
  /** Every published article, whole, by documentId. */
  articles: Map<string, Article>;
}

export type Snapshot = Record<Locale, LocaleContent>;

/** Every whole article of a locale, a page of 100 at a time. */
async function fetchArticles(api: HttpCmsApi, locale: Locale): Promise<Map<string, Article>> {
  const articles = new Map<string, Article>();
  for (let page = 1; ; page += 1) {
    const { data, meta } = await api.getArticlesPage(locale, page);
    for (const article of data) articles.set(article.documentId, article);
    if (page >= (meta.pagination?.pageCount ?? 1)) return articles;
  }
}

/** The settings, or null when they are not published in that locale. */
async function fetchSettings(api: HttpCmsApi, locale: Locale): Promise<SiteSetting | null> {
  try {
    return await api.getSiteSetting(locale);
  } catch (error) {
    if (error instanceof ApiError && error.kind === 'not-found') return null;
    throw error;
  }
}

async function fetchLocale(api: HttpCmsApi, locale: Locale): Promise<LocaleContent> {
  const [settings, faqs, riskFactors, articleList, articles] = await Promise.all([
    fetchSettings(api, locale),
    api.getFaqs(locale),
    api.getRiskFactors(locale),
    api.getArticles(locale),
    fetchArticles(api, locale),
  ]);
  return { settings, faqs, riskFactors, articleList, articles };
}

/** The whole site's content. Rejects (with an ApiError) when the CMS cannot be read. */
export async function fetchSnapshot(api: HttpCmsApi): Promise<Snapshot> {
  const [en, es] = await Promise.all(LOCALES.map((locale) => fetchLocale(api, locale)));
  return { en: en!, es: es! };
}

/** What a set of changes makes the renderer fetch again. */
export interface Refresh {
  settings: boolean;
  faqs: boolean;
  riskFactors: boolean;
  /** Articles to fetch again (both locales), by documentId; the article list comes with them. */
  articles: Set<string>;
  /** The FAQs that changed (documentId, `*` when unknown): articles that link them show them. */
  changedFaqs: Set<string>;
}

/** Article `documentId` in `locale`, or null when it is not published there (any more). */
async function fetchArticle(
  api: HttpCmsApi,
  documentId: string,
  locale: Locale,
): Promise<Article | null> {
  try {
    return await api.getArticle(documentId, locale);
  } catch (error) {
    if (error instanceof ApiError && error.kind === 'not-found') return null;
    throw error;
  }
}

/** A new snapshot with the refreshed parts fetched again; `current` is left as it was. */
export async function refreshSnapshot(
  api: HttpCmsApi,
  current: Snapshot,
  refresh: Refresh,
): Promise<Snapshot> {
  const next = await Promise.all(
    LOCALES.map(async (locale): Promise<LocaleContent> => {
      const before = current[locale];
      const articleIds = [...refresh.articles];
      const [settings, faqs, riskFactors, articleList, fetched] = await Promise.all([
        refresh.settings ? fetchSettings(api, locale) : before.settings,
        refresh.faqs ? api.getFaqs(locale) : before.faqs,
        refresh.riskFactors ? api.getRiskFactors(locale) : before.riskFactors,
        articleIds.length > 0 ? api.getArticles(locale) : before.articleList,
        Promise.all(articleIds.map((id) => fetchArticle(api, id, locale))),
      ]);
      const articles = new Map(before.articles);
      articleIds.forEach((id, i) => {
        const article = fetched[i];
        if (article) articles.set(id, article);
        else articles.delete(id);
      });
      return { settings, faqs, riskFactors, articleList, articles };
    }),
  );
  return { en: next[0]!, es: next[1]! };
}

const notFound = () => new ApiError('not-found', 'Not found', 404);

/**
 * The site's API answered from a snapshot, for rendering: the same data the browser would get
 * from the CMS for each query, without a request.
 */
export function snapshotApi(snapshot: Snapshot): CmsApi {
  const content = (locale: Locale) => snapshot[locale];
  const slugIndex = new Map<Locale, Map<string, Article>>();
  const bySlug = (locale: Locale, slug: string) => {
    let index = slugIndex.get(locale);
    if (!index) {
      index = new Map([...content(locale).articles.values()].map((a) => [a.slug, a]));
      slugIndex.set(locale, index);
    }
    return index.get(slug);
  };
  return {
    async getSiteSetting(locale) {
      const settings = content(locale).settings;
      // Not a "not found" the page could show: without settings the page is not rendered.
      if (!settings)
        throw new ApiError('server', `The site settings are not published in ${locale}`);
      return settings;
    },
    async getArticles(locale) {
      return content(locale).articleList;
    },
    async getArticleBySlug(locale, slug) {
      const article = bySlug(locale, slug);
      if (!article) throw notFound();
      return article;
    },
    async getArticleTranslation(documentId, locale) {
      const article = content(locale).articles.get(documentId);
      if (!article) throw notFound();
      const { id, title, slug } = article;
      return { id, documentId, title, slug };
    },
    async getFaqs(locale) {
      return content(locale).faqs;
    },
    async getRiskFactors(locale) {
      return content(locale).riskFactors;
    },
  };
}
