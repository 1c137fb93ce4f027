import type { Core } from '@strapi/strapi';
import { onContentChange, type ContentChange } from '../content-events';
import { publicContentType, signOffRuleOf } from '../content-model';
import { currentActor, type Actor } from '../sign-off/actor';
import { onSignOffRefused } from '../sign-off';
import { registerPublishLogRoutes } from './routes';
import { appendLog, ensureLogTable, lastTitle, type LogAction, type LogEntry } from './store';

/**
 * The publish log: who published, unpublished, deleted, scheduled or was refused publishing
 * which entry and locale, and when. Fed from the CMS's one content-change source
 * (src/content-events) and the sign-off rule's refusals (src/sign-off); the scheduler
 * (src/schedules) adds its own rows. Append-only (store.ts); read by admins with the
 * `api::publish-log.read` permission (routes.ts, the admin's "Publish log" page); pruned after
 * PUBLISH_LOG_RETENTION_DAYS (prune.ts).
 */

export const READ_ACTION = 'api::publish-log.read';

/** The content changes the log records, as its actions. */
const LOGGED: Partial<Record<ContentChange['action'], LogAction>> = {
  publish: 'publish',
  unpublish: 'unpublish',
  delete: 'delete',
};

/** What editors know an entry by, as it is now (the draft's title), or the type's name. */
async function titleOf(
  strapi: Core.Strapi,
  uid: string,
  documentId: string | null,
  locale: string | null,
): Promise<string | null> {
  const titleField = publicContentType(uid)?.health.titleField;
  if (titleField === null) {
    return (
      (strapi.contentType(uid as never) as { info?: { displayName?: string } } | undefined)?.info
        ?.displayName ?? uid
    );
  }
  if (!documentId || !titleField) return null;
  const where: Record<string, unknown> = { documentId };
  if (locale && locale !== '*') where.locale = locale;
  const row = (await strapi.db.query(uid as never).findOne({ where })) as Record<
    string,
    unknown
  > | null;
  const title = row?.[titleField];
  return typeof title === 'string' ? title : lastTitle(strapi, documentId);
}

/** Rows being written, per Strapi: the app's destroy() waits for them (flushPublishLog). */
const pending = new WeakMap<Core.Strapi, Set<Promise<void>>>();

/** Waits for the rows under way, so a shutdown does not cut one off (or its connection). */
export async function flushPublishLog(strapi: Core.Strapi): Promise<void> {
  await Promise.all([...(pending.get(strapi) ?? [])]);
}

/**
 * Adds a row; a failure is logged, never thrown at the write it records. `defer`: from the next
 * turn of the event loop, once the refused write's transaction has rolled back (SQLite has one
 * connection: writing beside an open transaction would wait for it forever).
 */
export function record(
  strapi: Core.Strapi,
  entry: Omit<LogEntry, 'title'> & { title?: string | null },
  { defer = false }: { defer?: boolean } = {},
): Promise<void> {
  const write = async () => {
    if (defer) await new Promise((resolve) => setImmediate(resolve));
    const title =
      entry.title !== undefined
        ? entry.title
        : await titleOf(strapi, entry.uid, entry.documentId, entry.locale);
    await appendLog(strapi, { ...entry, title });
  };
  let set = pending.get(strapi);
  if (!set) pending.set(strapi, (set = new Set()));
  const writing = write().catch((error: unknown) => {
    strapi.log.error(
      `[publish-log] could not record ${entry.action} ${entry.uid}: ${String(error)}`,
    );
  });
  set.add(writing);
  void writing.finally(() => set.delete(writing));
  return writing;
}

export function registerPublishLog(strapi: Core.Strapi): void {
  strapi.service('admin::permission').actionProvider.registerMany([
    {
      uid: 'publish-log.read',
      section: 'settings',
      category: 'publish log',
      displayName: 'Read the publish log',
    },
  ]);
  registerPublishLogRoutes(strapi);

  onContentChange(strapi, (change) => {
    const action = LOGGED[change.action];
    if (!action || !change.uid.startsWith('api::')) return;
    // Called in the writer's own context (the request, the seed, the scheduler): who it is.
    const actor: Actor = currentActor(strapi);
    const detail =
      action === 'publish' && actor.kind === 'seed' && signOffRuleOf(change.uid)
        ? { signOff: 'bypassed-by-seed' }
        : undefined;
    return record(strapi, {
      action,
      actor,
      uid: change.uid,
      documentId: change.documentId,
      locale: change.locale,
      detail,
      at: new Date(change.at),
    });
  });

  onSignOffRefused(strapi, (refusal) => {
    void record(
      strapi,
      {
        action: 'sign-off-refused',
        actor: currentActor(strapi),
        uid: refusal.uid,
        documentId: refusal.documentId,
        locale: refusal.locale,
        title: refusal.title,
        detail: { rules: refusal.problems.map((problem) => problem.code) },
      },
      { defer: true },
    );
  });
}

/** Creates the table if missing, and lets Clinical reviewers and Editors read the log (once). */
export async function bootstrapPublishLog(strapi: Core.Strapi): Promise<void> {
  await ensureLogTable(strapi);
  const store = strapi.store({ type: 'core', name: 'publish-log' });
  if (await store.get({ key: 'granted' })) return;
  const roles: Array<{ id: number }> = await strapi.db
    .query('admin::role')
    .findMany({ where: { code: { $in: ['strapi-editor', 'clinical-reviewer'] } } });
  for (const role of roles) {
    await strapi
      .service('admin::role')
      .addPermissions(role.id, [
        { action: READ_ACTION, subject: null, properties: {}, conditions: [] },
      ]);
  }
  await store.set({ key: 'granted', value: new Date().toISOString() });
}
