import type { Core } from '@strapi/strapi';
import {
  CONTENT_ACTIONS,
  LOCALE_UID,
  PERMISSION_UID,
  type ContentAction,
  type ContentChange,
} from '@clinic/contract';
import { contentModelOf, isPrivateModel } from '../content-model';

/**
 * The CMS's one source of "what the public sees has changed" events. Every listener (the
 * renderer's notification, a response cache, the locale-code cache) subscribes here instead of
 * hooking Strapi on its own, so they all see the same changes at the same moment:
 *
 * - documents: a document service middleware sees every write on the project's own content types
 *   (`api::*`), whatever caused it (the admin, the REST API, the seed, a script);
 * - locales and the Public role's permissions: they are not documents, so database lifecycles.
 *
 * A change is emitted only once its transaction has committed (a listener that reads the public
 * API on the event sees the new data), and never for a write that failed or was rolled back.
 */

/**
 * The change a listener gets, the action list and the uids of what are not documents: the wire
 * contract the renderer reads too (@clinic/contract). The document service's other actions are
 * reads (findMany, findOne, findFirst, count) and are ignored.
 */
export { LOCALE_UID, PERMISSION_UID, type ContentAction, type ContentChange };
export const DOCUMENT_WRITE_ACTIONS = CONTENT_ACTIONS;

export type ContentChangeListener = (change: ContentChange) => void | Promise<void>;

const ROLE_UID = 'plugin::users-permissions.role';

const listeners = new WeakMap<Core.Strapi, Set<ContentChangeListener>>();
const registered = new WeakSet<Core.Strapi>();

function listenersOf(strapi: Core.Strapi): Set<ContentChangeListener> {
  let set = listeners.get(strapi);
  if (!set) {
    set = new Set();
    listeners.set(strapi, set);
  }
  return set;
}

/**
 * Calls `listener` with every change from now on; returns the function that stops it. A listener
 * runs after the commit, outside the editor's request: its errors (thrown or rejected) are logged,
 * its promise is not awaited. Keep it quick (queue work; do not do it inline).
 */
export function onContentChange(strapi: Core.Strapi, listener: ContentChangeListener): () => void {
  const set = listenersOf(strapi);
  set.add(listener);
  return () => {
    set.delete(listener);
  };
}

function emit(strapi: Core.Strapi, change: ContentChange): void {
  const failed = (error: unknown) =>
    strapi.log.error(
      `[content-events] a listener failed on ${change.action} ${change.uid}: ${
        error instanceof Error ? (error.stack ?? error.message) : String(error)
      }`,
    );
  for (const listener of listenersOf(strapi)) {
    try {
      const outcome = listener(change);
      if (outcome && typeof outcome.then === 'function') outcome.then(undefined, failed);
    } catch (error) {
      failed(error);
    }
  }
}

/**
 * Runs `fire` once the current database transaction has committed, or now when there is none.
 *
 * `strapi.db.transaction(cb)` inside a transaction joins it: `onCommit` callbacks wait for the
 * outermost commit (and are dropped on rollback). Outside one it opens a new, empty transaction
 * and commits it at once, so its `onCommit` would fire right away at the cost of a BEGIN/COMMIT
 * round trip; there the write has already committed (the document service commits its own
 * transaction before returning), so the change is fired directly. The content manager wraps
 * publish, unpublish and delete in an outer transaction of its own, which is why the check matters.
 *
 * Commit callbacks are called synchronously inside Strapi's commit: `fire` must never throw.
 */
function afterCommit(strapi: Core.Strapi, fire: () => void): void {
  if (!strapi.db.inTransaction()) {
    fire();
    return;
  }
  strapi.db
    .transaction(({ onCommit }) => {
      onCommit(fire);
    })
    .catch((error: unknown) => strapi.log.error(`[content-events] ${String(error)}`));
}

function change(
  uid: string,
  action: ContentAction,
  documentId: string | null,
  locale: string | null,
): Omit<ContentChange, 'at'> {
  return { uid, action, documentId, locale };
}

function emitAfterCommit(strapi: Core.Strapi, changes: Array<Omit<ContentChange, 'at'>>): void {
  if (changes.length === 0) return;
  afterCommit(strapi, () => {
    const at = new Date().toISOString();
    for (const one of changes) emit(strapi, { ...one, at });
  });
}

const isWriteAction = (action: string): action is ContentAction =>
  (DOCUMENT_WRITE_ACTIONS as readonly string[]).includes(action);

