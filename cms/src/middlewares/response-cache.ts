import type { Core, UID } from '@strapi/strapi';
import { PUBLIC_READ_ACTIONS } from '../bootstrap/public-permissions';
import { startResponseCache, responseCacheSettings } from '../response-cache';
import { entryProblem, sealEntry, sealingKey } from '../response-cache/entry';
import { cacheKey } from '../response-cache/key';
import { UNAVAILABLE, type CachedResponse, type Lookup } from '../response-cache/store';
import { displayName, firstHeaderIn, UNCACHEABLE_HEADERS } from '../response-cache/strapi-headers';

/**
 * The response cache of the public reads (find / findOne of PUBLIC_READ_ACTIONS: /api/articles,
 * /api/articles/:id, /api/faqs…, /api/site-setting), as a global middleware.
 *
 * What is stored: only what the whole chain answered 200 to an unauthenticated GET/HEAD of one of
 * those routes, for the Public role, keyed by the path and the normalized query
 * (src/response-cache/key.ts). Everything else the chain decides on invalidates it: the content,
 * the locales (the read guard's `locale` check) and the Public role's permissions all raise
 * content events, and any event flushes the cache. A request the read guard refuses
 * (`status=draft`, an unknown locale, bad pagination) has its own key, gets the guard's 400 every
 * time and so never has an entry.
 *
 * A cached answer is only ever the canonical one, the same for every request with its path and
 * query:
 * - a request with a header Strapi reads to shape the answer (src/response-cache/strapi-headers.ts:
 *   `Authorization`, `Strapi-Response-Format`, `Strapi-Encode-Source-Maps`) is neither served from
 *   the cache nor stored (X-Cache: BYPASS, Cache-Control: no-store, Vary naming it); the read guard
 *   refuses `Strapi-Response-Format` outright;
 * - an answer that says it depends on something the key does not cover (a Vary on a header other
 *   than Origin, a Content-Encoding, a type other than JSON: a plugin or a compression middleware
 *   added later) is not stored either (X-Cache: BYPASS);
 * - an entry read back is checked before it is served (src/response-cache/entry.ts: its own key,
 *   an HMAC seal over key, content version, ETag and body, a JSON object); one that fails is
 *   dropped, with a warning, and the answer computed again.
 *
 * Where it sits (config/middlewares.ts): near the front, after the request log and
 * strapi::errors, before strapi::security, strapi::cors, strapi::poweredBy and everything after
 * them (body parsing, static files, the router with authentication, permissions, the read guard,
 * the controller and its queries). A hit skips all of that; strapi::security alone rebuilds its
 * helmet configuration on every request and costs about as much as the rest of a hit together.
 * A hit still carries exactly the headers the chain would have set:
 * - security and X-Powered-By: they do not depend on the request for these routes (no nonce, the
 *   same path rules), so the ones the chain set on the last public read it answered in this
 *   process are replayed (nothing is served from the cache before one has been);
 * - CORS depends on the request's Origin: Strapi's own strapi::cors, with the same config,
 *   decides it for every hit.
 * The tests compare a hit's headers with the chain's, with and without an allowed Origin.
 *
 * HTTP: every public 200 read gets an ETag (of its exact bytes) and Cache-Control (short shared
 * freshness, stale-while-revalidate, stale-if-error: see DEFAULT_CACHE_CONTROL); If-None-Match
 * that matches is answered 304 with no body. X-Cache says HIT (from the cache), MISS (computed;
 * stored if it was a 200) or BYPASS (not for the cache: a shaping header such as Authorization,
 * not GET/HEAD, an answer that is not canonical, or the store unavailable, e.g. Redis down).
 */

const JSON_TYPE = 'application/json; charset=utf-8';

type Context = Parameters<Core.MiddlewareHandler>[0];
type Headers = Record<string, string | string[]>;

/** `path -> handler` of the public reads, from PUBLIC_READ_ACTIONS and the types' API names. */
function publicReadRoutes(strapi: Core.Strapi): (path: string) => string | null {
  const prefix = strapi.config.get<string>('api.rest.prefix', '/api');
  const exact = new Map<string, string>(); // /api/faqs -> api::faq.faq.find
  const byId = new Map<string, string>(); // /api/faqs -> api::faq.faq.findOne (for /api/faqs/:id)
  for (const [uid, actions] of Object.entries(PUBLIC_READ_ACTIONS)) {
    const type = strapi.contentType(uid as UID.ContentType);
    if (!type) continue;
    const single = type.kind === 'singleType';
    const base = `${prefix}/${single ? type.info.singularName : type.info.pluralName}`;
    if (actions.includes('find')) exact.set(base, `${uid}.find`);
    if (actions.includes('findOne') && !single) byId.set(base, `${uid}.findOne`);
  }
  return (path) => {
    const handler = exact.get(path);
    if (handler) return handler;
    const slash = path.lastIndexOf('/');
    if (slash <= 0 || slash === path.length - 1) return null;
    return byId.get(path.slice(0, slash)) ?? null;
  };
}

/** Strapi's strapi::cors middleware, configured as config/middlewares.ts configures it. */
function strapiCors(strapi: Core.Strapi): Core.MiddlewareHandler {
  const entries = strapi.config.get<Array<string | { name?: string; config?: unknown }>>(
    'middlewares',
    [],
  );
  const entry = entries.find((item) =>
    typeof item === 'string' ? item === 'strapi::cors' : item.name === 'strapi::cors',
  );
  const config = typeof entry === 'object' ? (entry.config ?? {}) : {};
  const handler = strapi.middleware('strapi::cors')(config, { strapi });
  if (!handler) throw new Error('strapi::cors gave no middleware');
  return handler;
}

