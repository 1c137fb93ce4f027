import type { Link, Meta, Script } from '@unhead/vue/types';
import type { Locale } from '@/api/types';
import { localizePath } from './useLocale';

/** What a page says about itself, for search engines, link previews and the browser tab. */
export interface PageMeta {
  /** The page's own title; the clinic name is appended. */
  title?: string;
  description?: string | null;
  /** Path of this page (without origin); canonical = site URL + path. */
  path?: string;
  /** Site-relative path of each language version that exists. `en` doubles as x-default. */
  alternates?: Partial<Record<Locale, string>>;
  /** JSON-LD object for this page. */
  jsonLd?: Record<string, unknown> | null;
  /** Keep search engines away (404, error and "not translated" pages, previews). */
  noindex?: boolean;
  /** Open Graph type: an article page or any other page. */
  type?: 'website' | 'article';
  /** Absolute URL of an image for link previews (an article's cover). */
  image?: string | null;
  /** 404: the page shows "not found" (the renderer then writes no page for its path). */
  status?: 404;
  /** The date the content was last medically reviewed (YYYY-MM-DD): printed on every sheet. */
  lastReviewed?: string | null;
}

export interface HeadContext {
  locale: Locale;
  /** The site's origin, no trailing slash ('' when unknown: then no absolute URLs). */
  siteUrl: string;
  /** The clinic's name from the CMS, when known. */
  siteName?: string;
}

const OG_LOCALE: Record<Locale, string> = { en: 'en_US', es: 'es_US' };

export interface HeadTags {
  title?: string;
  meta: Meta[];
  link: Link[];
  script: Script[];
}

/** Alternates for a page whose path is the same in both languages (`/faq`, `/es/faq`). */
export function sameAlternates(path: string): Partial<Record<Locale, string>> {
  return { en: localizePath(path, 'en'), es: localizePath(path, 'es') };
}

/**
 * The head tags of a page: title, description, robots, canonical, hreflang alternates, Open
 * Graph, Twitter card and JSON-LD. Pure, so the server and the browser compute the same tags.
 */
export function pageHead(page: PageMeta, { locale, siteUrl, siteName }: HeadContext): HeadTags {
  const title = page.title && siteName ? `${page.title} | ${siteName}` : page.title || siteName;
  const url = (path: string) => `${siteUrl}${path}`;
  const meta: Meta[] = [];
  const link: Link[] = [];

  if (page.description) meta.push({ name: 'description', content: page.description });
  if (page.noindex) meta.push({ name: 'robots', content: 'noindex' });
  if (page.path) link.push({ key: 'canonical', rel: 'canonical', href: url(page.path) });
  const alternates = page.alternates ?? {};
  for (const [hreflang, path] of [
    ['en', alternates.en],
    ['es', alternates.es],
    ['x-default', alternates.en],
  ] as const) {
    if (path)
      link.push({ key: `alternate-${hreflang}`, rel: 'alternate', hreflang, href: url(path) });
  }

  // Link previews (Open Graph, read by most apps; Twitter/X reads its own card tags).
  if (page.title && !page.noindex) {
    meta.push({ property: 'og:type', content: page.type ?? 'website' });
    meta.push({ property: 'og:title', content: page.title });
    if (siteName) meta.push({ property: 'og:site_name', content: siteName });
    if (page.description) meta.push({ property: 'og:description', content: page.description });
    if (page.path) meta.push({ property: 'og:url', content: url(page.path) });
    meta.push({ property: 'og:locale', content: OG_LOCALE[locale] });
    for (const other of Object.keys(alternates) as Locale[]) {
      if (other !== locale)
        meta.push({ property: 'og:locale:alternate', content: OG_LOCALE[other] });
    }
    if (page.image) meta.push({ property: 'og:image', content: page.image });
    meta.push({ name: 'twitter:card', content: page.image ? 'summary_large_image' : 'summary' });
    meta.push({ name: 'twitter:title', content: page.title });
    if (page.description) meta.push({ name: 'twitter:description', content: page.description });
  }

  const script: HeadTags['script'] = page.jsonLd
    ? [{ key: 'jsonld-page', type: 'application/ld+json', textContent: page.jsonLd }]
    : [];
  return { title, meta, link, script };
}
