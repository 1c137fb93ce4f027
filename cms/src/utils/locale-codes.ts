import type { Core } from '@strapi/strapi';
import { LOCALE_UID, onContentChange } from '../content-events';

/**
 * The codes of the CMS's locales, read once and kept until an editor adds, changes or removes a
 * locale: the public read guard checks `?locale=` on every request, and a query per request for a
 * list that almost never changes cost a third of the API's throughput (see bench/api.mjs).
 * Forgotten on the content events' locale change, i.e. once the change has committed, so a request
 * in between cannot re-read and keep the old list. Those events only come from this process: with
 * several CMS processes, a locale added through another one reaches this one when the list is
 * re-read, at the latest MAX_AGE_MS after it was read.
 */
export const MAX_AGE_MS = 10_000;

interface Entry {
  codes: Promise<string[]> | null;
  readAt: number;
}

const cache = new WeakMap<Core.Strapi, Entry>();

export function localeCodes(strapi: Core.Strapi): Promise<string[]> {
  let entry = cache.get(strapi);
  if (!entry) {
    const created: Entry = { codes: null, readAt: 0 };
    onContentChange(strapi, (change) => {
      if (change.uid === LOCALE_UID) created.codes = null;
    });
    cache.set(strapi, created);
    entry = created;
  }
  if (entry.codes && Date.now() - entry.readAt < MAX_AGE_MS) return entry.codes;

  const current = entry;
  const codes: Promise<string[]> = strapi
    .plugin('i18n')
    .service('locales')
    .find()
    .then((locales: Array<{ code: string }>) => locales.map((locale) => locale.code))
    .catch((error: unknown) => {
      if (current.codes === codes) current.codes = null; // do not keep a failure
      throw error;
    });
  current.codes = codes;
  current.readAt = Date.now();
  return codes;
}
