import type { Core } from '@strapi/strapi';
import { prunePublishLog } from '../src/publish-log/prune';

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
};
