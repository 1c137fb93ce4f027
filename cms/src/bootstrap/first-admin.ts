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

  const hasAdmin = async () => (await strapi.db.query('admin::user').count()) > 0;
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
