import type { Core } from '@strapi/strapi';
import { currentActor } from '../sign-off/actor';
import {
  assertSchedulable,
  cancelSchedule,
  ScheduleInputError,
  setSchedule,
  type ScheduleRequest,
} from './service';
import { findSchedule, listSchedules, SCHEDULE_ACTIONS, type ScheduleAction } from './store';

/**
 * The admin API's schedule routes (type 'admin', like the publish log's and content health's):
 *
 * - GET /schedules?uid=&documentId=&locale= — the entry's schedules in that locale (pending
 *   first, then the last 20 others), for those who may read the entry;
 * - POST /schedules { uid, documentId, locale, action: publish|unpublish, at: ISO 8601 } — sets
 *   one, replacing the pending one for the same action; for those who may publish that entry in
 *   that locale (the Content Manager's permission checker: Clinical reviewers for articles,
 *   Editors for FAQs…);
 * - DELETE /schedules/:id — cancels a pending one or dismisses a failed one; same permission.
 *
 * Bad input gets a 400 that says what is wrong; a publish the sign-off rule would refuse now gets
 * the rule's own 400 (code SIGN_OFF_REFUSED).
 */

interface PermissionChecker {
  can: { read: (entity?: object) => boolean; publish: (entity?: object) => boolean };
}

interface Context {
  query: Record<string, unknown>;
  params: Record<string, string>;
  request: { body?: unknown };
  state: { userAbility?: unknown };
  body: unknown;
  status: number;
  forbidden(message: string): void;
  notFound(message: string): void;
}

const ISO = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2})$/;

function text(source: Record<string, unknown>, name: string): string {
  const value = source[name];
  if (typeof value !== 'string' || value.trim() === '' || value.length > 255) {
    throw new ScheduleInputError(`"${name}" is required, as text of at most 255 characters.`);
  }
  return value;
}

function parseTarget(source: Record<string, unknown>) {
  return {
    uid: text(source, 'uid'),
    documentId: text(source, 'documentId'),
    locale: text(source, 'locale'),
  };
}

function parseRequest(body: unknown): ScheduleRequest {
  if (!body || typeof body !== 'object' || Array.isArray(body)) {
    throw new ScheduleInputError('Send a JSON object: { uid, documentId, locale, action, at }.');
  }
  const source = body as Record<string, unknown>;
  const known = ['uid', 'documentId', 'locale', 'action', 'at'];
  const unknown = Object.keys(source).filter((key) => !known.includes(key));
  if (unknown.length > 0) {
    throw new ScheduleInputError(`Unknown field "${unknown[0]}". Send ${known.join(', ')}.`);
  }
  const action = source.action;
  if (!SCHEDULE_ACTIONS.includes(action as ScheduleAction)) {
    throw new ScheduleInputError(`"action" must be "publish" or "unpublish".`);
  }
  const at = typeof source.at === 'string' ? source.at : '';
  const date = new Date(at);
  if (!ISO.test(at) || Number.isNaN(date.getTime())) {
    throw new ScheduleInputError(
      `"at" must be a date and time in ISO 8601 with its time zone, e.g. 2026-12-24T09:00:00Z; it is "${String(source.at)}".`,
    );
  }
  return { ...parseTarget(source), action: action as ScheduleAction, at: date };
}

/** The entry as the permission checker needs it (its locale and creator: Authors' condition). */
async function entity(
  strapi: Core.Strapi,
  target: { uid: string; documentId: string; locale: string },
) {
  const row = (await strapi.db.query(target.uid as never).findOne({
    where: { documentId: target.documentId, locale: target.locale },
    populate: { createdBy: { select: ['id'] } },
  })) as { createdBy?: { id: number } | null } | null;
  return { locale: target.locale, createdBy: row?.createdBy ? { id: row.createdBy.id } : null };
}

/** Why the admin of `ctx` may not do `action` on the entry (for a 403), or null if they may. */
async function refusal(
  strapi: Core.Strapi,
  ctx: Context,
  target: { uid: string; documentId: string; locale: string },
  action: 'read' | 'publish',
): Promise<string | null> {
  const checker = strapi
    .plugin('content-manager')
    .service('permission-checker')
    .create({ userAbility: ctx.state.userAbility, model: target.uid }) as PermissionChecker;
  if (checker.can[action](await entity(strapi, target))) return null;
  return action === 'read'
    ? `Your role may not read this entry in "${target.locale}".`
    : `Your role may not publish this entry in "${target.locale}", so it cannot schedule its publishing.`;
}

export function registerScheduleRoutes(strapi: Core.Strapi): void {
  const config = { policies: ['admin::isAuthenticatedAdmin'] };
  strapi.server.routes({
    type: 'admin',
    prefix: '/schedules',
    routes: [
      {
        method: 'GET',
        path: '/',
        config,
        async handler(ctx: Context) {
          const target = parseTarget(ctx.query);
          await assertSchedulable(strapi, target);
          const refused = await refusal(strapi, ctx, target, 'read');
          if (refused) return ctx.forbidden(refused);
          ctx.body = { data: await listSchedules(strapi, target) };
        },
      },
      {
        method: 'POST',
        path: '/',
        config,
        async handler(ctx: Context) {
          const request = parseRequest(ctx.request.body);
          await assertSchedulable(strapi, request);
          const refused = await refusal(strapi, ctx, request, 'publish');
          if (refused) return ctx.forbidden(refused);
          ctx.status = 201;
          ctx.body = { data: await setSchedule(strapi, request, currentActor(strapi)) };
        },
      },
      {
        method: 'DELETE',
        path: '/:id',
        config,
        async handler(ctx: Context) {
          const id = Number(ctx.params.id);
          const row = /^\d{1,12}$/.test(ctx.params.id) ? await findSchedule(strapi, id) : null;
          if (!row) return ctx.notFound(`No schedule ${ctx.params.id}.`);
          const refused = await refusal(strapi, ctx, row, 'publish');
          if (refused) return ctx.forbidden(refused);
          const cancelled = await cancelSchedule(strapi, row, currentActor(strapi));
          if (!cancelled) {
            throw new ScheduleInputError(
              `This schedule is ${row.status}: only a pending or failed one can be cancelled.`,
            );
          }
          ctx.body = { data: cancelled };
        },
      },
    ],
  } as unknown as Parameters<Core.Strapi['server']['routes']>[0]);
}
