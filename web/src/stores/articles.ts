import { defineStore } from 'pinia';
import type { Article, ArticleRef, ArticleSummary, Locale } from '@/api';
import { useCmsApi } from '@/api/provide';
import { createResourceMap } from './resource';

const SEP = '\u0000';
const key = (a: string, b: string) => `${a}${SEP}${b}`;
function split(k: string): [string, string] {
  const [a = '', b = ''] = k.split(SEP);
  return [a, b];
}

export const useArticlesStore = defineStore('articles', () => {
  const api = useCmsApi();
  const lists = createResourceMap<ArticleSummary[]>((locale) => api.getArticles(locale as Locale));

  const bySlug = createResourceMap<Article>((k) => {
    const [locale, slug] = split(k);
    return api.getArticleBySlug(locale as Locale, slug);
  });

  const translations = createResourceMap<ArticleRef>((k) => {
    const [documentId, locale] = split(k);
    return api.getArticleTranslation(documentId, locale as Locale);
  });

  return {
    lists: lists.entries,
    articles: bySlug.entries,
    translations: translations.entries,

    listState: (locale: Locale) => lists.get(locale),
    loadList: (locale: Locale) => lists.load(locale),
    reloadList: (locale: Locale) => lists.reload(locale),

    articleState: (locale: Locale, slug: string) => bySlug.get(key(locale, slug)),
    loadArticle: (locale: Locale, slug: string) => bySlug.load(key(locale, slug)),
    reloadArticle: (locale: Locale, slug: string) => bySlug.reload(key(locale, slug)),

    /** The article `documentId` in `locale` (slug and title only). */
    translationState: (documentId: string, locale: Locale) =>
      translations.get(key(documentId, locale)),
    loadTranslation: (documentId: string, locale: Locale) =>
      translations.load(key(documentId, locale)),
  };
});
