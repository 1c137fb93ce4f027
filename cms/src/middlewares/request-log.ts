import type { Core } from '@strapi/strapi';

/**
 * The request log, in place of strapi::logger (which writes a line for every request, synchronously,
 * through winston: in production, at the API's rates, a measurable share of each answer's cost).
 *
 * REQUEST_LOG:
 * - `all` (the default outside production): every request, as strapi::logger writes it
 *   (`GET /api/faqs?locale=en (12 ms) 200`, at the `http` level);
 * - `slow` (the default in production): only requests slower than REQUEST_LOG_SLOW_MS (1000 by
 *   default) or answered with a 5xx, as warnings. Errors themselves are logged by strapi::errors.
 * - `off`: none.
 */

export type RequestLogMode = 'all' | 'slow' | 'off';

export interface RequestLogConfig {
  mode?: string;
  slowMs?: number;
}

const MODES: RequestLogMode[] = ['all', 'slow', 'off'];

export function requestLogSettings(
  config: RequestLogConfig = {},
  production = process.env.NODE_ENV === 'production',
): { mode: RequestLogMode; slowMs: number } {
  const mode = (config.mode || (production ? 'slow' : 'all')) as RequestLogMode;
  if (!MODES.includes(mode)) {
    throw new Error(`REQUEST_LOG must be one of ${MODES.join(', ')}; "${config.mode}" is not.`);
  }
  const slowMs = config.slowMs ?? 1000;
  if (!Number.isFinite(slowMs) || slowMs < 0) {
    throw new Error('REQUEST_LOG_SLOW_MS must be a number of milliseconds.');
  }
  return { mode, slowMs };
}

const requestLog: Core.MiddlewareFactory = (config: RequestLogConfig, { strapi }) => {
  const { mode, slowMs } = requestLogSettings(config);
  if (mode === 'off') return;
  return async (ctx, next) => {
    const started = Date.now();
    try {
      await next();
    } finally {
      const took = Math.ceil(Date.now() - started);
      const line = `${ctx.method} ${ctx.url} (${took} ms) ${ctx.status}`;
      if (mode === 'all') strapi.log.http(line);
      else if (took >= slowMs) strapi.log.warn(`[request] slow: ${line}`);
      else if (ctx.status >= 500) strapi.log.warn(`[request] failed: ${line}`);
    }
  };
};

export default requestLog;
