import type { Core } from '@strapi/strapi';
import { articleLinkTarget } from './checks/links';
import {
  ARTICLE_UID,
  HEALTH_CONTENT_TYPES,
  healthContentType,
  type HealthUid,
} from './content-types';
import { blocksLinks } from './text';
import type { CheckContext, HealthDocument, Version } from './types';

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

function toVersion(uid: string, entity: Entity, status: Version['status']): Version {
  const type = healthContentType(uid);
  const data: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(entity)) {
    if (!SYSTEM_FIELDS.has(key)) data[key] = value;
  }
  const rawTitle = type.titleField ? entity[type.titleField] : type.displayName;
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
const findMany = (strapi: Core.Strapi, uid: HealthUid): FindMany =>
  strapi.documents(uid).findMany as unknown as FindMany;

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
        versions[status] = toVersion(uid, row, status);
      }
    }
  }
  return [...byId.values()].filter((document) => Object.keys(document.locales).length > 0);
}

/**
 * Makes `context.publishedArticleSlugs` know every article the documents link to (published or
 * not), looking up only the slugs not seen yet.
 */
export async function resolveLinkedArticles(
  strapi: Core.Strapi,
  documents: HealthDocument[],
  context: Pick<CheckContext, 'locales' | 'defaultLocale' | 'settings' | 'publishedArticleSlugs'>,
  looked: Map<string, Set<string>>,
): Promise<void> {
  const site = {
    locales: context.locales,
    defaultLocale: context.defaultLocale,
    siteUrl: context.settings.siteUrl,
  };
  const wanted = new Map<string, Set<string>>();
  for (const document of documents) {
    const fields = healthContentType(document.uid).linkFields;
    for (const versions of Object.values(document.locales)) {
      for (const version of [versions.draft, versions.published]) {
        if (!version) continue;
        for (const field of fields) {
          for (const link of blocksLinks(version.data[field])) {
            const target = articleLinkTarget(link.url, site);
            if (!target || looked.get(target.locale)?.has(target.slug)) continue;
            if (!wanted.has(target.locale)) wanted.set(target.locale, new Set());
            wanted.get(target.locale)!.add(target.slug);
          }
        }
      }
    }
  }
  for (const [locale, slugs] of wanted) {
    const list = [...slugs];
    if (!looked.has(locale)) looked.set(locale, new Set());
    for (const slug of list) looked.get(locale)!.add(slug);
    const published = (context.publishedArticleSlugs[locale] ??= new Set());
    for (let start = 0; start < list.length; start += BATCH_SIZE) {
      const rows = await findMany(
        strapi,
        ARTICLE_UID,
      )({
        locale,
        status: 'published',
        filters: { slug: { $in: list.slice(start, start + BATCH_SIZE) } },
        fields: ['slug'],
      });
      for (const row of rows) published.add(String(row.slug));
    }
  }
}
