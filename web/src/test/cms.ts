/**
 * A fake Strapi 5 at the HTTP edge: replaces global `fetch` (the axios instance uses the fetch
 * adapter), answers from the fixtures like the real REST API would, and records every request.
 * Tests can make any path fail (status), hang (until aborted by the client's timeout) or behave
 * as if the network were down.
 */
import { vi } from 'vitest';
import qs from 'qs';
import axios from 'axios';
import { API_PATHS, CONTENT_TYPES } from '@clinic/contract';
import {
  articles,
  errorBody,
  faqs,
  glossaryTerms,
  listBody,
  previewData,
  riskFactors,
  settings,
  singleBody,
} from '@/api/__tests__/fixtures/strapi';
import { createQueryFetcher } from '@/api/fetch-query';
import type { PreviewType } from '@/api/preview';
import { ARTICLE, FAQ, GLOSSARY_TERM, RISK_FACTOR, SITE_SETTING, type Locale } from '@/api/types';

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
  const match = /^fake\.(article|faq|risk-factor|site-setting|glossary-term)\.(en|es)$/.exec(token);
  if (!match) return unauthorized(PREVIEW_REFUSALS.invalid);
  return {
    status: 200,
    body: { data: previewData(match[1] as PreviewType, match[2] as Locale) },
  };
}

function localeOf(query: Record<string, unknown>): Locale {
  return query.locale === 'es' ? 'es' : 'en';
}

/** Every published document of each content type, per locale: what the fake CMS serves. */
type Documents = Record<Locale, ReadonlyArray<object>>;
export type Content = Record<string, Documents>;

export const CONTENT: Content = {
  [ARTICLE]: articles,
  [FAQ]: faqs,
  [RISK_FACTOR]: riskFactors,
  [GLOSSARY_TERM]: glossaryTerms,
  [SITE_SETTING]: { en: [settings.en], es: [settings.es] },
};

const PATHS = Object.entries(API_PATHS).map(([uid, path]) => ({ uid, path: `/api${path}` }));

/**
 * `fields` and `populate` as Strapi applies them to one document. A populated relation shows the
 * related documents as they are published now in that locale (the fixtures hold only their ids).
 */
function shape(
  uid: string,
  document: Record<string, unknown>,
  query: Record<string, unknown>,
  content: Content,
) {
  const attributes = CONTENT_TYPES[uid as keyof typeof CONTENT_TYPES].attributes as Record<
    string,
    { type: string; target?: string }
  >;
  const fields = query.fields as string[] | undefined;
  const populate = (query.populate ?? {}) as Record<string, unknown>;
  const locale = localeOf(query);
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(document)) {
    const spec = attributes[key];
    const populated = spec && ['relation', 'media', 'component'].includes(spec.type);
    if (populated && !(key in populate)) continue;
    if (!populated && fields && !['id', 'documentId', ...fields].includes(key)) continue;
    const toOne = spec?.type === 'relation' && !Array.isArray(value);
    if (spec?.type !== 'relation' || (toOne && !value)) {
      out[key] = value;
      continue;
    }
    const published = (content[spec.target!]?.[locale] ?? []) as Array<Record<string, unknown>>;
    const nested = (populate[key] as { fields?: string[] } | undefined)?.fields;
    const shaped = (toOne ? [value] : (value as unknown[]))
      .map((ref) =>
        published.find((d) => d.documentId === (ref as { documentId: string }).documentId),
      )
      .filter((related) => related !== undefined)
      .map((related) =>
        nested
          ? Object.fromEntries(
              Object.entries(related).filter(([k]) => ['id', 'documentId', ...nested].includes(k)),
            )
          : related,
      );
    // A relation to one document: that document, or null when it is not published.
    out[key] = toOne ? (shaped[0] ?? null) : shaped;
  }
  return out;
}

/** `filters[field][$eq]=value`, the only filter the site uses. */
function matches(document: Record<string, unknown>, filters: unknown): boolean {
  if (!filters || typeof filters !== 'object') return true;
  return Object.entries(filters as Record<string, { $eq?: unknown }>).every(
    ([field, condition]) => condition?.$eq === undefined || document[field] === condition.$eq,
  );
}

