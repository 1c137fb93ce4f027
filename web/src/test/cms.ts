/**
 * A fake Strapi 5 at the HTTP edge: replaces global `fetch` (the axios instance uses the fetch
 * adapter), answers from the fixtures like the real REST API would, and records every request.
 * Tests can make any path fail (status), hang (until aborted by the client's timeout) or behave
 * as if the network were down.
 */
import { vi } from 'vitest';
import qs from 'qs';
import {
  articles,
  errorBody,
  faqs,
  listBody,
  previewData,
  riskFactors,
  settings,
  singleBody,
} from '@/api/__tests__/fixtures/strapi';
import type { Locale, PreviewType } from '@/api/types';

export interface RecordedRequest {
  method: string;
  /** Path without the query, e.g. `/api/faqs`. */
  path: string;
  /** Raw query string without `?`. */
  search: string;
  /** The query parsed back with qs (what Strapi sees). */
  query: Record<string, unknown>;
}

export type Outcome =
  { status: number; body: unknown; contentType?: string } | 'hang' | 'network-error';

export type Override = (req: RecordedRequest) => Outcome | undefined;

/**
 * Preview tokens the fake understands (the real ones are signed by the CMS, see
 * cms/src/preview/token.ts): `previewToken(type, locale)` names a draft; the constants below get
 * the CMS's refusals.
 */
export const previewToken = (type: PreviewType, locale: Locale = 'en') => `fake.${type}.${locale}`;
export const EXPIRED_PREVIEW_TOKEN = 'fake.expired';
/** A token for a document that was deleted since the link was made (404). */
export const GONE_PREVIEW_TOKEN = 'fake.gone';

export const PREVIEW_REFUSALS = {
  missing: 'A preview link is needed to see unpublished content.',
  invalid: 'This preview link is not valid.',
  expired: 'This preview link has expired. Open the preview again from the admin.',
} as const;

function previewAnswer(token: unknown): Outcome {
  const unauthorized = (message: string) => ({ status: 401, body: errorBody(401, message) });
  if (typeof token !== 'string' || token === '') return unauthorized(PREVIEW_REFUSALS.missing);
  if (token === EXPIRED_PREVIEW_TOKEN) return unauthorized(PREVIEW_REFUSALS.expired);
  if (token === GONE_PREVIEW_TOKEN) {
    return {
      status: 404,
      body: errorBody(404, 'This content no longer exists in that language.'),
    };
  }
  const match = /^fake\.(article|faq|risk-factor|site-setting)\.(en|es)$/.exec(token);
  if (!match) return unauthorized(PREVIEW_REFUSALS.invalid);
  return {
    status: 200,
    body: { data: previewData(match[1] as PreviewType, match[2] as Locale) },
  };
}

function localeOf(query: Record<string, unknown>): Locale {
  return query.locale === 'es' ? 'es' : 'en';
}

/** What the real CMS would answer for the seed content. */
export function strapiAnswer(req: RecordedRequest): Outcome {
  const locale = localeOf(req.query);
  const path = req.path.replace(/^\/api/, '');
  if (req.method !== 'GET') return { status: 405, body: errorBody(405) };

  if (path === '/preview') return previewAnswer(req.query.token);
  if (path === '/site-setting') return { status: 200, body: singleBody(settings[locale]) };
  if (path === '/faqs') return { status: 200, body: listBody(faqs[locale]) };
  if (path === '/risk-factors') return { status: 200, body: listBody(riskFactors[locale]) };
  if (path === '/articles') {
    const filters = req.query.filters as { slug?: { $eq?: string } } | undefined;
    const slug = filters?.slug?.$eq;
    const found = articles[locale].filter((a) => slug === undefined || a.slug === slug);
    return { status: 200, body: listBody(found) };
  }
  const one = /^\/articles\/([^/]+)$/.exec(path);
  if (one) {
    const article = articles[locale].find((a) => a.documentId === decodeURIComponent(one[1]!));
    if (article && req.query.populate) return { status: 200, body: singleBody(article) };
    return article
      ? {
          status: 200,
          body: singleBody({
            id: article.id,
            documentId: article.documentId,
            title: article.title,
            slug: article.slug,
            locale: article.locale,
          }),
        }
      : { status: 404, body: errorBody(404) };
  }
  return { status: 404, body: errorBody(404) };
}

