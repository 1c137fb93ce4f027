import type { Core } from '@strapi/strapi';
import { expect } from 'vitest';
import type { RunningCms } from './strapi';

export interface AdminCredentials {
  email: string;
  password: string;
}

/** An active admin user with one of Strapi's roles (`strapi-editor`, `strapi-author`…). */
export async function createAdminUser(
  strapi: Core.Strapi,
  roleCode: string,
  credentials: AdminCredentials,
): Promise<{ id: number }> {
  const role = await strapi.db.query('admin::role').findOne({ where: { code: roleCode } });
  if (!role) throw new Error(`no admin role ${roleCode}`);
  return strapi.service('admin::user').create({
    ...credentials,
    firstname: roleCode.replace('strapi-', ''),
    lastname: 'Tester',
    isActive: true,
    registrationToken: null,
    roles: [role.id],
  });
}

/** Logs in through the admin API, as the admin panel does; the bearer token. */
export async function adminToken(cms: RunningCms, credentials: AdminCredentials): Promise<string> {
  const login = await cms.request.post('/admin/login').send(credentials);
  expect(login.status, JSON.stringify(login.body)).toBe(200);
  return login.body.data.token;
}