/** What the real CMS would answer for `content` (the fixtures), for any content type's REST path. */
export function strapiAnswer(req: RecordedRequest, content: Content = CONTENT): Outcome {
  const locale = localeOf(req.query);
  if (req.method !== 'GET') return { status: 405, body: errorBody(405) };
  if (req.path === '/api/preview') return previewAnswer(req.query.token);
  // The CMS's redirects (cms/src/redirects): none unless a test overrides it.
  if (req.path === '/api/site-redirects') return { status: 200, body: { data: [] } };

  const type = PATHS.find(({ path }) => req.path === path || req.path.startsWith(`${path}/`));
  if (!type) return { status: 404, body: errorBody(404) };
  const documents = content[type.uid]![locale] as Array<Record<string, unknown>>;
  const single = CONTENT_TYPES[type.uid as keyof typeof CONTENT_TYPES].kind === 'singleType';
  if (single)
    return { status: 200, body: singleBody(shape(type.uid, documents[0]!, req.query, content)) };

  if (req.path !== type.path) {
    const documentId = decodeURIComponent(req.path.slice(type.path.length + 1));
    const found = documents.find((document) => document.documentId === documentId);
    return found
      ? { status: 200, body: singleBody(shape(type.uid, found, req.query, content)) }
      : { status: 404, body: errorBody(404) };
  }
  const pagination = (req.query.pagination ?? {}) as { page?: string; pageSize?: string };
  const page = Number(pagination.page ?? 1);
  const pageSize = Number(pagination.pageSize ?? 25);
  let found = documents.filter((document) => matches(document, req.query.filters));
  if ((req.query.sort as string[] | undefined)?.[0] === 'documentId:asc') {
    found = [...found].sort((a, b) => String(a.documentId).localeCompare(String(b.documentId)));
  }
  const slice = found.slice((page - 1) * pageSize, page * pageSize);
  return {
    status: 200,
    body: listBody(
      slice.map((document) => shape(type.uid, document, req.query, content)),
      pageSize,
      { page, total: found.length },
    ),
  };
}

export interface FakeCms {
  requests: RecordedRequest[];
  /** What this fake serves: a copy of the fixtures that a test may change (see `publish`). */
  content: Content;
  /**
   * Publishes a document as it now reads in `locale` (merged into the one with that documentId,
   * or added), or unpublishes it (`null`).
   */
  publish(uid: string, locale: Locale, documentId: string, document: object | null): void;
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

function recordedRequest(url: string, method: string): RecordedRequest {
  const parsed = new URL(url, 'http://localhost');
  const search = parsed.search.replace(/^\?/, '');
  return {
    method: method.toUpperCase(),
    path: parsed.pathname,
    search,
    query: qs.parse(search, { depth: 10 }) as Record<string, unknown>,
  };
}

function responseOf(outcome: { status: number; body: unknown; contentType?: string }): Response {
  const isJson = outcome.contentType === undefined;
  return new Response(isJson ? JSON.stringify(outcome.body) : String(outcome.body), {
    status: outcome.status,
    headers: { 'Content-Type': outcome.contentType ?? 'application/json; charset=utf-8' },
  });
}

/**
 * The fixtures answered as the CMS would, without a request (nothing is recorded): for rendering
 * pages in tests as the renderer does.
 */
export const fixtureFetcher = createQueryFetcher(
  axios.create({
    baseURL: 'http://cms.test/api',
    adapter: 'fetch',
    env: {
      fetch: async (input: unknown, init?: RequestInit) => {
        const { url, method } = requestInfo(input, init);
        const outcome = strapiAnswer(recordedRequest(url, method));
        if (typeof outcome === 'string') throw new TypeError('Failed to fetch');
        return responseOf(outcome);
      },
    },
    paramsSerializer: { serialize: (params) => qs.stringify(params, { encodeValuesOnly: true }) },
  }),
);

export function installFakeCms(): FakeCms {
  const requests: RecordedRequest[] = [];
  const content: Content = structuredClone(CONTENT);
  let overrides: {
    match: string | RegExp;
    outcome: Outcome | ((req: RecordedRequest) => Outcome | undefined | Promise<Outcome>);
  }[] = [];

  const fetchMock = vi.fn(async (input: unknown, init?: RequestInit) => {
    const { url, method, signal } = requestInfo(input, init);
    const req = recordedRequest(url, method);
    requests.push(req);

    let outcome: Outcome | undefined;
    for (let i = overrides.length - 1; i >= 0 && !outcome; i--) {
      const o = overrides[i]!;
      const hit = typeof o.match === 'string' ? req.path.endsWith(o.match) : o.match.test(req.path);
      if (hit) outcome = typeof o.outcome === 'function' ? await o.outcome(req) : o.outcome;
    }
    outcome ??= strapiAnswer(req, content);

    if (outcome === 'network-error') throw new TypeError('Failed to fetch');
    if (outcome === 'hang') {
      return new Promise<Response>((_, reject) => {
        const abort = () => reject(signal?.reason ?? new DOMException('Aborted', 'AbortError'));
        if (signal?.aborted) abort();
        signal?.addEventListener('abort', abort);
      });
    }
    return responseOf(outcome);
  });

  vi.stubGlobal('fetch', fetchMock);

  return {
    requests,
    content,
    publish(uid, locale, documentId, document) {
      const documents = content[uid]![locale] as Array<{ documentId: string }>;
      const at = documents.findIndex((d) => d.documentId === documentId);
      const merged = document && { ...(documents[at] ?? {}), ...document, documentId };
      const next = [...documents];
      if (at >= 0 && merged) next[at] = merged;
      else if (at >= 0) next.splice(at, 1);
      else if (merged) next.push(merged);
      content[uid]![locale] = next;
    },
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
