import type { Core } from '@strapi/strapi';
import type { Actor } from '../sign-off/actor';

/**
 * The publish log's table: append-only rows, written by this module alone. A plain table (not a
 * content type), so neither the content manager nor the REST API can edit or delete a row; the
 * only delete is the retention prune (prune.ts). Strapi's schema sync leaves tables it did not
 * create alone; this one is created at start-up if missing, on SQLite and PostgreSQL alike.
 */
export const LOG_TABLE = 'clinic_publish_log';

export const LOG_ACTIONS = [
  'publish',
  'unpublish',
  'delete',
  'sign-off-refused',
  'schedule-set',
  'schedule-cancelled',
  'schedule-fired',
  'schedule-failed',
] as const;
export type LogAction = (typeof LOG_ACTIONS)[number];

export interface LogEntry {
  action: LogAction;
  actor: Actor;
  uid: string;
  documentId: string | null;
  locale: string | null;
  title: string | null;
  /** What else the row says (the failed rules, a schedule's time, "without sign-off"). */
  detail?: Record<string, unknown>;
  at?: Date;
}

export interface LogRow {
  id: number;
  at: string;
  action: LogAction;
  actorKind: Actor['kind'];
  actorId: number | null;
  actorName: string;
  uid: string;
  documentId: string | null;
  locale: string | null;
  title: string | null;
  detail: Record<string, unknown> | null;
}

export async function ensureLogTable(strapi: Core.Strapi): Promise<void> {
  const knex = strapi.db.connection;
  if (await knex.schema.hasTable(LOG_TABLE)) return;
  await knex.schema.createTable(LOG_TABLE, (table) => {
    table.increments('id').primary();
    table.timestamp('at', { useTz: true }).notNullable().index();
    table.string('action', 40).notNullable();
    table.string('actor_kind', 20).notNullable();
    table.integer('actor_id').nullable();
    table.string('actor_name', 255).notNullable().index();
    table.string('uid', 255).notNullable();
    table.string('document_id', 255).nullable().index();
    table.string('locale', 20).nullable();
    table.string('title', 500).nullable();
    table.text('detail').nullable();
  });
}

/** How a row names its writer: the admin's name, the token's, or the CMS part that wrote. */
export function actorName(actor: Actor): string {
  switch (actor.kind) {
    case 'admin':
      return actor.name;
    case 'api-token':
      return `API token: ${actor.name}`;
    default:
      return actor.kind;
  }
}

export async function appendLog(strapi: Core.Strapi, entry: LogEntry): Promise<void> {
  await strapi.db.connection(LOG_TABLE).insert({
    at: entry.at ?? new Date(),
    action: entry.action,
    actor_kind: entry.actor.kind,
    actor_id: entry.actor.kind === 'admin' ? entry.actor.id : null,
    actor_name: actorName(entry.actor).slice(0, 255),
    uid: entry.uid,
    document_id: entry.documentId,
    locale: entry.locale,
    title: entry.title?.slice(0, 500) ?? null,
    detail: entry.detail ? JSON.stringify(entry.detail) : null,
  });
}

export interface LogQuery {
  documentId?: string;
  /** Part of the entry's title, any case. */
  title?: string;
  /** Part of the writer's name, any case. */
  actor?: string;
  from?: Date;
  to?: Date;
  page: number;
  pageSize: number;
}

const toRow = (raw: Record<string, unknown>): LogRow => ({
  id: Number(raw.id),
  at: new Date(raw.at as string | number | Date).toISOString(),
  action: raw.action as LogAction,
  actorKind: raw.actor_kind as Actor['kind'],
  actorId: raw.actor_id === null ? null : Number(raw.actor_id),
  actorName: String(raw.actor_name),
  uid: String(raw.uid),
  documentId: (raw.document_id as string | null) ?? null,
  locale: (raw.locale as string | null) ?? null,
  title: (raw.title as string | null) ?? null,
  detail:
    typeof raw.detail === 'string' ? (JSON.parse(raw.detail) as Record<string, unknown>) : null,
});

/** Newest first, filtered; `total` counts every matching row. */
export async function readLog(
  strapi: Core.Strapi,
  query: LogQuery,
): Promise<{ rows: LogRow[]; total: number }> {
  const knex = strapi.db.connection;
  const filtered = () => {
    const builder = knex(LOG_TABLE);
    if (query.documentId) builder.where('document_id', query.documentId);
    if (query.title)
      builder.whereRaw("lower(title) like ? escape '\\'", [`%${likeEscape(query.title)}%`]);
    if (query.actor)
      builder.whereRaw("lower(actor_name) like ? escape '\\'", [`%${likeEscape(query.actor)}%`]);
    if (query.from) builder.where('at', '>=', query.from);
    if (query.to) builder.where('at', '<', query.to);
    return builder;
  };
  const [{ count }] = (await filtered().count({ count: '*' })) as Array<{ count: string | number }>;
  const rows = await filtered()
    .select('*')
    .orderBy('id', 'desc')
    .limit(query.pageSize)
    .offset((query.page - 1) * query.pageSize);
  return { rows: rows.map(toRow), total: Number(count) };
}

/** Lower case, with LIKE's wildcards taken literally. */
function likeEscape(text: string): string {
  return text.toLowerCase().replace(/[%_\\]/g, (c) => `\\${c}`);
}

/** The title a document had in its last row that named one (for a delete: it is gone). */
export async function lastTitle(strapi: Core.Strapi, documentId: string): Promise<string | null> {
  const row = await strapi.db
    .connection(LOG_TABLE)
    .where('document_id', documentId)
    .whereNotNull('title')
    .orderBy('id', 'desc')
    .first('title');
  return (row?.title as string | undefined) ?? null;
}

/** Deletes rows older than `before`; the number deleted. */
export async function pruneLog(strapi: Core.Strapi, before: Date): Promise<number> {
  return strapi.db.connection(LOG_TABLE).where('at', '<', before).delete();
}
