import type { Core } from '@strapi/strapi';
import type { Actor } from '../sign-off/actor';
import { actorName } from '../publish-log/store';

/**
 * The schedules' table: one row per scheduled publish or unpublish of an entry in one locale.
 * Schedules are data, not timers: a restart loses nothing, and every CMS process sees the same
 * rows. A plain table created at start-up if missing (as the publish log's), written by this
 * module alone; the admin reaches it only through ./routes.ts.
 *
 * Status: `pending` (waiting for its time) → `running` (claimed by one process) → `done` or
 * `failed` (with the message); `cancelled` by an editor, or replaced by a newer schedule. At most
 * one pending row per entry, locale and action (a partial unique index).
 */
export const SCHEDULE_TABLE = 'clinic_schedules';

export const SCHEDULE_ACTIONS = ['publish', 'unpublish'] as const;
export type ScheduleAction = (typeof SCHEDULE_ACTIONS)[number];
export type ScheduleStatus = 'pending' | 'running' | 'done' | 'failed' | 'cancelled';

export interface ScheduleRow {
  id: number;
  uid: string;
  documentId: string;
  locale: string;
  action: ScheduleAction;
  at: string;
  status: ScheduleStatus;
  setByKind: Actor['kind'];
  setById: number | null;
  setByName: string;
  message: string | null;
  createdAt: string;
  updatedAt: string;
}

export async function ensureScheduleTable(strapi: Core.Strapi): Promise<void> {
  const knex = strapi.db.connection;
  if (await knex.schema.hasTable(SCHEDULE_TABLE)) return;
  await knex.schema.createTable(SCHEDULE_TABLE, (table) => {
    table.increments('id').primary();
    table.string('uid', 255).notNullable();
    table.string('document_id', 255).notNullable();
    table.string('locale', 20).notNullable();
    table.string('action', 20).notNullable();
    table.timestamp('at', { useTz: true }).notNullable();
    table.string('status', 20).notNullable();
    table.string('set_by_kind', 20).notNullable();
    table.integer('set_by_id').nullable();
    table.string('set_by_name', 255).notNullable();
    // Which process claimed the row, and when (a crashed process's claim expires).
    table.string('claimed_by', 100).nullable();
    table.timestamp('claimed_at', { useTz: true }).nullable();
    table.text('message').nullable();
    table.timestamp('created_at', { useTz: true }).notNullable();
    table.timestamp('updated_at', { useTz: true }).notNullable();
    table.index(['status', 'at']);
    table.index(['document_id']);
  });
  // SQLite and PostgreSQL both have partial indexes: two pending rows for the same entry,
  // locale and action cannot exist, even if two editors set one at the same moment.
  await knex.raw(
    `CREATE UNIQUE INDEX ${SCHEDULE_TABLE}_one_pending ON ${SCHEDULE_TABLE} ` +
      `(uid, document_id, locale, action) WHERE status = 'pending'`,
  );
}

export const toScheduleRow = (raw: Record<string, unknown>): ScheduleRow => ({
  id: Number(raw.id),
  uid: String(raw.uid),
  documentId: String(raw.document_id),
  locale: String(raw.locale),
  action: raw.action as ScheduleAction,
  at: new Date(raw.at as string | number | Date).toISOString(),
  status: raw.status as ScheduleStatus,
  setByKind: raw.set_by_kind as Actor['kind'],
  setById: raw.set_by_id === null ? null : Number(raw.set_by_id),
  setByName: String(raw.set_by_name),
  message: (raw.message as string | null) ?? null,
  createdAt: new Date(raw.created_at as string | number | Date).toISOString(),
  updatedAt: new Date(raw.updated_at as string | number | Date).toISOString(),
});

export interface NewSchedule {
  uid: string;
  documentId: string;
  locale: string;
  action: ScheduleAction;
  at: Date;
  setBy: Actor;
}

/**
 * Adds a pending schedule, replacing (cancelling) the pending one for the same entry, locale and
 * action, in one transaction.
 */
export async function insertSchedule(
  strapi: Core.Strapi,
  schedule: NewSchedule,
  now = new Date(),
): Promise<{ row: ScheduleRow; replaced: ScheduleRow | null }> {
  return strapi.db.connection.transaction(async (trx) => {
    const same = {
      uid: schedule.uid,
      document_id: schedule.documentId,
      locale: schedule.locale,
      action: schedule.action,
      status: 'pending',
    };
    const previous = (await trx(SCHEDULE_TABLE).where(same).first()) as
      Record<string, unknown> | undefined;
    if (previous) {
      await trx(SCHEDULE_TABLE)
        .where({ id: previous.id, status: 'pending' })
        .update({ status: 'cancelled', message: 'Replaced by a newer schedule.', updated_at: now });
    }
    const [inserted] = (await trx(SCHEDULE_TABLE)
      .insert({
        ...same,
        at: schedule.at,
        set_by_kind: schedule.setBy.kind,
        set_by_id: schedule.setBy.kind === 'admin' ? schedule.setBy.id : null,
        set_by_name: actorName(schedule.setBy).slice(0, 255),
        created_at: now,
        updated_at: now,
      })
      .returning('id')) as Array<{ id: number } | number>;
    const id = typeof inserted === 'object' ? inserted.id : inserted;
    const row = (await trx(SCHEDULE_TABLE).where({ id }).first()) as Record<string, unknown>;
    return {
      row: toScheduleRow(row),
      replaced: previous ? toScheduleRow({ ...previous, status: 'cancelled' }) : null,
    };
  });
}

