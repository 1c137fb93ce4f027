import type { Core } from '@strapi/strapi';
import { publicContentTypes } from '../content-model';

/**
 * Everything the Public role may do, as code: read the site's content and nothing else, as the
 * content model says (`publicReads` in src/content-model.ts). At every start the role is set to
 * exactly this list, so a permission ticked by hand in the admin does not survive a restart.
 */
export const PUBLIC_READ_ACTIONS: Record<string, string[]> = Object.fromEntries(
  publicContentTypes().map(([uid, model]) => [uid, [...model.publicReads]]),
);

const PERMISSION_UID = 'plugin::users-permissions.permission';

export async function syncPublicPermissions(strapi: Core.Strapi): Promise<void> {
  const role = await strapi.db
    .query('plugin::users-permissions.role')
    .findOne({ where: { type: 'public' } });
  if (!role) throw new Error('The users-permissions Public role is missing.');

  const wanted = new Set(
    Object.entries(PUBLIC_READ_ACTIONS).flatMap(([uid, actions]) =>
      actions.map((action) => `${uid}.${action}`),
    ),
  );
  const current: Array<{ id: number; action: string }> = await strapi.db
    .query(PERMISSION_UID)
    .findMany({ where: { role: role.id } });

  const unwanted = current.filter((permission) => !wanted.has(permission.action));
  if (unwanted.length > 0) {
    await strapi.db
      .query(PERMISSION_UID)
      .deleteMany({ where: { id: { $in: unwanted.map((permission) => permission.id) } } });
  }
  const present = new Set(current.map((permission) => permission.action));
  for (const action of wanted) {
    if (!present.has(action)) {
      await strapi.db.query(PERMISSION_UID).create({ data: { action, role: role.id } });
    }
  }
}