/** The locale(s) a document service call named; one change per locale of a list (bulk publish). */
function localesOf(localized: boolean, locale: unknown): Array<string | null> {
  if (!localized) return [null];
  if (typeof locale === 'string' && locale !== '') return [locale];
  if (Array.isArray(locale)) {
    const codes = locale.filter((code): code is string => typeof code === 'string' && code !== '');
    if (codes.length > 0) return codes;
  }
  return [null];
}

function documentIdOf(action: ContentAction, params: Record<string, unknown>, result: unknown) {
  const fromResult =
    result && typeof result === 'object' && 'documentId' in result
      ? (result as { documentId?: unknown }).documentId
      : undefined;
  const id = action === 'create' || action === 'clone' ? fromResult : params.documentId;
  return typeof id === 'string' && id !== '' ? id : null;
}

/**
 * The writes after which the i18n plugin copies a document's non-localized attributes to its
 * other locales (`syncNonLocalizedAttributes` in @strapi/i18n's bootstrap), when they changed.
 */
const SYNCING_ACTIONS: ReadonlySet<ContentAction> = new Set([
  'create',
  'update',
  'publish',
  'discardDraft',
]);

interface I18nContentTypes {
  getNonLocalizedAttributes(model: unknown): string[];
  copyNonLocalizedAttributes(model: unknown, entry: unknown): Record<string, unknown>;
  getNestedPopulateOfNonLocalizedAttributes(uid: string): string[];
}

type Schema = { uid: string; pluginOptions?: { i18n?: { localized?: boolean } } };

/**
 * The non-localized attributes of every stored version of a document, by `locale|status`, read
 * the way the i18n plugin reads them to decide whether to copy them.
 */
async function nonLocalizedValues(
  strapi: Core.Strapi,
  schema: Schema,
  documentId: string,
): Promise<Map<string, string>> {
  const i18n = strapi.plugin('i18n').service('content-types') as unknown as I18nContentTypes;
  const rows: Array<Record<string, unknown>> = await strapi.db.query(schema.uid as never).findMany({
    where: { documentId },
    populate: i18n.getNestedPopulateOfNonLocalizedAttributes(schema.uid),
  });
  return new Map(
    rows.map((row) => [
      `${String(row.locale)}|${row.publishedAt ? 'published' : 'draft'}`,
      JSON.stringify(i18n.copyNonLocalizedAttributes(schema, row)),
    ]),
  );
}

/** Whether a version in a locale outside `named` differs between the two readings. */
function changedElsewhere(
  before: Map<string, string>,
  after: Map<string, string>,
  named: string[],
): boolean {
  const keys = new Set([...before.keys(), ...after.keys()]);
  return [...keys].some(
    (key) => !named.includes(key.slice(0, key.indexOf('|'))) && before.get(key) !== after.get(key),
  );
}

/**
 * Reads, around a write that may copy non-localized attributes to other locales, whether it did:
 * `watch()` before the write, `spread()` after it. Only for a localized type that has such
 * attributes, and an existing document (a new one has no other locale yet); otherwise both are
 * free. Inside the write's transaction, so it sees the write's own rows.
 */
function watchNonLocalizedSync(
  strapi: Core.Strapi,
  schema: Schema | undefined,
  action: ContentAction,
  params: Record<string, unknown>,
  named: Array<string | null>,
) {
  const documentId = params.documentId;
  const applies =
    !!schema?.pluginOptions?.i18n?.localized &&
    SYNCING_ACTIONS.has(action) &&
    typeof documentId === 'string' &&
    documentId !== '' &&
    !named.includes('*') &&
    (
      strapi.plugin('i18n').service('content-types') as unknown as I18nContentTypes
    ).getNonLocalizedAttributes(schema).length > 0;
  let before: Map<string, string> | null = null;
  return {
    async watch() {
      if (applies) before = await nonLocalizedValues(strapi, schema!, documentId as string);
    },
    async spread(): Promise<boolean> {
      if (!before) return false;
      const after = await nonLocalizedValues(strapi, schema!, documentId as string);
      const defaultLocale = named.includes(null)
        ? ((await strapi.plugin('i18n').service('locales').getDefaultLocale()) as string)
        : null;
      const codes = named.map((locale) => locale ?? defaultLocale ?? '');
      return changedElsewhere(before, after, codes);
    },
  };
}

