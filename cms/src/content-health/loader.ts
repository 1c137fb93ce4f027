import type { Core, UID } from '@strapi/strapi';
import { siteOf } from './checks/links';
import {
  HEALTH_CONTENT_TYPES,
  HEALTH_UIDS,
  healthContentType,
  SITE_PAGES,
  type HealthUid,
} from './content-types';
import { siteLinkTarget } from './site-links';
import { blocksLinks } from './text';
import type { CheckContext, ContentTypeInfo, HealthDocument, Version } from './types';

/**
 * Reads the content the checks look at through the Document Service
 * (`strapi.documents(uid).findMany({ locale, status })`) and turns it into plain data: documents
 * with their draft and published version in every locale. Read-only.
 *
 * Documents are read in batches (BATCH_SIZE documents, every locale and status each), so a large
 * site is checked without holding all of its text in memory at once.
 */

export const BATCH_SIZE = 100;

const STATUSES = ['draft', 'published'] as const;

/** Attributes of every entry that are not content. */
const SYSTEM_FIELDS = new Set([
  'id',
  'documentId',
  'locale',
  'createdAt',
  'updatedAt',
  'publishedAt',
  'firstPublishedAt',
  'createdBy',
  'updatedBy',
  'localizations',
]);

export interface SiteLocales {
  /** The default locale first, then the others by code. */
  locales: string[];
  defaultLocale: string;
  localeNames: Record<string, string>;
}

/** Every locale the site has (the i18n plugin's list) and the default one. */
export async function loadSiteLocales(strapi: Core.Strapi): Promise<SiteLocales> {
  const service = strapi.plugin('i18n').service('locales');
  const rows: Array<{ code: string; name?: string }> = await service.find();
  const defaultLocale: string = (await service.getDefaultLocale()) ?? rows[0]?.code ?? 'en';
  const codes = rows.map((row) => row.code).sort();
  const locales = [defaultLocale, ...codes.filter((code) => code !== defaultLocale)];
  const localeNames: Record<string, string> = {};
  for (const row of rows) {
    // "Spanish (es)" → "Spanish"
    localeNames[row.code] = (row.name ?? row.code).replace(/\s*\([^)]*\)\s*$/, '') || row.code;
  }
  return { locales, defaultLocale, localeNames };
}

type Entity = Record<string, unknown>;

const toIso = (value: unknown): string => {
  if (value instanceof Date) return value.toISOString();
  if (typeof value === 'string' || typeof value === 'number') {
    const date = new Date(value);
    if (!Number.isNaN(date.getTime())) return date.toISOString();
  }
  return new Date(0).toISOString();
};

/** Display name and kind of every type content health covers, from Strapi's schema. */
export function loadContentTypeInfo(strapi: Core.Strapi): Record<string, ContentTypeInfo> {
  const info: Record<string, ContentTypeInfo> = {};
  for (const uid of HEALTH_UIDS) {
    const schema = strapi.contentType(uid as UID.ContentType);
    if (schema) info[uid] = { displayName: schema.info.displayName, kind: schema.kind };
  }
  return info;
}

function toVersion(
  strapi: Core.Strapi,
  uid: HealthUid,
  entity: Entity,
  status: Version['status'],
): Version {
  const titleField = healthContentType(uid)?.titleField;
  const data: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(entity)) {
    if (!SYSTEM_FIELDS.has(key)) data[key] = value;
  }
  const rawTitle = titleField
    ? entity[titleField]
    : strapi.contentType(uid as UID.ContentType)?.info.displayName;
  const createdBy = entity.createdBy as { id?: unknown } | null | undefined;
  return {
    status,
    locale: String(entity.locale),
    title: typeof rawTitle === 'string' && rawTitle.trim() ? rawTitle.trim() : '(untitled)',
    publishedAt: entity.publishedAt ? toIso(entity.publishedAt) : null,
    updatedAt: toIso(entity.updatedAt),
    createdById: typeof createdBy?.id === 'number' ? createdBy.id : null,
    data,
  };
}

