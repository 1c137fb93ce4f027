import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from './helpers/database';
import { databaseKind, startCms, type RunningCms } from './helpers/strapi';

const ACTION = 'plugin::content-manager.explorer.';
const CONTENT_TYPES = [
  'api::article.article',
  'api::faq.faq',
  'api::risk-factor.risk-factor',
  'api::site-setting.site-setting',
];

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

  it('let an Editor create, read, update, delete and publish every type, in every locale', async () => {
    const permissions = await permissionsOf(cms, 'strapi-editor');
    for (const subject of CONTENT_TYPES) {
      for (const action of ['create', 'read', 'update', 'delete', 'publish']) {
        const permission = permissions.find(
          (p) => p.subject === subject && p.action === `${ACTION}${action}`,
        );
        expect(permission, `${action} ${subject}`).toBeDefined();
        expect(permission!.properties.locales).toEqual(['en', 'es']);
      }
    }
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
});
