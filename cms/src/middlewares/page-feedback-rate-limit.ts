import type { Core } from '@strapi/strapi';
import type { PageFeedbackConfig } from '../../config/page-feedback';

/**
 * The CMS's rate limit on POST /api/page-feedbacks (route middleware of that route only): at most
 * `rateLimit.max` requests per client address per window, then 429 with a message and
 * `Retry-After`. The count lives in this process's memory for one window and is never stored;
 * with several CMS processes each counts its own (nginx's limit in front is the shared one).
 * The address is `ctx.ip`: the connection's, or with IS_PROXIED the one nginx saw.
 */

interface Window {
  count: number;
  resetAt: number;
}

/** Beyond this many addresses in one window, expired ones are dropped first. */
const PRUNE_ABOVE = 10_000;

const pageFeedbackRateLimit: Core.MiddlewareFactory = (_config, { strapi }) => {
  const windows = new Map<string, Window>();
  return async (ctx, next) => {
    const { max, windowMs } = (strapi.config.get('page-feedback') as PageFeedbackConfig).rateLimit;
    const now = Date.now();
    if (windows.size > PRUNE_ABOVE) {
      for (const [ip, window] of windows) if (window.resetAt <= now) windows.delete(ip);
    }
    let window = windows.get(ctx.ip);
    if (!window || window.resetAt <= now) {
      window = { count: 0, resetAt: now + windowMs };
      windows.set(ctx.ip, window);
    }
    window.count += 1;
    if (window.count > max) {
      ctx.status = 429;
      ctx.set('Retry-After', String(Math.ceil((window.resetAt - now) / 1000)));
      ctx.body = {
        data: null,
        error: {
          status: 429,
          name: 'TooManyRequestsError',
          message: 'Too many answers from this address. Please try again in a minute.',
          details: {},
        },
      };
      return;
    }
    await next();
  };
};

export default pageFeedbackRateLimit;
