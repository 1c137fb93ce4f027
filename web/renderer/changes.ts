import type { Article } from '../src/api';
import type { Refresh, Snapshot } from './snapshot';
import type { SitePage } from './routes';

/** A change the CMS reports (see cms/src/content-events): what changed, not the new content. */
export interface ContentChange {
  /** Content type or model uid, e.g. `api::faq.faq`, `plugin::i18n.locale`. */
  uid: string;
  /** create, update, delete, publish, unpublish, discardDraft, … */
  action: string;
  documentId?: string | null;
  /** A locale code, `*` for every locale, or null. */
  locale?: string | null;
}

export const ARTICLE = 'api::article.article';
export const FAQ = 'api::faq.faq';
export const RISK_FACTOR = 'api::risk-factor.risk-factor';
export const SETTINGS = 'api::site-setting.site-setting';

/** A render that fetches and writes everything (start-up, the periodic repair, unknown changes). */
export type RenderPlan = { full: true } | { full: false; refresh: Refresh };

/**
 * What to fetch again for a set of changes. Any change the renderer does not understand (a new
 * locale, a new content type, permissions) makes it fetch everything: correct first, fast where
 * it knows how.
 */
export function planFor(changes: ContentChange[]): RenderPlan {
  const refresh: Refresh = {
    settings: false,
    faqs: false,
    riskFactors: false,
    articles: new Set(),
    changedFaqs: new Set(),
  };
  for (const change of changes) {
    switch (change.uid) {
      case SETTINGS:
        refresh.settings = true;
        break;
      case FAQ:
        refresh.faqs = true;
        refresh.changedFaqs.add(change.documentId ?? '*');
        break;
      case RISK_FACTOR:
        refresh.riskFactors = true;
        break;
      case ARTICLE:
        if (!change.documentId) return { full: true };
        refresh.articles.add(change.documentId);
        break;
      default:
        return { full: true };
    }
  }
  return { full: false, refresh };
}

/**
 * The pages whose content a refresh can change, among `pages` (the site after the refresh):
 * every page shows the settings; the FAQs are on home, /faq and (by question) on the articles
 * that link them; risk factors on home and /risk-factors; an article on its own pages, the
 * article list and home (the featured article).
 */
export function pagesTouched(
  refresh: Refresh,
  pages: SitePage[],
  before: Snapshot,
  after: Snapshot,
): SitePage[] {
  if (refresh.settings) return pages;
  const kinds = new Set<SitePage['kind']>();
  const articles = new Set(refresh.articles);
  if (refresh.faqs) {
    kinds.add('home').add('faq');
    const linksChanged = (article: Article) =>
      (article.faqs ?? []).some(
        (faq) => refresh.changedFaqs.has(faq.documentId) || refresh.changedFaqs.has('*'),
      );
    for (const snapshot of [before, after]) {
      for (const content of Object.values(snapshot)) {
        for (const article of content.articles.values()) {
          if (linksChanged(article)) articles.add(article.documentId);
        }
      }
    }
  }
  if (refresh.riskFactors) kinds.add('home').add('risk-factors');
  if (refresh.articles.size > 0) kinds.add('home').add('articles');
  return pages.filter(
    (page) => kinds.has(page.kind) || (page.documentId && articles.has(page.documentId)),
  );
}
