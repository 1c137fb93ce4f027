import { stat, readFile } from 'node:fs/promises';
import { join } from 'node:path';

/**
 * Redirects: the CMS keeps them (its `redirect` collection; a published page whose address
 * changed gets one), the renderer writes them beside the pages as `redirects.json`, and the web
 * servers answer a request for a page that does not exist with a 301 to its new address when the
 * file has one, else the 404 page. Only a missing page is looked up: a page that exists is always
 * served, so a redirect can never hide one.
 *
 * nginx (web/nginx/default.conf) asks the renderer's lookup (`GET /redirects/<path>` on its hook
 * server, from `@redirects` after a 404); `npm start`'s server (site-server.ts) looks up the same
 * file itself. Both read it through `createRedirectLookup`, so a new file counts at once, without
 * restarting or reloading either.
 */

export const REDIRECTS_FILE = 'redirects.json';

/** The CMS's list of redirects (src/redirects in the CMS); its change events name this uid. */
export const REDIRECTS_PATH = '/api/site-redirects';
export const REDIRECT_UID = 'api::redirect.redirect';

export interface Redirect {
  source: string;
  target: string;
}

/** A path on this site: `/…`, not `//host`, no backslash, space or control character. */
const isSitePath = (value: unknown) =>
  typeof value === 'string' && /^\/(?!\/)[^\s\\\u0000-\u001f\u007f]*$/.test(value);

/** The redirects in a CMS answer or a file, or null when it is not one (never half of one). */
export function parseRedirects(value: unknown): Redirect[] | null {
  const list = (value as { data?: unknown } | null)?.data;
  if (!Array.isArray(list)) return null;
  const redirects: Redirect[] = [];
  for (const item of list) {
    const { source, target } = (item ?? {}) as Record<string, unknown>;
    if (!isSitePath(source) || !isSitePath(target)) return null;
    redirects.push({ source: source as string, target: target as string });
  }
  return redirects;
}

/** Reads the redirects from the CMS; throws when it cannot be read or answers something else. */
export async function fetchRedirects(cmsUrl: string): Promise<Redirect[]> {
  const response = await fetch(new URL(REDIRECTS_PATH, cmsUrl), {
    headers: { accept: 'application/json' },
  });
  if (!response.ok) throw new Error(`${REDIRECTS_PATH} answered ${response.status}`);
  const redirects = parseRedirects(await response.json());
  if (!redirects) throw new Error(`${REDIRECTS_PATH} did not answer a list of site paths`);
  return redirects;
}

/** The file's content: the same shape as the CMS's answer, sorted (an unchanged list, same bytes). */
export function redirectsFileContent(redirects: Redirect[]): string {
  const sorted = [...redirects].sort((a, b) =>
    a.source < b.source ? -1 : a.source > b.source ? 1 : 0,
  );
  return `${JSON.stringify({ data: sorted }, null, 1)}\n`;
}

/** A request path as redirects are keyed: decoded, one trailing slash dropped. */
export function redirectKey(pathname: string): string {
  let path = pathname;
  try {
    path = decodeURIComponent(pathname);
  } catch {
    // kept as it came: it matches no canonical source
  }
  return path.length > 1 ? path.replace(/\/$/, '') : path;
}

/** Where a redirect sends a request: the target, with the request's query before its fragment. */
export function redirectLocation(target: string, search: string): string {
  if (!search || search === '?') return target;
  const hash = target.indexOf('#');
  return hash === -1 ? target + search : target.slice(0, hash) + search + target.slice(hash);
}

export type RedirectLookup = (pathname: string, search?: string) => Promise<string | null>;

/**
 * Looks paths up in `root/redirects.json`, read again whenever the file changed (its modification
 * time and size), so the renderer's new file counts on the next request. No file, or one that is
 * not a list of redirects: no redirects (a 404 stays a 404).
 */
export function createRedirectLookup(root: string): RedirectLookup {
  const file = join(root, REDIRECTS_FILE);
  let version = '';
  let table = new Map<string, string>();

  async function current(): Promise<Map<string, string>> {
    const info = await stat(file).catch(() => null);
    const seen = info ? `${info.mtimeMs}:${info.size}` : 'none';
    if (seen === version) return table;
    let redirects: Redirect[] | null = null;
    if (info) {
      try {
        redirects = parseRedirects(JSON.parse(await readFile(file, 'utf8')));
      } catch {
        redirects = null;
      }
    }
    table = new Map((redirects ?? []).map(({ source, target }) => [redirectKey(source), target]));
    version = seen;
    return table;
  }

  return async (pathname, search = '') => {
    const target = (await current()).get(redirectKey(pathname));
    return target ? redirectLocation(target, search) : null;
  };
}
