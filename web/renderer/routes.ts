import type { Locale } from '../src/api';
import { LOCALES } from '../src/i18n';
import { localizePath, otherLocale } from '../src/composables/useLocale';
import type { Snapshot } from './snapshot';

/** One file the renderer writes for the site. */
export interface SitePage {
  /** The URL path the page is served at (`/es/faq`); the 404 pages have none. */
  path: string;
  /** The file under the site directory (`es/faq.html`). */
  file: string;
  locale: Locale;
  kind:
    'home' | 'articles' | 'article' | 'faq' | 'risk-factors' | 'preview' | 'not-translated' | '404';
  /** The article the page shows. */
  documentId?: string;
  /** In the sitemap (and indexable): false for the preview, the "not translated" note, 404. */
  listed: boolean;
}

/**
 * Slugs are Strapi uids (`[A-Za-z0-9-_.~]`); only ones that are safe as a file name and a URL
 * segment become pages (a slug such as `..` never reaches the file system).
 */
const SAFE_SLUG = /^[A-Za-z0-9][A-Za-z0-9_~-]*(?:\.[A-Za-z0-9_~-]+)*$/;

export function isSafeSlug(slug: string): boolean {
  return slug.length <= 200 && SAFE_SLUG.test(slug);
}

/** `/` → `index.html`, `/es` → `es.html`, `/es/faq` → `es/faq.html`. */
export function fileForPath(path: string): string {
  return path === '/' ? 'index.html' : `${path.slice(1)}.html`;
}

function page(
  locale: Locale,
  kind: SitePage['kind'],
  path: string,
  extra: Partial<SitePage> = {},
): SitePage {
  const localized = localizePath(path, locale);
  return { path: localized, file: fileForPath(localized), locale, kind, listed: true, ...extra };
}

/** Every page of the site for a snapshot, in both languages. */
export function sitePages(snapshot: Snapshot): SitePage[] {
  const pages: SitePage[] = [];
  for (const locale of LOCALES) {
    const content = snapshot[locale];
    pages.push(
      page(locale, 'home', '/'),
      page(locale, 'articles', '/articles'),
      page(locale, 'faq', '/faq'),
      page(locale, 'risk-factors', '/risk-factors'),
      page(locale, 'preview', '/preview', { listed: false }),
      page(locale, 'not-translated', '/not-translated', { listed: false }),
      {
        path: localizePath('/404', locale),
        file: locale === 'en' ? '404.html' : `${locale}/404.html`,
        locale,
        kind: '404',
        listed: false,
      },
    );
    for (const article of content.articles.values()) {
      if (!isSafeSlug(article.slug)) continue;
      pages.push(
        page(locale, 'article', `/articles/${article.slug}`, { documentId: article.documentId }),
      );
    }
  }
  return pages;
}

/** The paths of a page in each language it exists in (for hreflang in the sitemap). */
export function alternatesOf(
  pageToLink: SitePage,
  snapshot: Snapshot,
): Partial<Record<Locale, string>> {
  if (pageToLink.kind !== 'article') {
    const path = pageToLink.path.replace(/^\/es(?=\/|$)/, '') || '/';
    return Object.fromEntries(LOCALES.map((l) => [l, localizePath(path, l)]));
  }
  const out: Partial<Record<Locale, string>> = { [pageToLink.locale]: pageToLink.path };
  const other = otherLocale(pageToLink.locale);
  const translation = snapshot[other].articles.get(pageToLink.documentId ?? '');
  if (translation && isSafeSlug(translation.slug)) {
    out[other] = localizePath(`/articles/${translation.slug}`, other);
  }
  return out;
}

const latest = (dates: (string | null | undefined)[]): string | undefined =>
  dates
    .filter((d): d is string => !!d)
    .sort()
    .at(-1);

/** When what a page shows last changed (the newest `updatedAt` of its content). */
export function lastModified(sitePage: SitePage, snapshot: Snapshot): string | undefined {
  const content = snapshot[sitePage.locale];
  const settings = content.settings?.updatedAt;
  const articles = [...content.articles.values()].map((a) => a.updatedAt);
  switch (sitePage.kind) {
    case 'article':
      return latest([settings, content.articles.get(sitePage.documentId ?? '')?.updatedAt]);
    case 'faq':
      return latest([settings, ...content.faqs.map((f) => f.updatedAt)]);
    case 'risk-factors':
      return latest([settings, ...content.riskFactors.map((r) => r.updatedAt)]);
    case 'articles':
      return latest([settings, ...articles]);
    case 'home':
      return latest([
        settings,
        ...articles,
        ...content.faqs.map((f) => f.updatedAt),
        ...content.riskFactors.map((r) => r.updatedAt),
      ]);
    default:
      return settings;
  }
}
