/**
 * Links to the site's own pages, read against the content model's site paths
 * (src/content-model.ts, `sitePath`): which document of which type a link names, so the links
 * check can tell whether it is published. Pure functions.
 */

/** A site path that names one document: `/articles/:slug` (a page) or `/glossary#:slug` (a place). */
export interface SitePage {
  uid: string;
  /** The field whose value the link carries (`slug`). */
  field: string;
  /** The template, as in the content model. */
  template: string;
  /** Matches a path without its locale prefix; group 1 is the value unless it is the fragment. */
  path: RegExp;
  /** The value is the fragment (`#…`), on the page `path` matches. */
  inFragment: boolean;
}

/** The document a link names: a value of `field` of a published document of `uid` in `locale`. */
export interface LinkTarget {
  uid: string;
  field: string;
  locale: string;
  value: string;
  /** Following a broken link: a "page not found" (a page per document), or the page without it. */
  inFragment: boolean;
}

export interface SiteLocales {
  locales: string[];
  defaultLocale: string;
  siteUrl: string;
}

const PLACEHOLDER = /:([A-Za-z_][A-Za-z0-9_]*)/;
const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * The page a site path names one document on, or null for a path that names none (`/faq`, a
 * page listing them all) or that is not a path template.
 */
export function sitePageOf(uid: string, template: string): SitePage | null {
  if (!template.startsWith('/')) return null;
  const hash = template.indexOf('#');
  const pathPart = hash === -1 ? template : template.slice(0, hash);
  const fragment = hash === -1 ? null : template.slice(hash + 1);
  if (fragment !== null) {
    const field = /^:([A-Za-z_][A-Za-z0-9_]*)$/.exec(fragment)?.[1];
    if (!field || PLACEHOLDER.test(pathPart)) return null;
    const path = new RegExp(`^${escapeRegExp(pathPart.replace(/\/+$/, ''))}/?$`);
    return { uid, field, template, path, inFragment: true };
  }
  const match = PLACEHOLDER.exec(pathPart);
  if (!match) return null;
  const before = pathPart.slice(0, match.index);
  const after = pathPart.slice(match.index + match[0].length).replace(/\/+$/, '');
  if (PLACEHOLDER.test(after)) return null; // one document, one value
  const path = new RegExp(`^${escapeRegExp(before)}([^/]+)${escapeRegExp(after)}/?$`);
  return { uid, field: match[1], template, path, inFragment: false };
}

/** The path and fragment of a link to the site (a path, or a URL on SITE_URL); else null. */
export function sitePathOf(
  url: string,
  siteUrl: string,
): { path: string; fragment: string } | null {
  const raw = url.trim();
  if (raw.startsWith('/') && !raw.startsWith('//')) {
    const parsed = new URL(raw, 'http://site.invalid');
    return { path: parsed.pathname, fragment: parsed.hash.slice(1) };
  }
  let parsed: URL;
  let base: URL;
  try {
    parsed = new URL(raw);
    base = new URL(siteUrl);
  } catch {
    return null;
  }
  if (!/^https?:$/.test(parsed.protocol) || parsed.origin !== base.origin) return null;
  const prefix = base.pathname.replace(/\/+$/, '');
  if (prefix && parsed.pathname !== prefix && !parsed.pathname.startsWith(`${prefix}/`)) {
    return null;
  }
  return { path: parsed.pathname.slice(prefix.length), fragment: parsed.hash.slice(1) };
}

const decode = (value: string) => {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
};

/**
 * The document a link names on the site, or null for any other link. The default locale's pages
 * are the site paths themselves (`/articles/<slug>`, `/glossary#<slug>`), another locale's the
 * same under `/<locale>` (`/es/articles/…`), as a path or as an absolute URL on SITE_URL; a query,
 * a trailing slash and (for a page per document) a fragment do not matter. Other sites, pages
 * that list documents (`/faq`), mailto: and tel: name no document.
 */
export function siteLinkTarget(
  url: string,
  site: SiteLocales,
  pages: readonly SitePage[],
): LinkTarget | null {
  const link = sitePathOf(url, site.siteUrl);
  if (!link) return null;
  let { path } = link;
  let locale = site.defaultLocale;
  const first = /^\/([^/]+)(\/.*)?$/.exec(path);
  if (first && first[1] === site.defaultLocale) return null; // the default locale has no prefix
  if (first && site.locales.includes(first[1])) {
    locale = first[1];
    path = first[2] ?? '/';
  }
  for (const page of pages) {
    const match = page.path.exec(path);
    if (!match) continue;
    const value = page.inFragment ? link.fragment : match[1];
    if (!value) continue;
    return {
      uid: page.uid,
      field: page.field,
      locale,
      value: decode(value),
      inFragment: page.inFragment,
    };
  }
  return null;
}
