import type { Core } from '@strapi/strapi';
import { addRouteHook } from '../utils/route-hooks';

/**
 * The first super admin.
 *
 * Strapi's registration screen (`POST /admin/register-admin`) makes whoever reaches it first the
 * super admin while the database has none: a CMS deployed without an admin is anyone's. So in
 * production (NODE_ENV=production) that route is closed (closeFirstAdminRegistration), and the
 * first admin comes from ADMIN_EMAIL / ADMIN_PASSWORD at start-up (ensureFirstAdmin), or from
 * `strapi admin:create-user`. In development the screen stays open (`npm run dev`); `npm start`
 * (production mode, locally) generates a local first admin into cms/.env
 * (`scripts/ensure-env.mjs --first-admin`).
 *
 * Why not refuse to start without ADMIN_EMAIL instead: `strapi import`, `strapi console` and
 * `strapi admin:create-user` load the same app, and must work on a database with no admin yet
 * (a restore, or creating that very first admin).
 */

const REGISTRATION_CLOSED =
  'Creating the first admin from the registration screen is disabled in production. Set ' +
  'ADMIN_EMAIL and ADMIN_PASSWORD in the CMS environment and restart it (the admin is created at ' +
  'start-up), or run `npx strapi admin:create-user` on the server.';

/** In production, `POST /admin/register-admin` answers 403 with REGISTRATION_CLOSED. */
export function closeFirstAdminRegistration(
  strapi: Core.Strapi,
  production = process.env.NODE_ENV === 'production',
): void {
  addRouteHook(strapi, {
    name: 'first-admin registration closed in production',
    api: 'admin',
    required: true,
    applies: (route) =>
      route.pluginName === 'admin' && route.handler === 'authentication.registerAdmin',
    middleware: async (ctx, next) => {
      if (production) return ctx.forbidden(REGISTRATION_CLOSED);
      return next();
    },
  });
}

/**
 * Creates the first super admin from ADMIN_EMAIL / ADMIN_PASSWORD when the database has no admin
 * yet. Without them: in development Strapi's registration screen creates it on the first visit to
 * /admin; in production a warning says how to create it.
 */
export async function ensureFirstAdmin(
  strapi: Core.Strapi,
  env: NodeJS.ProcessEnv = process.env,
): Promise<void> {
  const email = env.ADMIN_EMAIL?.trim();
  const password = env.ADMIN_PASSWORD;
  const hasAdmin = async () => (await strapi.db.query('admin::user').count()) > 0;
  if (!email || !password) {
    if (env.NODE_ENV === 'production' && !(await hasAdmin())) {
      strapi.log.warn(`[first-admin] No admin exists yet. ${REGISTRATION_CLOSED}`);
    }
    return;
  }
  if (await hasAdmin()) return;

  // What Strapi's own registration screen uses: one transaction that locks the Super Admin role,
  // checks again that there is no admin, and writes the user with its role (Strapi's plain
  // `create` writes the user, then its role, in two steps: cut short between them, it would leave
  // an admin without a role, and no first admin would ever be created again).
  try {
    await strapi.service('admin::user').createFirstAdmin({
      email: email.toLowerCase(),
      firstname: env.ADMIN_FIRSTNAME?.trim() || 'Admin',
      lastname: env.ADMIN_LASTNAME?.trim() || undefined,
      password,
    });
  } catch (error) {
    if (await hasAdmin()) return; // another process created it first: fine
    throw error;
  }
  strapi.log.info(`[first-admin] created super admin ${email}`);
}
