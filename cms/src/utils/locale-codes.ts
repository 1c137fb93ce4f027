import type { Core } from '@strapi/strapi';
import { LOCALE_UID, onContentChange } from '../content-events';

/**
 * The codes of the CMS's locales, read once and kept until an editor adds, changes or removes a
 * locale: the public read guard checks `?locale=` on every request, and a query per request for a
 * list that almost never changes cost a third of the API's throughput (see bench/api.mjs).
 * Forgotten on the content events' locale change, i.e. once the change has committed, so a request
 * in between cannot re-read and keep the old list.
 */
const cache = new WeakMap<Core.Strapi, { codes: Promise<string[]> | null }>();

export function localeCodes(strapi: Core.Strapi): Promise<string[]> {
  let entry = cache.get(strapi);
  if (!entry) {
    const created: { codes: Promise<string[]> | null } = { codes: null };
    onContentChange(strapi, (change) => {
      if (change.uid === LOCALE_UID) created.codes = null;
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
