import type { Core } from '@strapi/strapi';
import { ensureFirstAdmin } from './bootstrap/first-admin';
import { ensureLocales } from './bootstrap/locales';
import { ensureEditorsCanUseAllLocales } from './bootstrap/editor-role';
import { syncPublicPermissions } from './bootstrap/public-permissions';
import { registerContentEvents } from './content-events';
import {
  rendererHookSettings,
  startRendererHook,
  stopRendererHook,
} from './content-events/renderer-hook';
import { seed } from './seed';
import { assertSecretsPresent } from './utils/required-env';

export default {
  /**
   * Checked when the app loads (start, develop, console, seed), not when the config is read, so
   * `strapi build` needs no secrets: images and CI build without them.
   */
  register({ strapi }: { strapi: Core.Strapi }) {
    assertSecretsPresent();
    const rendererHook = rendererHookSettings(strapi); // RENDERER_HOOK_URL needs RENDER_HOOK_SECRET
    // One source of content-change events (src/content-events), several listeners: the renderer's
    // notification here, the locale-code cache, later the response cache.
    registerContentEvents(strapi);
    startRendererHook(strapi, rendererHook);
  },

  /** Runs before the server starts: everything the site needs, idempotently, on every start. */
  async bootstrap({ strapi }: { strapi: Core.Strapi }) {
    await ensureLocales(strapi);
    await ensureEditorsCanUseAllLocales(strapi);
    await syncPublicPermissions(strapi);
    await ensureFirstAdmin(strapi);
    if (process.env.SEED_ON_START !== 'false') {
      const outcome = await seed(strapi);
      strapi.log.info(`[seed] ${JSON.stringify(outcome)}`);
    }
  },

  destroy({ strapi }: { strapi: Core.Strapi }) {
    stopRendererHook(strapi);
  },
};
