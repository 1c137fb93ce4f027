import type { Core } from '@strapi/strapi';

/**
 * Creates the first super admin from ADMIN_EMAIL / ADMIN_PASSWORD (for automation and tests)
 * when the database has no admin yet. Without them, Strapi shows its own registration screen on
 * the first visit to /admin.
 */
export async function ensureFirstAdmin(
  strapi: Core.Strapi,
  env: NodeJS.ProcessEnv = process.env,
): Promise<void> {
  const email = env.ADMIN_EMAIL?.trim();
  const password = env.ADMIN_PASSWORD;
  if (!email || !password) return;

  const admins = await strapi.db.query('admin::user').count();
  if (admins > 0) return;

  const superAdminRole = await strapi.service('admin::role').getSuperAdmin();
  if (!superAdminRole) throw new Error('The Super Admin role is missing.');
  await strapi.service('admin::user').create({
    email: email.toLowerCase(),
    firstname: env.ADMIN_FIRSTNAME?.trim() || 'Admin',
    lastname: env.ADMIN_LASTNAME?.trim() || undefined,
    password,
    isActive: true,
    registrationToken: null,
    roles: [superAdminRole.id],
  });
  strapi.log.info(`[first-admin] created super admin ${email}`);
}
