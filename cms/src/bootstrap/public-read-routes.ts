import type { Core } from '@strapi/strapi';
import { publicContentTypes } from '../content-model';

/**
 * Puts the public read guard (src/middlewares/public-read-guard.ts: no drafts, known locales,
 * sane pagination) on the find/findOne routes of every public type of the content model whose
 * route file does not list it, i.e. a route file as `strapi generate` writes it
 * (`factories.createCoreRouter(uid)`), so a new type's drafts never reach the public.
 *
 * A bridge: the guard is being made to cover every content-API read route on its own; once it
 * does, delete this file and its call in src/index.ts (tests/content-model.test.ts keeps checking
 * that every public type refuses drafts).
 *
 * Runs in register(): the API route files are loaded, Strapi registers their routes later.
 */

const GUARD = 'global::public-read-guard';

/** `api::glossary-term.glossary-term` → `glossary-term`: the folder under src/api. */
const apiNameOf = (uid: string) => uid.slice('api::'.length, uid.indexOf('.'));

interface RouteConfig {
  middlewares?: unknown[];
}

interface Route {
  handler?: unknown;
  config?: RouteConfig;
}

export function guardPublicReadRoutes(strapi: Core.Strapi): void {
  for (const [uid, model] of publicContentTypes()) {
    const handlers = new Set(model.publicReads.map((action) => `${uid}.${action}`));
    const api = strapi.api(apiNameOf(uid)) as unknown as {
      routes?: Record<string, { routes?: Route[] } | ((...args: unknown[]) => unknown)>;
    };
    for (const router of Object.values(api?.routes ?? {})) {
      if (typeof router === 'function') continue; // a router factory: written by hand, not generated
      for (const route of router.routes ?? []) {
        if (typeof route.handler !== 'string' || !handlers.has(route.handler)) continue;
        route.config ??= {};
        const middlewares = (route.config.middlewares ??= []);
        if (!middlewares.includes(GUARD)) middlewares.unshift(GUARD);
      }
    }
  }
}
