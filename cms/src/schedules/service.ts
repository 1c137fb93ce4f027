import { hostname } from 'node:os';
import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { publicContentType, signOffRuleOf } from '../content-model';
import { record } from '../publish-log';
import { draftProblems, refusalError } from '../sign-off';
import { adminLanguage, runAs, type Actor } from '../sign-off/actor';
import {
  claimSchedule,
  dueSchedules,
  findSchedule,
  insertSchedule,
  moveStatus,
  type ScheduleAction,
  type ScheduleRow,
} from './store';

/**
 * Scheduled publish and unpublish (issue 17): an editor sets "publish at" or "unpublish at" on an
 * entry and locale (the edit view's "Schedule" panel, ./routes.ts); a cron task in every CMS
 * process (config/cron-tasks.ts, every SCHEDULE_INTERVAL_SECONDS) claims each due row exactly once
 * (store.ts `claimSchedule`) and runs it through the Document Service as the `scheduler`, so the
 * sign-off middleware checks the publish again, the content events re-render the site and the
 * publish log records it like any publish. A failure is kept on the row, logged, and shown in
 * content health (checks/schedule.ts) until the editor sets a new schedule or dismisses it.
 */

/** Seconds between two looks for due schedules (1-60; the precision asked is 60 s). */
export function scheduleIntervalSeconds(env: NodeJS.ProcessEnv = process.env): number {
  const raw = env.SCHEDULE_INTERVAL_SECONDS?.trim();
  if (raw === undefined || raw === '') return 15;
  const seconds = Number(raw);
  if (!/^\d+$/.test(raw) || seconds < 1 || seconds > 60) {
    throw new Error(
      `SCHEDULE_INTERVAL_SECONDS must be a whole number of seconds from 1 to 60 (default 15); it is "${raw}".`,
    );
  }
  return seconds;
}

/** A row left `running` this long was abandoned by a process that died mid-action: retried. */
export const CLAIM_TIMEOUT_MS = 5 * 60 * 1000;

/** Names this process in the rows it claims. */
export const PROCESS_ID = `${hostname()}:${process.pid}`;

/** Bad input from an admin: a 400 with this message. */
export class ScheduleInputError extends errors.ValidationError {}

export interface ScheduleRequest {
  uid: string;
  documentId: string;
  locale: string;
  action: ScheduleAction;
  at: Date;
}

/** Checks that the entry exists in the locale and the type is one editors schedule. */
export async function assertSchedulable(
  strapi: Core.Strapi,
  target: { uid: string; documentId: string; locale: string },
): Promise<void> {
  const type = strapi.contentType(target.uid as never) as
    { options?: { draftAndPublish?: boolean } } | undefined;
  if (!publicContentType(target.uid) || !type?.options?.draftAndPublish) {
    throw new ScheduleInputError(
      `"${target.uid}" is not a content type whose entries can be scheduled.`,
    );
  }
  const locales = (
    (await strapi.plugin('i18n').service('locales').find()) as Array<{
      code: string;
    }>
  ).map((locale) => locale.code);
  if (!locales.includes(target.locale)) {
    throw new ScheduleInputError(
      `Unknown locale "${target.locale}". The site's locales are: ${locales.join(', ')}.`,
    );
  }
  const exists = await strapi.db.query(target.uid as never).findOne({
    where: { documentId: target.documentId, locale: target.locale },
    select: ['id'],
  });
  if (!exists) {
    throw new ScheduleInputError(
      `No entry "${target.documentId}" of ${target.uid} exists in "${target.locale}".`,
    );
  }
}

/**
 * Sets a schedule (replacing the pending one for the same entry, locale and action). A publish
 * that the sign-off rule would refuse now is refused now, with the rule's own message and codes.
 */
export async function setSchedule(
  strapi: Core.Strapi,
  request: ScheduleRequest,
  setBy: Actor,
  now = new Date(),
): Promise<ScheduleRow> {
  if (request.at.getTime() <= now.getTime()) {
    throw new ScheduleInputError(
      `The time ${request.at.toISOString()} is not in the future; choose a later time.`,
    );
  }
  await assertSchedulable(strapi, request);
  const rule = signOffRuleOf(request.uid);
  if (request.action === 'publish' && rule) {
    const [draft] = await draftProblems(
      strapi,
      request.uid,
      rule,
      request.documentId,
      [request.locale],
      now,
    );
    if (draft && draft.problems.length > 0) {
      throw refusalError(
        [{ uid: request.uid, documentId: request.documentId, ...draft }],
        adminLanguage(strapi),
      );
    }
  }
  const { row, replaced } = await insertSchedule(strapi, { ...request, setBy }, now);
  void record(strapi, {
    action: 'schedule-set',
    actor: setBy,
    uid: row.uid,
    documentId: row.documentId,
    locale: row.locale,
    detail: {
      scheduledAction: row.action,
      at: row.at,
      ...(replaced ? { replaces: replaced.at } : {}),
    },
  });
  return row;
}

