/** English pages are unprefixed, Spanish ones live under `/es` (same segments after it). */
export const LOCALE_PREFIX = '/:locale(es)?';

/**
 * The path a route without parameters is at, without the language prefix (`/faq`, `/`), or null
 * for a route with parameters (an article's) or outside the localized tree (the catch-all).
 */
export function staticPath(routePath: string): string | null {
  if (!routePath.startsWith(LOCALE_PREFIX)) return null;
  const rest = routePath.slice(LOCALE_PREFIX.length) || '/';
  return /[:(*]/.test(rest) ? null : rest;
}
