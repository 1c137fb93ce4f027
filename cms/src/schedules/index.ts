import type { Core } from '@strapi/strapi';
import { onContentChange } from '../content-events';
import { registerScheduleRoutes } from './routes';
import { scheduleIntervalSeconds } from './service';
import { cancelPendingOf, ensureScheduleTable } from './store';

/**
 * Scheduled publish and unpublish: the rows (store.ts), setting, cancelling and firing them
 * (service.ts), the admin routes (routes.ts); the cron task is in config/cron-tasks.ts and the
 * failures' content-health finding in src/content-health/checks/schedule.ts.
 */
export function registerSchedules(strapi: Core.Strapi): void {
  scheduleIntervalSeconds(); // a bad SCHEDULE_INTERVAL_SECONDS stops the start
  registerScheduleRoutes(strapi);
  // A deleted entry's pending schedules have nothing left to act on: cancelled, not failed later.
  onContentChange(strapi, async (change) => {
    if (change.action !== 'delete' || !change.documentId) return;
    await cancelPendingOf(strapi, change.documentId, change.locale);
  });
}

/** Creates the table if missing (once, under the start-up lock). */
export async function bootstrapSchedules(strapi: Core.Strapi): Promise<void> {
  await ensureScheduleTable(strapi);
}
