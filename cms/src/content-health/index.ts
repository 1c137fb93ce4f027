import type { Core } from '@strapi/strapi';
import { healthSettingsFromEnv } from './config';
import { registerContentHealthRoutes } from './routes';

/**
 * Content health (issue #10): findings about the clinic's content an editor should act on
 * (reviews due, translations missing or behind, forgotten drafts, hard-to-read text, placeholder
 * settings, broken links to the site's pages), for the admin panel (routes.ts) and `pnpm health`.
 *
 * - checks/: one pure function per kind, over plain data; checks/index.ts says how to add one;
 * - loader.ts: the Document Service → plain data; service.ts: report, entry, permissions;
 * - config.ts: settings from the environment, validated here at start-up.
 */
export function registerContentHealth(strapi: Core.Strapi): void {
  healthSettingsFromEnv(); // a bad CONTENT_HEALTH_* value stops the start with its name
  registerContentHealthRoutes(strapi);
}

export { buildReport, entryHealth, HealthRequestError } from './service';
export type { EntryHealth, Finding, ReadingLevel, Report } from './types';
