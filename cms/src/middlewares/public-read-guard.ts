import type { Core } from '@strapi/strapi';
import { localeCodes } from '../utils/locale-codes';

/**
 * Guards the public read routes (find / findOne) before Strapi's query layer sees them:
 * - drafts: Strapi lets any role that may `find` ask for `?status=draft`; the public API never
 *   serves drafts (editors preview them through the signed preview route instead);
 * - locale: an unknown code would silently answer an empty list; say it is unknown instead;
 * - pagination: must be positive whole numbers within the API's maxLimit;
 * - filters: a logical operator given a plain value makes the query builder throw (a 500).
 * Everything else (unknown keys, fields, sort) is validated by Strapi's strictParams.
 */

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

const publicReadGuard: Core.MiddlewareFactory = (_config, { strapi }) => {
  return async (ctx, next) => {
    const query = ctx.query as Query;
    const refuse = (message: string, param: string) => ctx.badRequest(message, { param });

    if (query.status !== undefined && query.status !== 'published') {
      return refuse('Only published content is available from this API.', 'status');
    }
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

    await next();
  };
};

export default publicReadGuard;