// The Document Service's params are typed per content type; these calls are generic over ours.
type FindMany = (params: Record<string, unknown>) => Promise<Entity[]>;
const findMany = (strapi: Core.Strapi, uid: string): FindMany =>
  strapi.documents(uid as UID.ContentType).findMany as unknown as FindMany;

/** The documentIds of a type, in any locale or status, sorted. */
export async function loadDocumentIds(
  strapi: Core.Strapi,
  uid: HealthUid,
  locales: string[],
): Promise<string[]> {
  const ids = new Set<string>();
  for (const locale of locales) {
    for (const status of STATUSES) {
      const rows = await findMany(strapi, uid)({ locale, status, fields: ['documentId'] });
      for (const row of rows) ids.add(String(row.documentId));
    }
  }
  return [...ids].sort();
}

/** The given documents of a type with every version in the site's locales. */
export async function loadDocuments(
  strapi: Core.Strapi,
  uid: HealthUid,
  documentIds: string[],
  locales: string[],
): Promise<HealthDocument[]> {
  const byId = new Map<string, HealthDocument>();
  for (const documentId of documentIds) byId.set(documentId, { uid, documentId, locales: {} });
  if (documentIds.length === 0) return [];
  const populate = { ...HEALTH_CONTENT_TYPES[uid].populate, createdBy: { fields: ['id'] } };
  for (const locale of locales) {
    for (const status of STATUSES) {
      const rows = await findMany(
        strapi,
        uid,
      )({
        locale,
        status,
        filters: { documentId: { $in: documentIds } },
        populate,
      });
      for (const row of rows) {
        const document = byId.get(String(row.documentId));
        if (!document) continue;
        const versions = (document.locales[locale] ??= {});
        versions[status] = toVersion(strapi, uid, row, status);
      }
    }
  }
  return [...byId.values()].filter((document) => Object.keys(document.locales).length > 0);
}

/**
 * Makes `context.publishedLinkTargets` know every document the documents' links name on the site
 * (published or not: the values without a published document stay out), looking up only what
 * `looked` (type → locale → values) has not seen yet.
 */
export async function resolveLinkTargets(
  strapi: Core.Strapi,
  documents: HealthDocument[],
  context: Pick<CheckContext, 'locales' | 'defaultLocale' | 'settings' | 'publishedLinkTargets'>,
  looked: Map<string, Set<string>>,
): Promise<void> {
  const site = siteOf(context);
  // "uid|locale|field" → values to look up
  const wanted = new Map<string, Set<string>>();
  for (const document of documents) {
    const fields = healthContentType(document.uid)?.linkFields ?? [];
    for (const versions of Object.values(document.locales)) {
      for (const version of [versions.draft, versions.published]) {
        if (!version) continue;
        for (const field of fields) {
          for (const link of blocksLinks(version.data[field])) {
            const target = siteLinkTarget(link.url, site, SITE_PAGES);
            if (!target) continue;
            const key = [target.uid, target.locale, target.field].join('|');
            if (looked.get(key)?.has(target.value)) continue;
            if (!wanted.has(key)) wanted.set(key, new Set());
            wanted.get(key)!.add(target.value);
          }
        }
      }
    }
  }
  for (const [key, values] of wanted) {
    const [uid, locale, field] = key.split('|');
    const list = [...values];
    if (!looked.has(key)) looked.set(key, new Set());
    for (const value of list) looked.get(key)!.add(value);
    const byLocale = (context.publishedLinkTargets[uid] ??= {});
    const published = (byLocale[locale] ??= new Set());
    for (let start = 0; start < list.length; start += BATCH_SIZE) {
      const rows = await findMany(
        strapi,
        uid,
      )({
        locale,
        status: 'published',
        filters: { [field]: { $in: list.slice(start, start + BATCH_SIZE) } },
        fields: [field],
      });
      for (const row of rows) published.add(String(row[field]));
    }
  }
}
