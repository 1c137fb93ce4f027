import type { Core, UID } from '@strapi/strapi';
import { publicContentTypes } from '../content-model';
import { sitePageOf } from '../content-health/site-links';

/**
 * Which paths are the site's own pages, from the content model's `sitePath`s (no second list): a
 * page listing a type (`/faq`, `/risk-factors`, `/glossary` for `/glossary#:slug`) always, a page
 * per document (`/articles/:slug`) when a document with that value is published in the locale.
 */

/** The listing pages: each site path without its document placeholder or fragment. */
export function listingPaths(): string[] {
  const paths = publicContentTypes().flatMap(([, model]) => {
    if (model.sitePath === null) return [];
    const path = model.sitePath.split('#')[0].replace(/\/+$/, '');
    return path === '' || path.includes(':') ? [] : [path];
  });
  return [...new Set(paths)];
}

export async function isSitePage(
  strapi: Core.Strapi,
  path: string,
  locale: string,
): Promise<boolean> {
  if (listingPaths().includes(path)) return true;
  for (const [uid, model] of publicContentTypes()) {
    const page = model.sitePath === null ? null : sitePageOf(uid, model.sitePath);
    if (!page || page.inFragment) continue;
    const value = page.path.exec(path)?.[1];
    if (value === undefined) continue;
    const found = await strapi.documents(uid as UID.ContentType).findFirst({
      locale,
      status: 'published',
      fields: [page.field],
      filters: { [page.field]: { $eq: value } },
    } as never);
    if (found) return true;
  }
  return false;
}
