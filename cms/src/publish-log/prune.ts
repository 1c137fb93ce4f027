import type { Core } from '@strapi/strapi';
import { pruneLog } from './store';

/**
 * Retention: rows older than PUBLISH_LOG_RETENTION_DAYS (730, two years; a whole number from 30
 * to 36500) are deleted by a daily cron task (config/cron-tasks.ts). A bad value stops the start.
 */
export const DEFAULT_RETENTION_DAYS = 730;

export function retentionDays(env: NodeJS.ProcessEnv = process.env): number {
  const raw = env.PUBLISH_LOG_RETENTION_DAYS?.trim();
  if (raw === undefined || raw === '') return DEFAULT_RETENTION_DAYS;
  const days = Number(raw);
  if (!/^\d+$/.test(raw) || days < 30 || days > 36500) {
    throw new Error(
      `PUBLISH_LOG_RETENTION_DAYS must be a whole number of days from 30 to 36500 ` +
        `(default ${DEFAULT_RETENTION_DAYS}); it is "${raw}".`,
    );
  }
  return days;
}

export async function prunePublishLog(strapi: Core.Strapi, now = new Date()): Promise<number> {
  const before = new Date(now.getTime() - retentionDays() * 24 * 60 * 60 * 1000);
  const deleted = await pruneLog(strapi, before);
  if (deleted > 0)
    strapi.log.info(`[publish-log] pruned ${deleted} rows from before ${before.toISOString()}`);
  return deleted;
}
