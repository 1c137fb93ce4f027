import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from './helpers/database';
import { databaseKind, startCms, type RunningCms } from './helpers/strapi';
import { CONTENT_MODEL, signOffRuleOf } from '../src/content-model';

const ACTION = 'plugin::content-manager.explorer.';
/** Every content type of the project, as the content model lists them. */
const CONTENT_TYPES = Object.keys(CONTENT_MODEL);
/** Types editors may only read (visitors' feedback): `editors: 'read'` in the content model. */
const READ_ONLY = Object.entries(CONTENT_MODEL)
  .filter(([, model]) => 'editors' in model && model.editors === 'read')
  .map(([uid]) => uid);
const GLOSSARY = 'api::glossary-term.glossary-term';
const EDITOR_ACTIONS = ['create', 'delete', 'publish', 'read', 'update'];
const AUTHOR_ACTIONS = ['create', 'delete', 'read', 'update'];
const ARTICLE = 'api::article.article';
const ROLES = ['strapi-editor', 'strapi-author', 'clinical-reviewer'];

interface RolesState {
  version: number;
  granted: Record<string, Record<string, string>>;
  signOff: Record<string, string>;
}

interface Permission {
  id: number;
  action: string;
  subject: string;
  properties: { locales?: string[] };
}

async function permissionsOf(cms: RunningCms, code: string): Promise<Permission[]> {
  const role = await cms.strapi.db.query('admin::role').findOne({ where: { code } });
  return cms.strapi.db
    .query('admin::permission')
    .findMany({ where: { role: role.id, action: { $startsWith: ACTION } } });
}

/** The role's content-manager actions on one type, sorted ("create", "read"…). */
async function actionsOn(cms: RunningCms, code: string, subject: string): Promise<string[]> {
  return (await permissionsOf(cms, code))
    .filter((p) => p.subject === subject)
    .map((p) => p.action.slice(ACTION.length))
    .sort();
}

const rolesStore = (cms: RunningCms) => cms.strapi.store({ type: 'core', name: 'default-roles' });

/** As a database that has run before `uid` existed: no permissions on it, no record of it. */
async function forgetType(cms: RunningCms, uid: string): Promise<void> {
  await cms.strapi.db.query('admin::permission').deleteMany({ where: { subject: uid } });
  const state = (await rolesStore(cms).get({ key: 'state' })) as RolesState;
  expect(state.version).toBe(3);
  for (const role of ROLES) {
    expect(state.granted[role]).toHaveProperty(uid);
    delete state.granted[role][uid];
  }
  await rolesStore(cms).set({ key: 'state', value: state });
}

