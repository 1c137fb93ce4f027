import type { Core } from '@strapi/strapi';
import { contentModelOf, isPrivateModel, signOffRuleOf } from '../content-model';

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
 *
 * Once per content type (recorded in Strapi's core store, type by type), the permissions Strapi
 * means these roles to have on it are granted: Editor may create, read, update, delete and
 * publish; Author the same but publish, on entries they created (and only read a type without
 * draft & publish, whose saves are live). On a type the content model marks `editors: 'read'`
 * (visitors' answers) they may only read, enforced at every start. A type added later, on a
 * database that has run for years, gets them on the first start that knows it; later starts
 * never re-create a permission an administrator removed.
 *
 * Clinical sign-off (src/sign-off): a third role, **Clinical reviewer** (code `clinical-reviewer`),
 * is created here if missing and gets the Editor's permissions on every type, publish included.
 * On a type with a `signOff` rule in the content model (medical content: articles) only it (and
 * Super Admins) may publish: Editors are never granted publish there, and on a database whose
 * Editors already had it, it is taken away once per such type (recorded, so an administrator who
 * gives it back on purpose is not overruled at the next start).
 */

const ROLE_ACTIONS: Record<
  string,
  { actions: string[]; conditions: string[]; liveWrites: boolean }
> = {
  'strapi-editor': {
    actions: ['create', 'read', 'update', 'delete', 'publish'],
    conditions: [],
    liveWrites: true,
  },
  'strapi-author': {
    actions: ['create', 'read', 'update', 'delete'],
    conditions: ['admin::is-creator'],
    liveWrites: false,
  },
  'clinical-reviewer': {
    actions: ['create', 'read', 'update', 'delete', 'publish'],
    conditions: [],
    liveWrites: true,
  },
};

const readOnlyForEditors = (uid: string): boolean => {
  const model = contentModelOf(uid);
  return !!model && isPrivateModel(model) && model.editors === 'read';
};

export const CLINICAL_REVIEWER = {
  code: 'clinical-reviewer',
  name: 'Clinical reviewer',
  description:
    'Reviews medical content and publishes it: the only role that may publish articles (clinical sign-off).',
};

/** Roles that may not publish a type with a sign-off rule. */
const NO_SIGN_OFF_PUBLISH = new Set(['strapi-editor', 'strapi-author']);

const ACTION_PREFIX = 'plugin::content-manager.explorer.';
const PERMISSION = 'admin::permission';
const STATE_VERSION = 3;

/**
 * What the store holds. Version 3: per role, the types whose defaults were granted, and when, and
 * the sign-off types whose publish was taken from Editors. Version 2: the types whose defaults
 * were granted to Editor and Author. Version 1 (before types were recorded): the defaults were
 * granted once, to every type there was then.
 */
type RolesState =
  | {
      version: 3;
      granted: Record<string, Record<string, string>>;
      signOff: Record<string, string>;
    }
  | { version: 2; granted: Record<string, string> }
  | { version: 1; at?: string }
  | null;

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

/** The content types the database had before this start's schema sync (see below). */
const previousContentTypes = new WeakMap<Core.Strapi, string[]>();

/**
 * Remembers which content types the database knew before this start, which a version-1 state
 * needs (it did not record its types: they were the ones there were). Call from register():
 * Strapi syncs the schema between register() and bootstrap(), and overwrites that record.
 */
export function rememberPreviousContentTypes(strapi: Core.Strapi): void {
  strapi
    .hook('strapi::content-types.beforeSync')
    .register(({ oldContentTypes }: { oldContentTypes?: Record<string, unknown> }) => {
      previousContentTypes.set(strapi, Object.keys(oldContentTypes ?? {}));
    });
}

/** uid → when a role's defaults were granted, from the store's state (any version). */
function grantedTypes(
  strapi: Core.Strapi,
  state: RolesState,
  roleCode: string,
): Record<string, string> {
  if (state?.version === 3) return { ...state.granted[roleCode] };
  // Before version 3 only Editor and Author were granted anything.
  if (roleCode === CLINICAL_REVIEWER.code) return {};
  if (state?.version === 2) return { ...state.granted };
  if (state?.version !== 1) return {};
  // Version 1 granted every type there was; without the previous schema, assume every type now
  // (never re-grant what an administrator may have removed).
  const at = state.at ?? new Date(0).toISOString();
  const known = previousContentTypes.get(strapi) ?? Object.keys(strapi.contentTypes);
  return Object.fromEntries(known.filter((uid) => uid.startsWith('api::')).map((uid) => [uid, at]));
}

export async function ensureEditorsCanUseAllLocales(strapi: Core.Strapi): Promise<void> {
  const localeRows: Array<{ code: string }> = await strapi.plugin('i18n').service('locales').find();
  const allLocales = localeRows.map((locale) => locale.code).sort();
  const isLocalized = (uid: string | null): boolean =>
    !!uid &&
    !!strapi
      .plugin('i18n')
      .service('content-types')
      .isLocalizedContentType(strapi.contentTypes[uid as never]);

  const state = (await store(strapi).get({ key: 'state' })) as RolesState;
  const apiTypes = Object.keys(strapi.contentTypes).filter((uid) => uid.startsWith('api::'));
  await ensureClinicalReviewerRole(strapi);

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

  const grantedByRole: Record<string, Record<string, string>> = {};
  let changed = state?.version !== STATE_VERSION;
  for (const role of roles) {
    const { actions, conditions, liveWrites } = ROLE_ACTIONS[role.code];
    const writesGoLive = (uid: string) =>
      !(strapi.contentTypes[uid as never] as { options?: { draftAndPublish?: boolean } })?.options
        ?.draftAndPublish;
    const granted = grantedTypes(strapi, state, role.code);
    grantedByRole[role.code] = granted;
    const newTypes = apiTypes.filter((uid) => !granted[uid]);
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

    // 2. On a type the content model marks `editors: 'read'`, only read, at every start: Strapi
    // gives its default roles every action on every type that exists when it creates them.
    const notRead = current.filter(
      (row) =>
        row.subject !== null &&
        readOnlyForEditors(row.subject) &&
        row.action !== `${ACTION_PREFIX}read`,
    );
    if (notRead.length > 0) {
      await strapi.db
        .query(PERMISSION)
        .deleteMany({ where: { id: { $in: notRead.map((row) => row.id) } } });
    }

    // 3. Once per type: the permissions the default role should have, on the project's own types.
    if (newTypes.length === 0) continue;
    if (!liveWrites) {
      // Strapi's own defaults let an Author write every type; where a save is live, it must not.
      const live = current.filter(
        (row) =>
          !!row.subject &&
          newTypes.includes(row.subject) &&
          writesGoLive(row.subject) &&
          row.action !== `${ACTION_PREFIX}read`,
      );
      if (live.length > 0) {
        await strapi.db
          .query(PERMISSION)
          .deleteMany({ where: { id: { $in: live.map((row) => row.id) } } });
      }
    }
    const missing = [];
    for (const name of actions) {
      const actionId = `${ACTION_PREFIX}${name}`;
      const action = actionProvider.get(actionId);
      if (!action) continue;
      const apiSubjects = (action.subjects ?? []).filter(
        (uid) =>
          newTypes.includes(uid) &&
          !(name === 'publish' && NO_SIGN_OFF_PUBLISH.has(role.code) && signOffRuleOf(uid)),
      );
      const restricted = (action.subjects ?? []).filter((uid) => !newTypes.includes(uid));
      for (const permission of contentTypeService.getPermissionsWithNestedFields([action], {
        restrictedSubjects: restricted,
      })) {
        if (!apiSubjects.includes(permission.subject)) continue;
        // A type the content model marks `editors: 'read'` (visitors' answers): read only.
        if (name !== 'read' && readOnlyForEditors(permission.subject)) continue;
        if (!liveWrites && name !== 'read' && writesGoLive(permission.subject)) continue;
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
        `[default-roles] ${role.code}: granted ${missing.map((p) => `${p.action.slice(ACTION_PREFIX.length)} ${p.subject}`).join(', ')}`,
      );
    }
    const at = new Date().toISOString();
    for (const uid of newTypes) granted[uid] = at;
    changed = true;
  }

  // 4. Once per sign-off type: Editors and Authors lose publish there (an older database granted it).
  const signOff = { ...(state?.version === 3 ? state.signOff : {}) };
  const newSignOffTypes = apiTypes.filter((uid) => signOffRuleOf(uid) && !signOff[uid]);
  if (newSignOffTypes.length > 0) {
    const noPublish = roles.filter((role) => NO_SIGN_OFF_PUBLISH.has(role.code));
    const removed = await strapi.db.query(PERMISSION).deleteMany({
      where: {
        role: { id: { $in: noPublish.map((role) => role.id) } },
        action: `${ACTION_PREFIX}publish`,
        subject: { $in: newSignOffTypes },
      },
    });
    if (removed.count > 0) {
      strapi.log.info(
        `[default-roles] clinical sign-off: only Clinical reviewers publish ${newSignOffTypes.join(', ')}`,
      );
    }
    const at = new Date().toISOString();
    for (const uid of newSignOffTypes) signOff[uid] = at;
    changed = true;
  }

  if (changed) {
    await store(strapi).set({
      key: 'state',
      value: { version: STATE_VERSION, granted: grantedByRole, signOff },
    });
  }
}

/** Creates the Clinical reviewer role on the first start that knows it. */
async function ensureClinicalReviewerRole(strapi: Core.Strapi): Promise<void> {
  const existing = await strapi.db
    .query('admin::role')
    .findOne({ where: { code: CLINICAL_REVIEWER.code } });
  if (existing) return;
  await strapi.service('admin::role').create({ ...CLINICAL_REVIEWER });
  strapi.log.info(`[default-roles] created the ${CLINICAL_REVIEWER.name} role`);
}