/**
 * Cancels a pending schedule, or dismisses a failed one (content health stops showing it).
 * Null when there is nothing to cancel (done, already cancelled, or running now).
 */
export async function cancelSchedule(
  strapi: Core.Strapi,
  row: ScheduleRow,
  by: Actor,
  now = new Date(),
): Promise<ScheduleRow | null> {
  const message = row.status === 'failed' ? row.message : 'Cancelled.';
  if (!(await moveStatus(strapi, row.id, ['pending', 'failed'], 'cancelled', message, now))) {
    return null;
  }
  void record(strapi, {
    action: 'schedule-cancelled',
    actor: by,
    uid: row.uid,
    documentId: row.documentId,
    locale: row.locale,
    detail: { scheduledAction: row.action, at: row.at, was: row.status },
  });
  return findSchedule(strapi, row.id);
}

/** Why an action failed, as the row and the log keep it. */
function failureMessage(error: unknown): string {
  if (error instanceof Error) return error.message.slice(0, 2000);
  return String(error).slice(0, 2000);
}

/** Runs one claimed row's action through the Document Service, as the scheduler. */
async function fire(strapi: Core.Strapi, row: ScheduleRow, now: Date): Promise<'done' | 'failed'> {
  const scheduler: Actor = { kind: 'scheduler' };
  let outcome: 'done' | 'failed' = 'done';
  let message: string | null = null;
  try {
    await assertSchedulable(strapi, row);
    await runAs(strapi, scheduler, async () => {
      const documents = strapi.documents(row.uid as 'api::faq.faq');
      if (row.action === 'publish') {
        await documents.publish({ documentId: row.documentId, locale: row.locale });
      } else {
        await documents.unpublish({ documentId: row.documentId, locale: row.locale });
      }
    });
  } catch (error) {
    outcome = 'failed';
    message = failureMessage(error);
  }
  await moveStatus(strapi, row.id, ['running'], outcome, message, new Date());
  void record(strapi, {
    action: outcome === 'done' ? 'schedule-fired' : 'schedule-failed',
    actor: scheduler,
    uid: row.uid,
    documentId: row.documentId,
    locale: row.locale,
    detail: {
      scheduledAction: row.action,
      at: row.at,
      scheduleId: row.id,
      ...(message ? { message } : {}),
    },
    at: now,
  });
  if (outcome === 'failed') {
    strapi.log.warn(
      `[schedules] scheduled ${row.action} of ${row.uid} ${row.documentId} [${row.locale}] failed: ${message}`,
    );
  }
  return outcome;
}

/**
 * The cron task: claims each due row (or one abandoned by a crashed process) and runs it. Safe in
 * any number of processes at once: each row is claimed by one of them (store.ts). Returns what
 * this process ran.
 */
export async function runDueSchedules(
  strapi: Core.Strapi,
  { now = new Date(), processId = PROCESS_ID }: { now?: Date; processId?: string } = {},
): Promise<Array<{ id: number; outcome: 'done' | 'failed' }>> {
  const staleBefore = new Date(now.getTime() - CLAIM_TIMEOUT_MS);
  const ran: Array<{ id: number; outcome: 'done' | 'failed' }> = [];
  for (const row of await dueSchedules(strapi, now, staleBefore)) {
    if (!(await claimSchedule(strapi, row.id, processId, now, staleBefore))) continue;
    ran.push({ id: row.id, outcome: await fire(strapi, row, now) });
  }
  return ran;
}

/** One run at a time in this process: a slow run is not overlapped by the next tick. */
const running = new WeakMap<Core.Strapi, Promise<unknown>>();

export async function scheduleTick(strapi: Core.Strapi): Promise<void> {
  if (running.has(strapi)) return;
  const run = runDueSchedules(strapi)
    .catch((error: unknown) => strapi.log.error(`[schedules] run failed: ${String(error)}`))
    .finally(() => running.delete(strapi));
  running.set(strapi, run);
  await run;
}
