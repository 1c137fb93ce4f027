import type { Core } from '@strapi/strapi';
import { localeCodes } from '../utils/locale-codes';
import { displayName, firstHeaderIn, REFUSED_HEADERS } from '../response-cache/strapi-headers';
import { addRouteHook, type RouteDescription } from '../utils/route-hooks';
import { filterValuesProblem, populateProblem } from './filter-values';

/**
 * Guards the content API's reads (every GET route of every api:: content type: find, findOne and
 * any custom GET route on a content type's controller) before Strapi's query layer sees them:
 * - request headers: one that makes Strapi answer in another shape and that no client of ours
 *   needs (REFUSED_HEADERS: `Strapi-Response-Format`, see src/response-cache/strapi-headers.ts)
 *   is a 400 naming it, so a public read has one representation, the one the cache stores;
 * - query keys: only those the public API documents (PUBLIC_QUERY_KEYS). Strapi 5 also takes
 *   `publicationFilter` and `hasPublishedVersion`, which tell anyone which published entries have
 *   unpublished changes or drafts, and `_q` (full-text search): not for the public. An unknown key
 *   is a 400 that names it (strictParams would refuse some, not these, with a terser message);
 * - drafts: Strapi lets any role that may `find` ask for `?status=draft`; the public API never
 *   serves drafts (editors preview them through the signed preview route instead);
 * - locale: an unknown code would silently answer an empty list; say it is unknown instead;
 * - pagination: must be positive whole numbers within the API's maxLimit;
 * - filters: a logical operator given a plain value makes the query builder throw (a 500), and a
 *   value that does not fit its field's type (a word for a number, text operators on numbers,
 *   dates or rich text…) makes PostgreSQL refuse the query (a 500): ./filter-values.ts;
 * - NUL characters, in a query key or value or in the document id of the path: PostgreSQL refuses
 *   them in text, which Strapi answers with a 500 (found by tests/read-fuzz.test.ts).
 * Fields, sorts and populate are validated by Strapi's strictParams.
 *
 * It is not listed in each route file: guardPublicReads() adds it, in register(), to every such
 * route as Strapi registers it (src/utils/route-hooks.ts), so a content type created later with
 * `strapi generate` or the Content-Type Builder (whose route file has no config) is guarded too.
 * Routes of APIs without a content type (`/api/preview`, with its token) and the admin's routes
 * are not content-type reads and keep their own rules.
 */

/** The top-level query keys the public API accepts; `status` only as `published`. */
export const PUBLIC_QUERY_KEYS = [
  'locale',
  'fields',
  'filters',
  'sort',
  'pagination',
  'populate',
  'status',
] as const;

const ACCEPTED = new Set<string>(PUBLIC_QUERY_KEYS);

type Query = Record<string, unknown>;

const PAGINATION_RULES: Record<string, { min: number; max: (maxLimit: number) => number }> = {
  page: { min: 1, max: () => 1_000_000 },
  pageSize: { min: 1, max: (maxLimit) => maxLimit },
  start: { min: 0, max: () => 1_000_000_000 },
  limit: { min: 1, max: (maxLimit) => maxLimit },
};

export function paginationProblem(pagination: unknown, maxLimit: number): string | null {
  if (pagination === undefined) return null;
  if (typeof pagination !== 'object' || pagination === null || Array.isArray(pagination)) {
    return 'pagination must be an object, e.g. pagination[page]=1&pagination[pageSize]=25.';
  }
  for (const [key, raw] of Object.entries(pagination)) {
    const rule = PAGINATION_RULES[key];
    if (key === 'withCount') continue;
    if (!rule) return `pagination[${key}] is not a pagination parameter.`;
    const value = typeof raw === 'string' && /^-?\d+$/.test(raw) ? Number(raw) : NaN;
    const max = rule.max(maxLimit);
    if (!Number.isSafeInteger(value) || value < rule.min || value > max) {
      return `pagination[${key}] must be a whole number from ${rule.min} to ${max}.`;
    }
  }
  return null;
}

const LOGICAL_OPERATORS = new Set(['$and', '$or']);

/** Finds the first logical operator given something other than a list of conditions. */
export function filtersProblem(filters: unknown, path = 'filters'): string | null {
  if (filters === null || typeof filters !== 'object') return null;
  for (const [key, value] of Object.entries(filters)) {
    const here = `${path}[${key}]`;
    if (LOGICAL_OPERATORS.has(key)) {
      const isList = typeof value === 'object' && value !== null;
      if (!isList)
        return `${here} must be a list of conditions, e.g. ${here}[0][field][$eq]=value.`;
    }
    if (key === '$not' && (typeof value !== 'object' || value === null)) {
      return `${here} must be a condition, e.g. ${here}[field][$eq]=value.`;
    }
    const nested = filtersProblem(value, here);
    if (nested) return nested;
  }
  return null;
}

