import type { Core } from '@strapi/strapi';
import { prunePublishLog } from '../src/publish-log/prune';
import { scheduleIntervalSeconds, scheduleTick } from '../src/schedules/service';

/**
 * The CMS's cron tasks (config/server.ts `cron`), in every CMS process. Each task is safe to run
 * in several processes at once.
 */
export default {
  // Daily at 03:17: the publish log's rows past their retention. Two processes deleting the same
  // old rows is harmless.
  publishLogRetention: {
    task: async ({ strapi }: { strapi: Core.Strapi }) => {
      await prunePublishLog(strapi);
    },
    options: { rule: '17 3 * * *' },
  },
  // Every SCHEDULE_INTERVAL_SECONDS (15): scheduled publishes and unpublishes that are due. Each
  // row is claimed by exactly one process (src/schedules/store.ts), so every process may look.
  schedules: {
    task: async ({ strapi }: { strapi: Core.Strapi }) => {
      await scheduleTick(strapi);
    },
    options: { rule: `*/${scheduleIntervalSeconds()} * * * * *` },
  },
};