export async function findSchedule(strapi: Core.Strapi, id: number): Promise<ScheduleRow | null> {
  const raw = (await strapi.db.connection(SCHEDULE_TABLE).where({ id }).first()) as
    Record<string, unknown> | undefined;
  return raw ? toScheduleRow(raw) : null;
}

/** An entry's schedules in one locale: pending first (soonest first), then the last 20 others. */
export async function listSchedules(
  strapi: Core.Strapi,
  where: { uid: string; documentId: string; locale: string },
): Promise<ScheduleRow[]> {
  const base = () =>
    strapi.db.connection(SCHEDULE_TABLE).where({
      uid: where.uid,
      document_id: where.documentId,
      locale: where.locale,
    });
  const pending = await base().whereIn('status', ['pending', 'running']).orderBy('at', 'asc');
  const others = await base()
    .whereNotIn('status', ['pending', 'running'])
    .orderBy('id', 'desc')
    .limit(20);
  return [...pending, ...others].map(toScheduleRow);
}

/** Cancels the pending schedules of a deleted document (in one locale, or all for `*`/null). */
export async function cancelPendingOf(
  strapi: Core.Strapi,
  documentId: string,
  locale: string | null,
): Promise<number> {
  const query = strapi.db
    .connection(SCHEDULE_TABLE)
    .where({ document_id: documentId, status: 'pending' });
  if (locale && locale !== '*') query.where('locale', locale);
  return query.update({
    status: 'cancelled',
    message: 'The entry was deleted.',
    updated_at: new Date(),
  });
}

/** Sets a row's status from `from` to `to`; whether this call changed it (the row was `from`). */
export async function moveStatus(
  strapi: Core.Strapi,
  id: number,
  from: ScheduleStatus[],
  to: ScheduleStatus,
  message: string | null,
  now = new Date(),
): Promise<boolean> {
  const changed = await strapi.db
    .connection(SCHEDULE_TABLE)
    .where({ id })
    .whereIn('status', from)
    .update({ status: to, message, updated_at: now });
  return changed === 1;
}

/**
 * Claims one due row for `processId`: a single conditional UPDATE whose affected-row count says
 * who won. On PostgreSQL a second process's UPDATE waits for the first's row lock and then
 * re-checks the WHERE on the updated row (0 rows); SQLite runs one write at a time. A row left
 * `running` longer than `staleBefore` (its process died mid-action) may be claimed again.
 */
export async function claimSchedule(
  strapi: Core.Strapi,
  id: number,
  processId: string,
  now: Date,
  staleBefore: Date,
): Promise<boolean> {
  const changed = await strapi.db
    .connection(SCHEDULE_TABLE)
    .where({ id })
    .andWhere((due) =>
      due
        .where((pending) => pending.where('status', 'pending').andWhere('at', '<=', now))
        .orWhere((stale) =>
          stale.where('status', 'running').andWhere('claimed_at', '<', staleBefore),
        ),
    )
    .update({
      status: 'running',
      claimed_by: processId.slice(0, 100),
      claimed_at: now,
      updated_at: now,
    });
  return changed === 1;
}

/** Rows that are due (pending and past their time) or abandoned (running since before `staleBefore`). */
export async function dueSchedules(
  strapi: Core.Strapi,
  now: Date,
  staleBefore: Date,
  limit = 50,
): Promise<ScheduleRow[]> {
  const rows = await strapi.db
    .connection(SCHEDULE_TABLE)
    .where((pending) => pending.where('status', 'pending').andWhere('at', '<=', now))
    .orWhere((stale) => stale.where('status', 'running').andWhere('claimed_at', '<', staleBefore))
    .orderBy('at', 'asc')
    .limit(limit);
  return rows.map(toScheduleRow);
}

/**
 * Failed schedules nothing has superseded: no later row for the same entry, locale and action
 * (a new schedule, or the editor dismissing the failure, clears it). For content health.
 */
export async function unresolvedFailures(strapi: Core.Strapi): Promise<ScheduleRow[]> {
  const knex = strapi.db.connection;
  const rows = await knex(`${SCHEDULE_TABLE} as failed`)
    .where('failed.status', 'failed')
    .whereNotExists(
      knex(`${SCHEDULE_TABLE} as later`)
        .select(knex.raw('1'))
        .whereRaw('later.uid = failed.uid')
        .whereRaw('later.document_id = failed.document_id')
        .whereRaw('later.locale = failed.locale')
        .whereRaw('later.action = failed.action')
        .whereRaw('later.id > failed.id'),
    )
    .select('failed.*');
  return rows.map(toScheduleRow);
}
