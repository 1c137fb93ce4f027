import type { Core } from '@strapi/strapi';
import { closeFirstAdminRegistration, ensureFirstAdmin } from './bootstrap/first-admin';
import { ensureLocales } from './bootstrap/locales';
import {
  ensureEditorsCanUseAllLocales,
  rememberPreviousContentTypes,
} from './bootstrap/editor-role';
import { syncPublicPermissions } from './bootstrap/public-permissions';
import { holdStartupLock, releaseStartupLock } from './bootstrap/startup-lock';
import { registerContentEvents } from './content-events';
import { registerContentHealth } from './content-health';
import { registerRedirects } from './redirects';
import {
  rendererHookSettings,
  startRendererHook,
  stopRendererHook,
} from './content-events/renderer-hook';
import { registerPageFeedback } from './page-feedback';
import { registerRelatedReadingLimit } from './related-reading';
import { guardPublicReads } from './middlewares/public-read-guard';
import { refusePreviewsTheRoleCannotRead } from './preview/permission';
import { seed } from './seed';
import { registerSignOff } from './sign-off';
import { bootstrapPublishLog, flushPublishLog, registerPublishLog } from './publish-log';
import { retentionDays } from './publish-log/prune';
import { bootstrapSchedules, registerSchedules } from './schedules';
import { requireHttpsForAdminSessions } from './security/admin-https';
import { assertRouteHooksApplied } from './utils/route-hooks';
import { assertSecretsPresent, checkSecretStrength } from './utils/required-env';

export default {
  /**
   * Checked when the app loads (start, develop, console, seed), not when the config is read, so
   * `strapi build` needs no secrets: images and CI build without them.
   */
  async register({ strapi }: { strapi: Core.Strapi }) {
    assertSecretsPresent();
    checkSecretStrength(process.env, {
      production: process.env.NODE_ENV === 'production',
      warn: (message) => strapi.log.warn(message),
    });
    const rendererHook = rendererHookSettings(strapi); // RENDERER_HOOK_URL needs RENDER_HOOK_SECRET
    // One source of content-change events (src/content-events), several listeners: the renderer's
    // notification here, the locale-code cache, later the response cache.
    registerContentEvents(strapi);
    startRendererHook(strapi, rendererHook);
    // A published page whose address changed gets a redirect; redirects are checked as written.
    registerRedirects(strapi);
    // Admin routes /content-health/* (src/content-health); its CONTENT_HEALTH_* settings are
    // checked here, so a bad value stops the start.
    registerContentHealth(strapi);
    registerPageFeedback(strapi); // visitors' answers cannot be edited (src/page-feedback)
    registerRelatedReadingLimit(strapi); // at most three related articles (src/related-reading)
    // Clinical sign-off on publish (src/sign-off), after the change events' middleware: a refused
    // publish never reaches them.
    registerSignOff(strapi);
    // The publish log (src/publish-log): a listener of the change events and of refusals, its admin
    // route and permission; PUBLISH_LOG_RETENTION_DAYS is checked here.
    retentionDays();
    registerPublishLog(strapi);
    // Scheduled publish and unpublish (src/schedules): admin routes; the cron task fires them.
    registerSchedules(strapi);
    // Which content types the database had before this start (bootstrap/editor-role.ts).
    rememberPreviousContentTypes(strapi);
    // Checks added to routes Strapi defines (src/utils/route-hooks.ts), before it registers them.
    guardPublicReads(strapi); // every content-API read of every content type
    requireHttpsForAdminSessions(strapi);
    refusePreviewsTheRoleCannotRead(strapi); // preview links: what the role may read
    closeFirstAdminRegistration(strapi); // in production: ADMIN_EMAIL / ADMIN_PASSWORD instead
    // Last: Strapi syncs the schema next. One CMS process at a time from here to the end of
    // bootstrap() (src/bootstrap/startup-lock.ts); the others wait.
    await holdStartupLock(strapi);
  },

  /**
   * Runs before the server starts: everything the site needs, idempotently, on every start; with
   * several CMS processes, in one at a time (the start-up lock), so each finds the last one's work.
   */
  async bootstrap({ strapi }: { strapi: Core.Strapi }) {
    try {
      assertRouteHooksApplied(strapi); // Strapi registered its routes: each check found its own
      await ensureLocales(strapi);
      await ensureEditorsCanUseAllLocales(strapi);
      await bootstrapPublishLog(strapi); // before the seed: it records the seed's publishes
      await bootstrapSchedules(strapi);
      await syncPublicPermissions(strapi);
      await ensureFirstAdmin(strapi);
      if (process.env.SEED_ON_START !== 'false') {
        const outcome = await seed(strapi);
        strapi.log.info(`[seed] ${JSON.stringify(outcome)}`);
      }
    } finally {
      // Strapi's schema sync and start-up writes and the tasks above ran alone; the next may go.
      await releaseStartupLock(strapi);
    }
  },

  async destroy({ strapi }: { strapi: Core.Strapi }) {
    stopRendererHook(strapi);
    await flushPublishLog(strapi); // before Strapi closes the database
  },
};
