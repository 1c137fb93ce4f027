import type { Core } from '@strapi/strapi';

/**
 * The codes of the CMS's locales, read once and kept until an editor adds, changes or removes a
 * locale: the public read guard checks `?locale=` on every request, and a query per request for a
 * list that almost never changes cost a third of the API's throughput (see bench/api.mjs).
 */
const cache = new WeakMap<Core.Strapi, { codes: Promise<string[]> | null }>();

export function localeCodes(strapi: Core.Strapi): Promise<string[]> {
  let entry = cache.get(strapi);
  if (!entry) {
    const created: { codes: Promise<string[]> | null } = { codes: null };
    const forget = () => {
      created.codes = null;
    };
    strapi.db.lifecycles.subscribe({
      models: ['plugin::i18n.locale'],
      afterCreate: forget,
      afterCreateMany: forget,
      afterUpdate: forget,
      afterUpdateMany: forget,
      afterDelete: forget,
      afterDeleteMany: forget,
    });
    cache.set(strapi, created);
    entry = created;
  }
  const codes = (entry.codes ??= strapi
    .plugin('i18n')
    .service('locales')
    .find()
    .then((locales: Array<{ code: string }>) => locales.map((locale) => locale.code))
    .catch((error: unknown) => {
      entry.codes = null; // do not keep a failure
      throw error;
    }));
  return codes;
}
