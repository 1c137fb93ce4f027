import { publicContentTypes, type HealthModel, type PublicUid } from '../content-model';
import { sitePageOf, type SitePage } from './site-links';

/**
 * The content types content health looks at, and what it needs to know about each: every public
 * type of the content model (src/content-model.ts, `health`). Display names and kinds come from
 * Strapi's schema at run time (CheckContext.contentTypes).
 */

export type HealthUid = PublicUid;
export type HealthContentType = HealthModel;

export const HEALTH_CONTENT_TYPES = Object.fromEntries(
  publicContentTypes().map(([uid, model]) => [uid, model.health]),
) as Readonly<Record<HealthUid, HealthContentType>>;

export const HEALTH_UIDS = Object.keys(HEALTH_CONTENT_TYPES) as HealthUid[];

/** The settings have checks of their own (placeholders, the contact link). */
export const SETTINGS_UID = 'api::site-setting.site-setting' satisfies HealthUid;

export const isHealthUid = (uid: unknown): uid is HealthUid =>
  typeof uid === 'string' && Object.prototype.hasOwnProperty.call(HEALTH_CONTENT_TYPES, uid);

export const healthContentType = (uid: string): HealthContentType | undefined =>
  isHealthUid(uid) ? HEALTH_CONTENT_TYPES[uid] : undefined;

/** The site's pages a link can name a document on (`sitePath`s with a `:field`). */
export const SITE_PAGES: SitePage[] = publicContentTypes().flatMap(([uid, model]) => {
  const page = model.sitePath === null ? null : sitePageOf(uid, model.sitePath);
  return page ? [page] : [];
});