/** The first query key the public API does not accept, as a refusal; `null` when all are fine. */
export function unknownKeyProblem(query: Query): { message: string; param: string } | null {
  const unknown = Object.keys(query).find((key) => !ACCEPTED.has(key));
  if (unknown === undefined) return null;
  return {
    message:
      `Unknown query parameter "${unknown}". This API accepts: ${PUBLIC_QUERY_KEYS.join(', ')} ` +
      '(status: published only).',
    param: unknown,
  };
}

/** Where a NUL character is, in the query (`filters[question][$eq]`) or a path parameter. */
export function nulProblem(value: unknown, path: string): string | null {
  if (typeof value === 'string') return value.includes('\u0000') ? path : null;
  if (value === null || typeof value !== 'object') return null;
  for (const [key, item] of Object.entries(value)) {
    if (key.includes('\u0000')) return path;
    const found = nulProblem(item, path === '' ? key : `${path}[${key}]`);
    if (found !== null) return found;
  }
  return null;
}

const publicReadGuard: Core.MiddlewareFactory = (_config, { strapi }) => {
  return async (ctx, next) => {
    const query = ctx.query as Query;
    const refuse = (message: string, param: string) => ctx.badRequest(message, { param });

    const header = firstHeaderIn(ctx.headers, REFUSED_HEADERS);
    if (header !== undefined) {
      return ctx.badRequest(
        `The ${displayName(header)} header is not accepted: this API answers in one format.`,
        { header: displayName(header) },
      );
    }
    const nul = nulProblem(ctx.params ?? {}, '') ?? nulProblem(query, '');
    if (nul !== null) {
      return refuse(`${nul || 'The query'} contains a NUL character.`, nul || 'query');
    }
    if (query.status !== undefined && query.status !== 'published') {
      return refuse('Only published content is available from this API.', 'status');
    }
    const unknown = unknownKeyProblem(query);
    if (unknown) return refuse(unknown.message, unknown.param);
    if (query.locale !== undefined) {
      const codes = await localeCodes(strapi);
      if (typeof query.locale !== 'string' || !codes.includes(query.locale)) {
        return refuse(`Unknown locale. Available locales: ${codes.join(', ')}.`, 'locale');
      }
    }
    const maxLimit = strapi.config.get<number>('api.rest.maxLimit', 100);
    const pagination = paginationProblem(query.pagination, maxLimit);
    if (pagination) return refuse(pagination, 'pagination');
    const filters = filtersProblem(query.filters);
    if (filters) return refuse(filters, 'filters');
    const uid = routeContentType(strapi, ctx.state.route as RouteState | undefined);
    const values = uid === null ? null : filterValuesProblem(strapi, uid, query.filters);
    if (values) return refuse(values, 'filters');
    const nested =
      uid === null ? null : populateProblem(strapi, uid, query.populate, filtersProblem);
    if (nested) return refuse(nested, 'populate');

    await next();
  };
};

/** What Strapi puts on ctx.state.route. */
interface RouteState {
  handler?: unknown;
  info?: { apiName?: string };
}

/** The api:: content type of the route being answered (ctx.state.route), if any. */
function routeContentType(strapi: Core.Strapi, route: RouteState | undefined): string | null {
  if (!route) return null;
  return contentTypeOf(strapi, {
    method: 'GET',
    path: '',
    prefix: '',
    handler: typeof route.handler === 'string' ? route.handler : null,
    apiName: route.info?.apiName,
  });
}

/** The api:: content type whose controller answers `route`, if any. */
function contentTypeOf(strapi: Core.Strapi, route: RouteDescription): string | null {
  const inApi = (uid: string) => uid.startsWith('api::') && uid in strapi.contentTypes;
  if (route.handler === null) {
    // A function handler in an API with a content type: guarded too, to be safe.
    const api = route.apiName;
    if (!api) return null;
    return Object.keys(strapi.contentTypes).find((uid) => uid.startsWith(`api::${api}.`)) ?? null;
  }
  const controller = route.handler.slice(0, route.handler.lastIndexOf('.'));
  const uid = controller.includes('::')
    ? controller
    : route.apiName
      ? `api::${route.apiName}.${controller}`
      : '';
  return inApi(uid) ? uid : null;
}

/**
 * Puts the guard first on every GET content-API route answered by an api:: content type's
 * controller (call in register()). Start-up fails if it found none (src/utils/route-hooks.ts).
 */
export function guardPublicReads(strapi: Core.Strapi): void {
  const guard = publicReadGuard({}, { strapi }) as Core.MiddlewareHandler;
  addRouteHook(strapi, {
    name: 'public read guard',
    api: 'content-api',
    required: true,
    applies: (route) => route.method === 'GET' && contentTypeOf(strapi, route) !== null,
    middleware: guard,
  });
}

export default publicReadGuard;