describe("Strapi's default editor roles", () => {
  let db: TestDatabase;
  let cms: RunningCms;

  beforeAll(async () => {
    db = await createTestDatabase(databaseKind);
    cms = await startCms(db);
  });
  afterAll(async () => {
    await cms?.stop();
    await db?.drop();
  });

  it('let an Editor create, read, update, delete every type and publish those without sign-off, in every locale', async () => {
    const permissions = await permissionsOf(cms, 'strapi-editor');
    for (const subject of CONTENT_TYPES.filter((uid) => !READ_ONLY.includes(uid))) {
      for (const action of ['create', 'read', 'update', 'delete', 'publish']) {
        const permission = permissions.find(
          (p) => p.subject === subject && p.action === `${ACTION}${action}`,
        );
        if (action === 'publish' && signOffRuleOf(subject)) {
          expect(permission, `${action} ${subject}`).toBeUndefined();
          continue;
        }
        expect(permission, `${action} ${subject}`).toBeDefined();
        expect(permission!.properties.locales).toEqual(['en', 'es']);
      }
    }
    expect(signOffRuleOf(ARTICLE)).toBeDefined();
  });

  it('let a Clinical reviewer create, read, update, delete and publish every type, in every locale', async () => {
    const permissions = await permissionsOf(cms, 'clinical-reviewer');
    for (const subject of CONTENT_TYPES.filter((uid) => !READ_ONLY.includes(uid))) {
      for (const action of EDITOR_ACTIONS) {
        const permission = permissions.find(
          (p) => p.subject === subject && p.action === `${ACTION}${action}`,
        );
        expect(permission, `${action} ${subject}`).toBeDefined();
        expect(permission!.properties.locales).toEqual(['en', 'es']);
      }
    }
  });

  it('let Editors, Authors and Clinical reviewers only read visitors’ answers', async () => {
    expect(READ_ONLY).toEqual(['api::page-feedback.page-feedback']);
    for (const role of ROLES) {
      const permissions = await permissionsOf(cms, role);
      const actions = permissions
        .filter((p) => READ_ONLY.includes(p.subject))
        .map((p) => p.action.slice(ACTION.length));
      expect(actions, role).toEqual(['read']);
    }
  });

  it('take publishing articles from Editors once on a database from before sign-off', async () => {
    // As a database was before: Editors publish articles, the record knows no sign-off.
    const editor = await cms.strapi.db
      .query('admin::role')
      .findOne({ where: { code: 'strapi-editor' } });
    await cms.strapi.service('admin::role').addPermissions(editor.id, [
      {
        action: `${ACTION}publish`,
        subject: ARTICLE,
        properties: { locales: ['en', 'es'] },
        conditions: [],
      },
    ]);
    const state = (await rolesStore(cms).get({ key: 'state' })) as RolesState;
    await rolesStore(cms).set({ key: 'state', value: { ...state, signOff: {} } });
    await cms.stop();
    cms = await startCms(db);
    expect(await actionsOn(cms, 'strapi-editor', ARTICLE)).toEqual(AUTHOR_ACTIONS);

    // An administrator gives it back on purpose: the next start leaves it.
    await cms.strapi.service('admin::role').addPermissions(editor.id, [
      {
        action: `${ACTION}publish`,
        subject: ARTICLE,
        properties: { locales: ['en', 'es'] },
        conditions: [],
      },
    ]);
    await cms.stop();
    cms = await startCms(db);
    expect(await actionsOn(cms, 'strapi-editor', ARTICLE)).toEqual(EDITOR_ACTIONS);
    await cms.strapi.db
      .query('admin::permission')
      .deleteMany({ where: { role: editor.id, action: `${ACTION}publish`, subject: ARTICLE } });
  });

  it('let an Author work on every type in every locale, without publishing', async () => {
    const permissions = await permissionsOf(cms, 'strapi-author');
    const faq = permissions.filter((p) => p.subject === 'api::faq.faq');
    expect(faq.map((p) => p.action.slice(ACTION.length)).sort()).toEqual([
      'create',
      'delete',
      'read',
      'update',
    ]);
    for (const permission of faq) expect(permission.properties.locales).toEqual(['en', 'es']);
  });

  it('keep a permission an administrator removed, and reach a newly added locale', async () => {
    const publishFaq = (await permissionsOf(cms, 'strapi-editor')).find(
      (p) => p.subject === 'api::faq.faq' && p.action === `${ACTION}publish`,
    );
    await cms.strapi.db.query('admin::permission').delete({ where: { id: publishFaq!.id } });
    await cms.strapi.plugin('i18n').service('locales').create({ code: 'fr', name: 'French (fr)' });

    await cms.stop();
    cms = await startCms(db);

    const permissions = await permissionsOf(cms, 'strapi-editor');
    expect(
      permissions.find((p) => p.subject === 'api::faq.faq' && p.action === `${ACTION}publish`),
    ).toBeUndefined();
    const readFaq = permissions.find(
      (p) => p.subject === 'api::faq.faq' && p.action === `${ACTION}read`,
    );
    expect(readFaq!.properties.locales).toEqual(['en', 'es', 'fr']);
  });

  it('grant a type new to the database once, and keep what an administrator removes from it', async () => {
    const publishFaq = (p: Permission) =>
      p.subject === 'api::faq.faq' && p.action === `${ACTION}publish`;
    expect((await permissionsOf(cms, 'strapi-editor')).find(publishFaq)).toBeUndefined();

    await forgetType(cms, GLOSSARY);
    expect(await actionsOn(cms, 'strapi-editor', GLOSSARY)).toEqual([]);
    await cms.stop();
    cms = await startCms(db);

    expect(await actionsOn(cms, 'strapi-editor', GLOSSARY)).toEqual(EDITOR_ACTIONS);
    expect(await actionsOn(cms, 'strapi-author', GLOSSARY)).toEqual(AUTHOR_ACTIONS);
    for (const permission of (await permissionsOf(cms, 'strapi-editor')).filter(
      (p) => p.subject === GLOSSARY,
    )) {
      expect(permission.properties.locales).toEqual(['en', 'es', 'fr']);
    }
    // Only the new type: what was removed elsewhere stays removed.
    expect((await permissionsOf(cms, 'strapi-editor')).find(publishFaq)).toBeUndefined();

    // An administrator takes publishing the glossary away from Editors: it stays away.
    const publishGlossary = (await permissionsOf(cms, 'strapi-editor')).find(
      (p) => p.subject === GLOSSARY && p.action === `${ACTION}publish`,
    );
    await cms.strapi.db.query('admin::permission').delete({ where: { id: publishGlossary!.id } });
    await cms.stop();
    cms = await startCms(db);
    expect(await actionsOn(cms, 'strapi-editor', GLOSSARY)).toEqual([
      'create',
      'delete',
      'read',
      'update',
    ]);
    expect(await actionsOn(cms, 'strapi-author', GLOSSARY)).toEqual(AUTHOR_ACTIONS);
  });

  it('read a record from before types were recorded: only the types since are granted', async () => {
    // As the database was when the glossary did not exist: the record of version 1 (defaults
    // granted once, to the types of the day), Strapi's record of the schema without the glossary,
    // and no permission on it.
    await cms.strapi.db.query('admin::permission').deleteMany({ where: { subject: GLOSSARY } });
    await rolesStore(cms).set({
      key: 'state',
      value: { version: 1, at: '2026-11-01T00:00:00.000Z' },
    });
    const schemaStore = { type: 'strapi' as const, name: 'content_types', key: 'schema' };
    const schema = (await cms.strapi.store.get(schemaStore)) as Record<string, unknown>;
    expect(schema).toHaveProperty(GLOSSARY);
    delete schema[GLOSSARY];
    await cms.strapi.store.set({ ...schemaStore, value: schema });
    // A type of the day whose permissions an administrator removed entirely.
    await cms.strapi.db
      .query('admin::permission')
      .deleteMany({ where: { subject: 'api::risk-factor.risk-factor' } });
    await cms.stop();
    cms = await startCms(db);

    expect(await actionsOn(cms, 'strapi-editor', GLOSSARY)).toEqual(EDITOR_ACTIONS);
    expect(await actionsOn(cms, 'strapi-author', GLOSSARY)).toEqual(AUTHOR_ACTIONS);
    expect(await actionsOn(cms, 'strapi-editor', 'api::risk-factor.risk-factor')).toEqual([]);
    const state = (await rolesStore(cms).get({ key: 'state' })) as RolesState;
    expect(state.version).toBe(3);
    expect(Object.keys(state.granted['strapi-editor']).sort()).toEqual([...CONTENT_TYPES].sort());
    expect(state.granted['strapi-editor']['api::faq.faq']).toBe('2026-11-01T00:00:00.000Z');
  });
});
