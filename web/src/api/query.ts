import { API_PATHS, type ContentUid } from '@clinic/contract';
import type { Locale } from '@/shared/locales';

/**
 * A question the site asks the CMS's public REST API, as data: which content type, which
 * language, and what kind of answer. The browser turns it into one HTTP request (./http.ts); the
 * renderer also keeps the answers and knows from them which pages a change touches
 * (web/renderer/resources.ts). Every read of content goes through one of these.
 */

/** What the answer's documents carry: Strapi's `fields`, `populate`, `sort`, `filters`. */
export interface Selection {
  fields?: readonly string[];
  populate?: Record<string, unknown>;
  sort?: readonly string[];
  filters?: Record<string, unknown>;
}

interface QueryOf<Kind extends string> {
  kind: Kind;
  uid: ContentUid;
  locale: Locale;
  select?: Selection;
}

/**
 * - `single`: a single type's document (null when not published in that language);
 * - `list`: one page of documents (sorted, filtered), at most the API's page size;
 * - `all`: every document, fetched a page at a time (the renderer listing what has pages);
 * - `lookup`: the one document with that documentId or that value of a unique field (null when
 *   none): a change to another document never changes its answer.
 */
export type ContentQuery =
  | QueryOf<'single'>
  | QueryOf<'list'>
  | QueryOf<'all'>
  | (QueryOf<'lookup'> & { by: { documentId: string } | { field: string; value: string } });

/** Answers a query: a document or null for `single`/`lookup`, a list for `list`/`all`. */
export type QueryFetcher = (query: ContentQuery) => Promise<unknown>;

/** Strapi caps pageSize at 100 (`maxLimit`). */
export const PAGE_SIZE = 100;

/** The REST path and parameters of a query (for `all`, of one of its pages). */
export function toRequest(
  query: ContentQuery,
  page = 1,
): { path: string; params: Record<string, unknown> } {
  const base = API_PATHS[query.uid];
  const { fields, populate, sort, filters } = query.select ?? {};
  const params: Record<string, unknown> = { locale: query.locale };
  if (fields) params.fields = fields;
  if (populate) params.populate = populate;
  switch (query.kind) {
    case 'single':
      return { path: base, params };
    case 'list':
      return {
        path: base,
        params: { ...params, sort, filters, pagination: { pageSize: PAGE_SIZE } },
      };
    case 'all':
      return {
        path: base,
        params: {
          ...params,
          filters,
          // documentId, not id: publishing gives the published row a new id, so a document
          // republished between two pages would move to a later page and be missed.
          sort: ['documentId:asc'],
          pagination: { page, pageSize: PAGE_SIZE },
        },
      };
    case 'lookup':
      if ('documentId' in query.by) {
        return { path: `${base}/${encodeURIComponent(query.by.documentId)}`, params };
      }
      return {
        path: base,
        params: {
          ...params,
          filters: { ...filters, [query.by.field]: { $eq: query.by.value } },
          pagination: { pageSize: 1 },
        },
      };
  }
}

/** The same text for the same query, whatever the order its object keys were written in. */
export function queryKey(query: ContentQuery): string {
  return stableJson(query);
}

function stableJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(stableJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value)
      .filter(([, item]) => item !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([key, item]) => `${JSON.stringify(key)}:${stableJson(item)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}
