import { healthContentType } from '../content-types';
import { blocksLinks } from '../text';
import type { Check, Finding } from '../types';
import { analysedVersions, fieldLabel, languageName, makeFinding } from './helpers';

export interface ArticleLinkTarget {
  locale: string;
  slug: string;
}

export interface SiteLocales {
  locales: string[];
  defaultLocale: string;
  siteUrl: string;
}

/**
 * The article a link points to on the site, or null for any other link. The site's article pages
 * are `/articles/<slug>` (default locale) and `/<locale>/articles/<slug>` (e.g. `/es/articles/…`),
 * as a path or as an absolute URL on SITE_URL; a query, a fragment or a trailing slash do not
 * matter. Other sites, other pages of the site (`/articles`, `/faq`), mailto: and tel: are not
 * article links.
 */
export function articleLinkTarget(url: string, site: SiteLocales): ArticleLinkTarget | null {
  const raw = url.trim();
  let path: string;
  if (raw.startsWith('/') && !raw.startsWith('//')) {
    path = new URL(raw, 'http://site.invalid').pathname;
  } else {
    let parsed: URL;
    let base: URL;
    try {
      parsed = new URL(raw);
      base = new URL(site.siteUrl);
    } catch {
      return null;
    }
    if (!/^https?:$/.test(parsed.protocol) || parsed.origin !== base.origin) return null;
    const prefix = base.pathname.replace(/\/+$/, '');
    if (prefix && parsed.pathname !== prefix && !parsed.pathname.startsWith(`${prefix}/`)) {
      return null;
    }
    path = parsed.pathname.slice(prefix.length);
  }
  const match = path.match(/^\/(?:([^/]+)\/)?articles\/([^/]+)\/?$/);
  if (!match) return null;
  const [, prefixLocale, encodedSlug] = match;
  let locale = site.defaultLocale;
  if (prefixLocale !== undefined) {
    if (prefixLocale === site.defaultLocale || !site.locales.includes(prefixLocale)) return null;
    locale = prefixLocale;
  }
  let slug: string;
  try {
    slug = decodeURIComponent(encodedSlug);
  } catch {
    slug = encodedSlug;
  }
  return { locale, slug };
}

/**
 * `link-broken` (error): a link in a rich-text field (article body, FAQ answer, settings crisis
 * help) goes to an article page of the site whose slug has no published article in that locale,
 * so visitors following it get the 404 page. One per field and target.
 */
export const linksCheck: Check = (document, context) => {
  const fields = healthContentType(document.uid)?.linkFields ?? [];
  if (fields.length === 0) return [];
  const site = {
    locales: context.locales,
    defaultLocale: context.defaultLocale,
    siteUrl: context.settings.siteUrl,
  };
  const findings: Finding[] = [];
  for (const [locale, version] of analysedVersions(document, context)) {
    for (const field of fields) {
      const seen = new Set<string>();
      for (const link of blocksLinks(version.data[field])) {
        const target = articleLinkTarget(link.url, site);
        if (!target) continue;
        const key = `${target.locale}/${target.slug}`;
        if (seen.has(key)) continue;
        seen.add(key);
        if (context.publishedArticleSlugs[target.locale]?.has(target.slug)) continue;
        findings.push(
          makeFinding({
            document,
            locale,
            title: version.title,
            severity: 'error',
            kind: 'links',
            code: 'link-broken',
            message:
              'A link in the {fieldLabel} (“{text}”) goes to {url}, but no published ' +
              '{language} article has the address “{slug}”: visitors get a “page not found”.',
            params: {
              field,
              fieldLabel: fieldLabel(field),
              url: link.url,
              text: link.text,
              slug: target.slug,
              targetLocale: target.locale,
              language: languageName(context, target.locale),
            },
            idSuffix: [field, key],
          }),
        );
      }
    }
  }
  return findings;
};
