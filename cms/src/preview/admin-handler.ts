import type { Core } from '@strapi/strapi';
import { mayPreview } from './permission';
import { isPreviewable } from './targets';
import { createPreviewToken } from './token';

export interface PreviewLinkSettings {
  /** SITE_URL, without a trailing slash. */
  siteUrl: string;
  /** PREVIEW_SECRET. */
  secret: string;
  /** PREVIEW_TOKEN_TTL_SECONDS. */
  ttlSeconds: number;
  /** The locale of an entry that names none. */
  defaultLocale: string;
}

type PreviewParams = { documentId?: string; locale?: string | null; status?: string };

/**
 * The admin's preview handler (config/admin.ts `preview.config.handler`): the site's /preview URL
 * with a signed token for one entry, or null (no preview). It signs only what the requesting
 * admin's role may read (./permission.ts); Strapi is available as the global `strapi` once the
 * app runs, which is when Strapi calls it.
 */
export function previewLinkHandler(settings: PreviewLinkSettings) {
  return async (uid: string, { documentId, locale, status }: PreviewParams) => {
    if (!isPreviewable(uid) || !documentId) return null;
    const target = {
      uid,
      documentId,
      locale: locale ?? settings.defaultLocale,
      status: status === 'published' ? ('published' as const) : ('draft' as const),
    };
    if (!(await mayPreview(strapi as Core.Strapi, target))) return null;
    const token = createPreviewToken(target, settings.secret, {
      ttlSeconds: settings.ttlSeconds,
    });
    // The site's Spanish pages live under /es, so the page around the draft is Spanish too.
    const prefix = target.locale !== settings.defaultLocale ? `/${target.locale}` : '';
    return `${settings.siteUrl}${prefix}/preview?token=${encodeURIComponent(token)}`;
  };
}
