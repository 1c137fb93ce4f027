/**
 * The cache key of a public read: the path plus the query, normalized so that equal queries share
 * one entry whatever their parameter order or percent-encoding.
 *
 * The query is the one Strapi itself acts on: `ctx.query`, parsed by `strapi::query` (qs, with
 * Strapi's options), so `sort=order%3Aasc` and `sort=order:asc`, or `fields[0]=a` and `fields[]=a`,
 * are already the same value. Object keys are then written in sorted order, except under `sort`,
 * where the order is the meaning (`sort[title]=asc&sort[order]=desc` sorts by title first), and
 * arrays keep their order (`sort[0]`, `fields[0]`). Anything Strapi can tell apart stays apart.
 */

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

function write(value: unknown, keepOrder: boolean): string {
  if (Array.isArray(value)) return `[${value.map((item) => write(item, keepOrder)).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const keys = Object.keys(value);
    if (!keepOrder) keys.sort();
    const fields = keys.map(
      (key) =>
        `${JSON.stringify(key)}:${write((value as Record<string, unknown>)[key], keepOrder || key === 'sort')}`,
    );
    return `{${fields.join(',')}}`;
  }
  // qs gives strings and (strictNullHandling) null; anything else is written as JSON would.
  return JSON.stringify(value as Json) ?? 'null';
}

/** The query as a canonical string; `''` for no query at all. */
export function canonicalQuery(query: Record<string, unknown>): string {
  return Object.keys(query).length === 0 ? '' : write(query, false);
}

/** `path` alone, or `path?{canonical query}`. */
export function cacheKey(path: string, query: Record<string, unknown>): string {
  const canonical = canonicalQuery(query);
  return canonical === '' ? path : `${path}?${canonical}`;
}