function watchDocuments(strapi: Core.Strapi): void {
  strapi.documents.use(async (ctx, next) => {
    const { uid, action } = ctx as { uid: string; action: string };
    if (!uid.startsWith('api::') || !isWriteAction(action)) return next();
    // Private types (visitors' feedback) are not what the public sees: a new answer must not
    // empty the response cache or wake the renderer. Redirects are private too, but the site
    // answers them (`affectsSite`).
    const model = contentModelOf(uid);
    if (model && isPrivateModel(model) && !model.affectsSite) return next();

    // As the caller named them, before inner middlewares may fill in defaults.
    const params = { ...((ctx as { params?: object }).params ?? {}) } as Record<string, unknown>;
    const schema = (ctx as { contentType?: Schema }).contentType;
    const localized = Boolean(schema?.pluginOptions?.i18n?.localized);
    const named = localesOf(localized, params.locale);
    // This middleware is registered before the i18n plugin's, so it runs around its copying.
    const sync = watchNonLocalizedSync(strapi, schema, action, params, named);
    await sync.watch();
    const result = await next(); // a failed write throws here: nothing is emitted
    const locales = (await sync.spread()) ? ['*'] : named;
    const documentId = documentIdOf(action, params, result);
    emitAfterCommit(
      strapi,
      locales.map((locale) => change(uid, action, documentId, locale)),
    );
    return result;
  });
}

type LifecycleEvent = {
  action: string;
  params: { where?: unknown; data?: unknown };
  result?: unknown;
  state: Record<string, unknown>;
};

const LIFECYCLE_ACTIONS: Record<string, ContentAction> = {
  afterCreate: 'create',
  afterCreateMany: 'create',
  afterUpdate: 'update',
  afterUpdateMany: 'update',
  afterDelete: 'delete',
  afterDeleteMany: 'delete',
};

function watchLocales(strapi: Core.Strapi): void {
  const emitLocale = (event: LifecycleEvent) => {
    const code = (event.result as { code?: unknown } | undefined)?.code;
    emitAfterCommit(strapi, [
      change(
        LOCALE_UID,
        LIFECYCLE_ACTIONS[event.action],
        null,
        typeof code === 'string' ? code : null,
      ),
    ]);
  };
  strapi.db.lifecycles.subscribe({
    models: [LOCALE_UID],
    ...Object.fromEntries(Object.keys(LIFECYCLE_ACTIONS).map((action) => [action, emitLocale])),
  });
}

/** A role given in a write's data as an id (`role: 3`, `role: { id: 3 }`), or 'other' for anything else. */
function roleIdOf(role: unknown): number | string | 'other' {
  if (typeof role === 'number' || typeof role === 'string') return role;
  if (role && typeof role === 'object' && 'id' in role) {
    const id = (role as { id: unknown }).id;
    if (typeof id === 'number' || typeof id === 'string') return id;
  }
  return 'other';
}

/**
 * Whether a permission write touches the Public role (the only role whose permissions change what
 * a visitor sees). Asked before the write, while the rows still say which role they belong to.
 */
async function touchesPublicRole(strapi: Core.Strapi, event: LifecycleEvent): Promise<boolean> {
  const { data, where } = event.params;
  const rows = (Array.isArray(data) ? data : data ? [data] : []) as Array<{ role?: unknown }>;
  const roleIds = rows.filter((row) => row.role !== undefined).map((row) => roleIdOf(row.role));
  if (roleIds.includes('other')) return true; // a relation given some other way: assume it does
  if (
    roleIds.length > 0 &&
    (await strapi.db.query(ROLE_UID).count({ where: { id: { $in: roleIds }, type: 'public' } })) > 0
  ) {
    return true;
  }
  if (event.action === 'beforeCreate' || event.action === 'beforeCreateMany') return false;
  const matching = await strapi.db
    .query(PERMISSION_UID)
    .count({ where: { $and: [where ?? {}, { role: { type: 'public' } }] } });
  return matching > 0;
}

function watchPublicPermissions(strapi: Core.Strapi): void {
  const before = async (event: LifecycleEvent) => {
    try {
      event.state.publicRole = await touchesPublicRole(strapi, event);
    } catch (error) {
      // Never fail the write over a notification: tell the listeners, to be safe.
      strapi.log.warn(`[content-events] could not tell a permission's role: ${String(error)}`);
      event.state.publicRole = true;
    }
  };
  const after = (event: LifecycleEvent) => {
    if (!event.state.publicRole) return;
    emitAfterCommit(strapi, [change(PERMISSION_UID, LIFECYCLE_ACTIONS[event.action], null, null)]);
  };
  strapi.db.lifecycles.subscribe({
    models: [PERMISSION_UID],
    ...Object.fromEntries(
      Object.keys(LIFECYCLE_ACTIONS).flatMap((action) => [
        [action.replace(/^after/, 'before'), before],
        [action, after],
      ]),
    ),
  });
}

/** Starts watching this Strapi's writes; call once from the app's `register()`. */
export function registerContentEvents(strapi: Core.Strapi): void {
  if (registered.has(strapi)) return;
  registered.add(strapi);
  watchDocuments(strapi);
  watchLocales(strapi);
  watchPublicPermissions(strapi);
}
