/**
 * Every request header Strapi's own code reads (core and every installed plugin, in their dist/
 * server code), and what the public reads do about each. The response cache keys an answer on the
 * path and the query only; an answer that also depends on a request header would otherwise be
 * stored by whoever asked first after an invalidation, and served to everyone. So each header
 * that shapes a content-API answer is either:
 *
 * - `refuse`: the public read guard answers 400 naming it (src/middlewares/public-read-guard.ts),
 *   and the cache neither serves nor stores the request;
 * - `bypass`: the cache neither serves nor stores the request (X-Cache: BYPASS,
 *   Cache-Control: no-store); the chain answers it as Strapi would;
 * - `handled`: it changes no body the cache stores; the cache gets it right per request (Origin:
 *   Strapi's CORS middleware decides a hit's CORS headers from the request's own Origin);
 * - `outside`: read only by code that runs for routes the cache never serves (admin, sign-in,
 *   data transfer, MCP), so it cannot shape a cached answer.
 *
 * tests/strapi-header-reads.test.ts scans the installed Strapi packages and fails on any header
 * read missing here (a Strapi upgrade that adds one) or listed here but gone. Classify a new one
 * by reading the code at `where`: does it run on a content-API GET of a content type, and does it
 * change the answer's body?
 */

export type HeaderVerdict = 'refuse' | 'bypass' | 'handled' | 'outside';

export interface StrapiHeaderRead {
  /** Lower-case header name; `*` for the whole header set. */
  header: string;
  verdict: HeaderVerdict;
  /** `<package> <file in the package>`, each place the scan finds it. */
  where: string[];
  why: string;
}

export const STRAPI_HEADER_READS: StrapiHeaderRead[] = [
  {
    header: 'strapi-response-format',
    verdict: 'refuse',
    where: ['@strapi/core dist/core-api/controller/index.js'],
    why:
      "`v4` answers in Strapi 4's shape (fields under `attributes`). The public API has one " +
      "shape, Strapi 5's, which the site and the renderer read; no client of ours needs the " +
      'other, and a switch that makes every read uncached would let anyone keep the database ' +
      'busy at will. Refused, so it is never a cached variant either.',
  },
  {
    header: 'strapi-encode-source-maps',
    verdict: 'bypass',
    where: ['@strapi/core dist/core-api/controller/index.js'],
    why:
      '`true` hides invisible characters (content source maps, for visual editing tools) in ' +
      'every string. A legitimate request for editing tools, with the same published content: ' +
      'answered, never stored, never served to anyone else.',
  },
  {
    header: 'authorization',
    verdict: 'bypass',
    where: [
      '@strapi/plugin-users-permissions dist/server/services/jwt.js',
      '@strapi/admin dist/server/server/src/strategies/api-token-utils.js',
    ],
    why:
      'Content-API credentials (a users-permissions JWT, an API token): the answer is what ' +
      'that user or token may read. Never served from the cache nor stored.',
  },
  {
    header: 'authorization',
    verdict: 'outside',
    where: [
      '@strapi/admin dist/server/server/src/strategies/admin.js',
      '@strapi/admin dist/server/server/src/strategies/data-transfer.js',
      '@strapi/core dist/services/mcp/authentication.js',
    ],
    why: 'Admin sessions, transfer tokens and the MCP endpoint: not the public reads.',
  },
  {
    header: 'origin',
    verdict: 'handled',
    where: ['@strapi/core dist/middlewares/cors.js'],
    why:
      "CORS headers only, never the body: a hit runs strapi::cors with the request's Origin " +
      '(and the answer says Vary: Origin).',
  },
  {
    header: 'cookie',
    verdict: 'outside',
    where: [
      '@strapi/admin dist/server/server/src/controllers/authentication.js',
      '@strapi/plugin-users-permissions dist/server/controllers/auth.js',
    ],
    why: 'Refresh-token cookies of the admin and users-permissions sign-in routes.',
  },
  {
    header: 'x-forwarded-proto',
    verdict: 'outside',
    where: ['@strapi/admin dist/server/server/src/controllers/authentication.js'],
    why: 'ctx.request.secure: whether the admin session cookie is Secure, on sign-in routes.',
  },
  {
    header: 'x-forwarded-for',
    verdict: 'outside',
    where: [
      '@strapi/admin dist/server/server/src/middlewares/rateLimit.js',
      '@strapi/plugin-users-permissions dist/server/middlewares/rateLimit.js',
    ],
    why: "ctx.request.ip: the sign-in rate limiters' keys.",
  },
  {
    header: 'user-agent',
    verdict: 'outside',
    where: [
      '@strapi/admin dist/server/shared/utils/session-auth.js',
      '@strapi/plugin-users-permissions dist/server/controllers/auth.js',
    ],
    why: 'Recorded with a new session at sign-in.',
  },
  {
    header: 'x-strapi-refresh-cookie',
    verdict: 'outside',
    where: ['@strapi/plugin-users-permissions dist/server/controllers/auth.js'],
    why: 'users-permissions sign-in and refresh: whether to answer with an httpOnly cookie.',
  },
  {
    header: 'accept-encoding',
    verdict: 'outside',
    where: ['@strapi/admin dist/server/ee/server/src/audit-logs/controllers/audit-logs.js'],
    why: 'The (Enterprise) audit-log export, an admin route.',
  },
  {
    header: 'upgrade',
    verdict: 'outside',
    where: ['@strapi/data-transfer dist/strapi/remote/handlers/utils.js'],
    why: 'The data-transfer websocket (`strapi transfer`), an admin route.',
  },
  {
    header: '*',
    verdict: 'outside',
    where: ['@strapi/core dist/services/mcp/utils/createMcpCapabilityHandlerContext.js'],
    why: 'Handed to MCP tools, on the MCP endpoint (POST), not the public reads.',
  },
];

const named = (verdict: HeaderVerdict) =>
  [
    ...new Set(
      STRAPI_HEADER_READS.filter((read) => read.verdict === verdict).map((read) => read.header),
    ),
  ].sort();

/** Headers the public read guard refuses (400 naming the header). */
export const REFUSED_HEADERS: readonly string[] = named('refuse');

/** Headers with which a request is neither served from the cache nor stored in it. */
export const UNCACHEABLE_HEADERS: readonly string[] = [...REFUSED_HEADERS, ...named('bypass')];

/** The first header of `headers` (Node's, lower-case names) in `names`, if any. */
export function firstHeaderIn(
  headers: Record<string, unknown>,
  names: readonly string[],
): string | undefined {
  return names.find((name) => headers[name] !== undefined);
}

/** A header's name as HTTP documents it (`strapi-response-format` → `Strapi-Response-Format`). */
export const displayName = (header: string) =>
  header.replace(
    /(^|-)([a-z])/g,
    (_match, dash: string, letter: string) => dash + letter.toUpperCase(),
  );
