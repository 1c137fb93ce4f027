/**
 * The site as a crawler or a link preview sees it: raw HTML over plain HTTP, no browser. And the
 * CMS's REST API with the tests' API token, to set up content quickly.
 */
import { request as httpRequest } from 'node:http';
import { expect } from '@playwright/test';
import { env } from './env';

export interface RawPage {
  status: number;
  contentType: string;
  html: string;
}

/** GET a page of the site as a plain HTTP client. */
export async function getPage(path: string): Promise<RawPage> {
  const response = await fetch(new URL(path, env.webUrl), { redirect: 'manual' });
  return {
    status: response.status,
    contentType: response.headers.get('content-type') ?? '',
    html: await response.text(),
  };
}

const ENTITIES: Record<string, string> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: '\u00a0',
};

/** The text a reader sees in an HTML fragment: tags dropped, entities decoded, spaces folded. */
export function textOf(html: string): string {
  return (
    html
      .replace(/<(script|style)\b[\s\S]*?<\/\1>/gi, ' ')
      .replace(/<!--[\s\S]*?-->/g, '')
      // A block ends a run of text; an inline element (a link, emphasis) does not.
      .replace(
        /<\/?(?:p|div|li|ul|ol|h[1-6]|br|section|article|header|footer|main|nav|aside|dl|dt|dd|figure|figcaption|blockquote|pre|title|button|span)\b[^>]*>/gi,
        ' ',
      )
      .replace(/<[^>]+>/g, '')
      .replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, code: string) => {
        if (code.startsWith('#x') || code.startsWith('#X'))
          return String.fromCodePoint(parseInt(code.slice(2), 16));
        if (code.startsWith('#')) return String.fromCodePoint(Number(code.slice(1)));
        return ENTITIES[code.toLowerCase()] ?? whole;
      })
      .replace(/\s+/g, ' ')
      .trim()
  );
}

/** The JSON-LD objects in a page's head. */
export function jsonLdOf(html: string): Array<Record<string, unknown>> {
  return [...html.matchAll(/<script type="application\/ld\+json"[^>]*>([\s\S]*?)<\/script>/g)].map(
    (match) => JSON.parse(match[1]!) as Record<string, unknown>,
  );
}

/** The state the page carries for hydration, as the raw text inside its script element. */
export function rawStateOf(html: string): string {
  const match = /<script id="page-state" type="application\/json">([\s\S]*?)<\/script>/.exec(html);
  if (!match) throw new Error('the page carries no state');
  return match[1]!;
}

/** The value of `<meta name|property=…>` or `<link rel=… hreflang=…>` attributes. */
export function metaContent(html: string, attribute: string, name: string): string | undefined {
  const tag = new RegExp(`<meta ${attribute}="${name}" content="([^"]*)"`).exec(html);
  return tag?.[1];
}

/**
 * Polls a page's raw HTML until `ready` says so; returns the milliseconds since `since`.
 * Fails after `timeoutMs` with the last status.
 */
export async function waitForPage(
  path: string,
  ready: (page: RawPage) => boolean,
  { since = Date.now(), timeoutMs = 15_000 } = {},
): Promise<number> {
  let last: RawPage | undefined;
  while (Date.now() - since < timeoutMs) {
    last = await getPage(path);
    if (ready(last)) return Date.now() - since;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  throw new Error(`${path} did not change within ${timeoutMs} ms (last status ${last?.status})`);
}

/** The REST API as an admin's API token allows (full access: drafts and writes too). */
export async function cmsApi<T = unknown>(
  method: string,
  path: string,
  body?: unknown,
): Promise<T> {
  const response = await fetch(new URL(`/api${path}`, env.cmsUrl), {
    method,
    headers: { authorization: `Bearer ${env.apiToken}`, 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  expect(response.ok, `${method} /api${path} → ${response.status}: ${text}`).toBe(true);
  return (text ? JSON.parse(text) : null) as T;
}

/** The median of some measurements. */
export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2
    ? sorted[middle]!
    : Math.round((sorted[middle - 1]! + sorted[middle]!) / 2);
}

export interface RawResponse {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

/**
 * A request from another address of this machine (127.0.0.2 by default): nginx does not limit
 * requests from the machine itself (127.0.0.1), only from others, like visitors.
 */
export function requestFrom(
  url: string,
  { method = 'GET', headers = {}, body, localAddress = '127.0.0.2' } = {} as {
    method?: string;
    headers?: Record<string, string>;
    body?: string;
    localAddress?: string;
  },
): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const request = httpRequest(url, { method, headers, localAddress }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () =>
        resolve({
          status: response.statusCode ?? 0,
          headers: response.headers,
          body: Buffer.concat(chunks).toString('utf8'),
        }),
      );
    });
    request.setTimeout(10_000, () => request.destroy(new Error(`${method} ${url} timed out`)));
    request.on('error', reject);
    request.end(body);
  });
}
