import type { Core } from '@strapi/strapi';

/**
 * "Was this page helpful?" (src/page-feedback): how many answers one address may send, read as
 * `strapi.config.get('page-feedback')` at each request. nginx limits the same route before it
 * reaches the CMS (web/nginx/default.conf); this is the CMS's own limit, for any other way in.
 */
export interface PageFeedbackConfig {
  rateLimit: {
    /** PAGE_FEEDBACK_RATE_LIMIT: answers per address per window (bad ones count too). */
    max: number;
    windowMs: number;
  };
}

const config = ({ env }: Core.Config.Shared.ConfigParams): PageFeedbackConfig => ({
  rateLimit: { max: env.int('PAGE_FEEDBACK_RATE_LIMIT', 10), windowMs: 60_000 },
});

export default config;