/**
 * Headers of a chain's answer that are the same for every public read, to replay on hits: all but
 * those of the answer itself (this middleware sets them), CORS (decided per request) and cookies.
 */
const NOT_REPLAYED =
  /^(content-(type|length|encoding|disposition|language|range)|etag|cache-control|x-cache|vary|access-control-.*|set-cookie|date|last-modified|transfer-encoding|connection|keep-alive)$/;

function replayable(headers: Headers): Headers {
  return Object.fromEntries(Object.entries(headers).filter(([name]) => !NOT_REPLAYED.test(name)));
}

/**
 * Whether the answer just computed is the same for every request with its key: nothing in it
 * depends on a request header but Origin (CORS, decided again for every hit), and it is plain
 * JSON as the controller set it (not encoded or streamed by a middleware).
 */
function isCanonical(ctx: Context): boolean {
  const vary = String(ctx.response.get('Vary') ?? '')
    .split(',')
    .map((name) => name.trim().toLowerCase())
    .filter((name) => name !== '' && name !== 'origin');
  const encoding = String(ctx.response.get('Content-Encoding') ?? '').toLowerCase();
  return (
    vary.length === 0 &&
    (encoding === '' || encoding === 'identity') &&
    ctx.response.is('json') === 'json'
  );
}

/** Whether the answer just computed is one to keep: the expected route, for the Public role. */
function isPublicAnswer(ctx: Context, handler: string): boolean {
  const state = ctx.state as {
    route?: { handler?: unknown };
    auth?: { credentials?: unknown };
  };
  return (
    ctx.status === 200 &&
    state.route?.handler === handler &&
    state.auth !== undefined &&
    state.auth.credentials == null &&
    ctx.body !== null &&
    typeof ctx.body === 'object' &&
    !Buffer.isBuffer(ctx.body) &&
    typeof (ctx.body as { pipe?: unknown }).pipe !== 'function'
  );
}

const nothing = async () => {};

const responseCache: Core.MiddlewareFactory = (config, { strapi }) => {
  const settings = responseCacheSettings(config);
  if (!settings.enabled) return;
  const store = startResponseCache(strapi, settings);
  const handlerFor = publicReadRoutes(strapi);
  const cors = strapiCors(strapi);
  const secret = sealingKey(strapi.config.get<string[]>('server.app.keys', []));
  /** What security and poweredBy set on the last public read the chain answered. */
  let chainHeaders: Headers | null = null;
  /** Entries dropped since the last warning (warned at most once a minute). */
  let dropped = 0;
  let warnedAt = 0;

  function drop(key: string, version: string, problem: string) {
    store.discard(key, version);
    dropped += 1;
    if (Date.now() - warnedAt < 60_000) return;
    warnedAt = Date.now();
    strapi.log.warn(
      `[response-cache] dropped ${dropped} cached answer(s) that failed their check, the last ` +
        `for ${key} (${problem}); answered from the database. Was the cache's Redis written to ` +
        'by something else?',
    );
    dropped = 0;
  }

  function send(ctx: Context, entry: CachedResponse, state: 'HIT' | 'MISS' | 'BYPASS') {
    ctx.status = 200;
    ctx.type = JSON_TYPE;
    ctx.body = entry.body;
    ctx.set('ETag', entry.etag);
    ctx.set('Cache-Control', settings.cacheControl);
    ctx.set('X-Cache', state);
    if (ctx.fresh) ctx.status = 304; // If-None-Match matched: no body
  }

  async function lookup(key: string): Promise<Lookup> {
    try {
      const found = store.lookup(key);
      return found instanceof Promise ? await found : found;
    } catch {
      return UNAVAILABLE; // stores do not throw; should one, the database answers
    }
  }

  return async (ctx, next) => {
    const handler = handlerFor(ctx.path);
    if (handler === null) return next();
    if (ctx.method !== 'GET' && ctx.method !== 'HEAD') {
      ctx.set('X-Cache', 'BYPASS');
      return next();
    }
    // A header that shapes the answer (credentials, another format): this answer is its own.
    const shaping = firstHeaderIn(ctx.headers, UNCACHEABLE_HEADERS);
    if (shaping !== undefined) {
      ctx.set('X-Cache', 'BYPASS');
      ctx.set('Cache-Control', 'no-store');
      ctx.vary(displayName(shaping));
      return next();
    }

    const key = cacheKey(ctx.path, ctx.query as Record<string, unknown>);
    let found = await lookup(key);
    if (found.kind === 'hit') {
      const problem = entryProblem(secret, key, found.version, found.entry);
      if (problem === null && chainHeaders) {
        ctx.set(chainHeaders);
        await cors(ctx, nothing);
        send(ctx, found.entry, 'HIT');
        return;
      }
      if (problem !== null) drop(key, found.version, problem);
      found = { kind: 'miss', version: found.version };
    }

    const state = found.kind === 'unavailable' ? 'BYPASS' : 'MISS';
    ctx.set('X-Cache', state); // set first: kept on an error answer, which throws through here
    await next();

    if (!isPublicAnswer(ctx, handler)) return;
    if (!isCanonical(ctx)) {
      ctx.set('X-Cache', 'BYPASS'); // it varies with something the key does not cover
      return;
    }
    chainHeaders = replayable(ctx.response.headers as Headers);
    const version = found.kind === 'miss' ? found.version : '';
    const entry = sealEntry(secret, key, version, Buffer.from(JSON.stringify(ctx.body)));
    if (found.kind === 'miss') store.save(key, found.version, entry);
    send(ctx, entry, state);
  };
};

export default responseCache;
