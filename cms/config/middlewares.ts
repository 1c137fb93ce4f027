import type { Core } from '@strapi/strapi';
import type { RequestLogConfig } from '../src/middlewares/request-log';
import type { ResponseCacheConfig } from '../src/response-cache';

/** Site origins allowed to call the API from a browser; the local web app's by default. */
const DEFAULT_SITE_ORIGINS = [
  'http://localhost:5173',
  'http://127.0.0.1:5173',
  'http://localhost:4173',
  'http://127.0.0.1:4173',
];

const config = ({ env }: Core.Config.Shared.ConfigParams): Core.Config.Middlewares => [
  // Instead of strapi::logger: every request in development, only slow or failed ones in
  // production (REQUEST_LOG, REQUEST_LOG_SLOW_MS; src/middlewares/request-log.ts).
  {
    name: 'global::request-log',
    config: {
      mode: env('REQUEST_LOG'),
      slowMs: env.int('REQUEST_LOG_SLOW_MS'),
    } satisfies RequestLogConfig,
  },
  'strapi::errors',
  // The public reads' response cache (src/middlewares/response-cache.ts): before everything a
  // cached answer can skip; it gives hits the same security and CORS headers as the chain below.
  // Unset variables take the defaults in src/response-cache/index.ts.
  {
    name: 'global::response-cache',
    config: {
      enabled: env.bool('RESPONSE_CACHE_ENABLED'),
      redisUrl: env('REDIS_URL'),
      redisPrefix: env('RESPONSE_CACHE_REDIS_PREFIX'),
      redisTimeoutMs: env.int('RESPONSE_CACHE_REDIS_TIMEOUT_MS'),
      ttlSeconds: env.int('RESPONSE_CACHE_TTL_SECONDS'),
      maxMemoryMb: env.int('RESPONSE_CACHE_MAX_MB'),
      cacheControl: env('RESPONSE_CACHE_CONTROL'),
    } satisfies ResponseCacheConfig,
  },
  {
    name: 'strapi::security',
    config: {
      contentSecurityPolicy: {
        useDefaults: true,
        directives: {
          // The admin shows the site's draft preview in a frame.
          'frame-src': ["'self'", env('SITE_URL', 'http://localhost:5173')],
        },
      },
    },
  },
  {
    name: 'strapi::cors',
    config: {
      origin: env.array('CORS_ORIGINS', DEFAULT_SITE_ORIGINS),
      methods: ['GET', 'HEAD', 'OPTIONS'],
      headers: ['Content-Type', 'Authorization', 'Accept'],
      keepHeaderOnError: true,
    },
  },
  'strapi::poweredBy',
  'strapi::query',
  'strapi::body',
  // No strapi::session: nothing here uses it (the admin keeps its sessions in the database; only
  // users-permissions' OAuth "connect" providers need a cookie session, and the Public role may not
  // use them). It would otherwise run first on every request, before the response cache.
  'strapi::favicon',
  'strapi::public',
];

export default config;