export interface FakeCms {
  requests: RecordedRequest[];
  /** Requests whose path ends with `suffix` (e.g. '/faqs'). */
  requestsTo(suffix: string): RecordedRequest[];
  /**
   * Answers matching requests differently; later overrides win. A function may return undefined
   * to let a request through to the normal answer. Returns a remover.
   */
  override(
    match: string | RegExp,
    outcome: Outcome | ((req: RecordedRequest) => Outcome | undefined | Promise<Outcome>),
  ): () => void;
  /** Removes all overrides: the fake answers normally again. */
  heal(): void;
  fetch: ReturnType<typeof vi.fn>;
}

function requestInfo(
  input: unknown,
  init?: RequestInit,
): { url: string; method: string; signal?: AbortSignal | null } {
  if (typeof input === 'string')
    return { url: input, method: init?.method ?? 'GET', signal: init?.signal };
  if (input instanceof URL)
    return { url: input.href, method: init?.method ?? 'GET', signal: init?.signal };
  const req = input as Request;
  return {
    url: req.url,
    method: init?.method ?? req.method ?? 'GET',
    signal: init?.signal ?? req.signal,
  };
}

export function installFakeCms(): FakeCms {
  const requests: RecordedRequest[] = [];
  let overrides: {
    match: string | RegExp;
    outcome: Outcome | ((req: RecordedRequest) => Outcome | undefined | Promise<Outcome>);
  }[] = [];

  const fetchMock = vi.fn(async (input: unknown, init?: RequestInit) => {
    const { url, method, signal } = requestInfo(input, init);
    const parsed = new URL(url, 'http://localhost');
    const search = parsed.search.replace(/^\?/, '');
    const req: RecordedRequest = {
      method: method.toUpperCase(),
      path: parsed.pathname,
      search,
      query: qs.parse(search, { depth: 10 }) as Record<string, unknown>,
    };
    requests.push(req);

    let outcome: Outcome | undefined;
    for (let i = overrides.length - 1; i >= 0 && !outcome; i--) {
      const o = overrides[i]!;
      const hit = typeof o.match === 'string' ? req.path.endsWith(o.match) : o.match.test(req.path);
      if (hit) outcome = typeof o.outcome === 'function' ? await o.outcome(req) : o.outcome;
    }
    outcome ??= strapiAnswer(req);

    if (outcome === 'network-error') throw new TypeError('Failed to fetch');
    if (outcome === 'hang') {
      return new Promise<Response>((_, reject) => {
        const abort = () => reject(signal?.reason ?? new DOMException('Aborted', 'AbortError'));
        if (signal?.aborted) abort();
        signal?.addEventListener('abort', abort);
      });
    }
    const isJson = outcome.contentType === undefined;
    return new Response(isJson ? JSON.stringify(outcome.body) : String(outcome.body), {
      status: outcome.status,
      headers: { 'Content-Type': outcome.contentType ?? 'application/json; charset=utf-8' },
    });
  });

  vi.stubGlobal('fetch', fetchMock);

  return {
    requests,
    requestsTo: (suffix) => requests.filter((r) => r.path.endsWith(suffix)),
    override(match, outcome) {
      const entry = { match, outcome };
      overrides.push(entry);
      return () => {
        overrides = overrides.filter((o) => o !== entry);
      };
    },
    heal() {
      overrides = [];
    },
    fetch: fetchMock,
  };
}

/** A response the test releases when it wants (to observe loading states). */
export function deferred() {
  let release!: (outcome?: Outcome) => void;
  const promise = new Promise<Outcome | undefined>((resolve) => {
    release = (outcome) => resolve(outcome);
  });
  return {
    /** Use as an override: waits, then answers like the real CMS (or with the given outcome). */
    outcome: async (req: RecordedRequest): Promise<Outcome> => (await promise) ?? strapiAnswer(req),
    release,
  };
}
