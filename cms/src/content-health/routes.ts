import type { Core } from '@strapi/strapi';
import { createController } from './controller';

/**
 * The admin API's content-health routes, at /content-health/* (not under /api: Strapi makes every
 * route in src/api/<name>/routes a content-API route, for the public and API tokens). Registered
 * in register() on the admin router (`strapi.server.routes({ type: 'admin', … })`, as Strapi's
 * own admin routes are), so only an admin session or an admin token gets in: no credentials, a
 * content-API token or a users-permissions JWT get 401. What each admin sees is what they may
 * read in the content manager (service.ts).
 */
export function registerContentHealthRoutes(strapi: Core.Strapi): void {
  const controller = createController(strapi);
  const config = { policies: ['admin::isAuthenticatedAdmin'] };
  strapi.server.routes({
    type: 'admin',
    prefix: '/content-health',
    routes: [
      { method: 'GET', path: '/report', handler: controller.report, config },
      { method: 'GET', path: '/entry', handler: controller.entry, config },
    ],
  } as unknown as Parameters<Core.Strapi['server']['routes']>[0]);
}
