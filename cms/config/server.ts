import type { Core } from '@strapi/strapi';
import cronTasks from './cron-tasks';

const config = ({ env }: Core.Config.Shared.ConfigParams): Core.Config.Server => {
  return {
    host: env('HOST', '0.0.0.0'),
    port: env.int('PORT', 1337),
    // The CMS's own public address (behind a proxy in production); empty means "as requested".
    url: env('PUBLIC_URL', ''),
    // Behind the proxy production puts in front (nginx, which sets X-Forwarded-For to the address
    // it saw and X-Forwarded-Proto to the scheme), trust exactly that one hop: Koa's ctx.ip is then
    // the last X-Forwarded-For entry, never one a client wrote itself, and ctx.secure follows
    // X-Forwarded-Proto. Strapi's admin login limiter keys on ctx.ip. Not proxied: both ignored.
    proxy: env.bool('IS_PROXIED', false) ? { koa: true, maxIpsCount: 1 } : { koa: false },
    app: {
      keys: env.array('APP_KEYS')!,
    },
    // The publish log's retention, the schedules (config/cron-tasks.ts). CRON_ENABLED=false turns
    // them off in a process (e.g. a one-off script).
    cron: { enabled: env.bool('CRON_ENABLED', true), tasks: cronTasks },
    webhooks: {
      populateRelations: env.bool('WEBHOOKS_POPULATE_RELATIONS', false),
    },
  };
};

export default config;
