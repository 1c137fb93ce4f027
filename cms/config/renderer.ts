import type { Core } from '@strapi/strapi';

/**
 * The prerendering renderer, as the CMS sees it: where to notify it of content changes and how to
 * sign the notification (src/content-events/renderer-hook.ts). Read as `strapi.config.get('renderer')`.
 * No RENDERER_HOOK_URL: no notification. With one, RENDER_HOOK_SECRET is required (checked when
 * the app loads, like the other secrets, so `strapi build` needs neither).
 */
export interface RendererConfig {
  hook: {
    /** RENDERER_HOOK_URL: one URL, or several comma-separated. */
    urls: string[];
    /** RENDER_HOOK_SECRET: the HMAC key the renderer shares. */
    secret: string;
    /** How long one delivery may take before it counts as failed. */
    timeoutMs: number;
    /** Further attempts after a failed delivery, after a pause that doubles from retryDelayMs. */
    retries: number;
    retryDelayMs: number;
  };
}

const config = ({ env }: Core.Config.Shared.ConfigParams): RendererConfig => ({
  hook: {
    urls: env.array('RENDERER_HOOK_URL', []).filter((url: string) => url !== ''),
    secret: env('RENDER_HOOK_SECRET', '').trim(),
    timeoutMs: env.int('RENDERER_HOOK_TIMEOUT_MS', 5000),
    retries: env.int('RENDERER_HOOK_RETRIES', 3),
    retryDelayMs: 250,
  },
});

export default config;
