import type { Core } from '@strapi/strapi';

/**
 * Makes Strapi's default Editor and Author roles usable in every language.
 *
 * Strapi creates these roles on the first start, before any locale exists, with content-manager
 * permissions that carry no `locales` property. The i18n plugin reads a missing `locales` as "no
 * locale at all", so an Editor sees no entries, and on the same start Strapi's permission clean-up
 * deletes the Delete and Publish permissions (their only property, `locales`, is missing): an
 * Editor could neither edit nor publish anything in English or Spanish.
 *
 * On every start, each content-manager permission of these roles on a localized content type is
 * made to cover every locale (locales are only ever added, so a new language reaches editors too).
 * Once (recorded in Strapi's core store), the permissions Strapi meant these roles to have are
 * restored: Editor may create, read, update, delete and publish; Author the same but publish, on
 * entries they created. Later starts never re-create a permission an administrator removed.
 */

const ROLE_ACTIONS: Record<string, { actions: string[]; conditions: string[] }> = {
  'strapi-editor': {
    actions: ['create', 'read', 'update', 'delete', 'publish'],
    conditions: [],
  },
  'strapi-author': {
    actions: ['create', 'read', 'update', 'delete'],
    conditions: ['admin::is-creator'],
  },
};

const ACTION_PREFIX = 'plugin::content-manager.explorer.';
const PERMISSION = 'admin::permission';
const STATE_VERSION = 1;

interface PermissionRow {
  id: number;
  action: string;
  subject: string | null;
  properties: Record<string, unknown> | null;
}

interface RoleRow {
  id: number;
  code: string;
}

const store = (strapi: Core.Strapi) => strapi.store({ type: 'core', name: 'default-roles' });

export async function ensureEditorsCanUseAllLocales(strapi: Core.Strapi): Promise<void> {
  const localeRows: Array<{ code: string }> = await strapi.plugin('i18n').service('locales').find();
  const allLocales = localeRows.map((locale) => locale.code).sort();
  const isLocalized = (uid: string | null): boolean =>
    !!uid &&
    !!strapi
      .plugin('i18n')
      .service('content-types')
      .isLocalizedContentType(strapi.contentTypes[uid as never]);

  const restored = ((await store(strapi).get({ key: 'state' })) as { version?: number } | null)
    ?.version;
  const restoreMissing = restored !== STATE_VERSION;

  const roles: RoleRow[] = await strapi.db
    .query('admin::role')
    .findMany({ where: { code: { $in: Object.keys(ROLE_ACTIONS) } } });

  const { actionProvider } = strapi.service('admin::permission') as unknown as {
    actionProvider: { get(actionId: string): { subjects?: string[] } | undefined };
  };
  const contentTypeService = strapi.service('admin::content-type') as unknown as {
    getPermissionsWithNestedFields(
      actions: unknown[],
      options?: { restrictedSubjects?: string[] },
    ): Array<{ action: string; subject: string; properties: Record<string, unknown> }>;
  };

  for (const role of roles) {
    const { actions, conditions } = ROLE_ACTIONS[role.code];
    const current: PermissionRow[] = await strapi.db
      .query(PERMISSION)
      .findMany({ where: { role: role.id, action: { $startsWith: ACTION_PREFIX } } });

    // 1. Every existing content-manager permission on a localized type covers every locale.
    for (const permission of current) {
      if (!isLocalized(permission.subject)) continue;
      const properties = permission.properties ?? {};
      const locales = Array.isArray(properties.locales) ? (properties.locales as string[]) : [];
      const merged = [...new Set([...locales, ...allLocales])].sort();
      if (merged.length === locales.length && Array.isArray(properties.locales)) continue;
      await strapi.db.query(PERMISSION).update({
        where: { id: permission.id },
        data: { properties: { ...properties, locales: merged } },
      });
    }

    // 2. Once: the permissions the default role should have, on the project's own content types.
    if (!restoreMissing) continue;
    const missing = [];
    for (const name of actions) {
      const actionId = `${ACTION_PREFIX}${name}`;
      const action = actionProvider.get(actionId);
      if (!action) continue;
      const apiSubjects = (action.subjects ?? []).filter((uid) => uid.startsWith('api::'));
      const restricted = (action.subjects ?? []).filter((uid) => !uid.startsWith('api::'));
      for (const permission of contentTypeService.getPermissionsWithNestedFields([action], {
        restrictedSubjects: restricted,
      })) {
        if (!apiSubjects.includes(permission.subject)) continue;
        const exists = current.some(
          (row) => row.action === permission.action && row.subject === permission.subject,
        );
        if (exists) continue;
        const properties: Record<string, unknown> = {};
        if (permission.properties?.fields) properties.fields = permission.properties.fields;
        if (isLocalized(permission.subject)) properties.locales = allLocales;
        missing.push({
          action: permission.action,
          subject: permission.subject,
          properties,
          conditions,
        });
      }
    }
    if (missing.length > 0) {
      await strapi.service('admin::role').addPermissions(role.id, missing);
      strapi.log.info(
        `[default-roles] ${role.code}: restored ${missing.map((p) => `${p.action.slice(ACTION_PREFIX.length)} ${p.subject}`).join(', ')}`,
      );
    }
  }

  if (restoreMissing) {
    await store(strapi).set({
      key: 'state',
      value: { version: STATE_VERSION, at: new Date().toISOString() },
    });
  }
}
