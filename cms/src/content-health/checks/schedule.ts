import type { Check, Finding } from '../types';
import { makeFinding } from './helpers';

/**
 * `schedule-failed` (error): a scheduled publish or unpublish (src/schedules) did not happen when
 * it fired, e.g. the sign-off rule refused the draft as it was then, or the entry was deleted.
 * Param `scheduledAction` (publish|unpublish), `at` (the scheduled time, ISO) and `reason` (the
 * server's message, English and Spanish for a sign-off refusal). Setting a new schedule for the
 * same action, or dismissing the failure in the edit view's "Schedule" panel, clears it.
 */
export const scheduleCheck: Check = (document, context) => {
  const findings: Finding[] = [];
  for (const failure of context.failedSchedules?.[`${document.uid}:${document.documentId}`] ?? []) {
    const versions = document.locales[failure.locale];
    const title = (versions?.draft ?? versions?.published)?.title ?? document.documentId;
    findings.push(
      makeFinding(context, {
        document,
        locale: failure.locale,
        title,
        severity: 'error',
        kind: 'draft',
        code: 'schedule-failed',
        idSuffix: [failure.action, String(failure.id)],
        message:
          failure.action === 'publish'
            ? 'The publish scheduled for {at} did not happen: {reason}'
            : 'The unpublish scheduled for {at} did not happen: {reason}',
        params: { scheduledAction: failure.action, at: failure.at, reason: failure.message ?? '' },
      }),
    );
  }
  return findings;
};
