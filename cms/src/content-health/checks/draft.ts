import type { Check, Finding } from '../types';
import { DAY_MS, daysSince, makeFinding } from './helpers';

/**
 * `draft-forgotten` (info): a locale's draft has changes visitors do not see (it was never
 * published, or it was saved after its last publish, which is the content manager's "Modified":
 * the draft's updatedAt is later than the published version's) and was last saved more than the
 * draft days ago. Publishing the draft, or discarding its changes, clears it.
 */
export const draftCheck: Check = (document, context) => {
  const findings: Finding[] = [];
  for (const locale of Object.keys(document.locales).sort()) {
    const { draft, published } = document.locales[locale];
    if (!draft) continue;
    const neverPublished = !published;
    const modified = !!published && Date.parse(draft.updatedAt) > Date.parse(published.updatedAt);
    if (!neverPublished && !modified) continue;
    const age = context.now.getTime() - Date.parse(draft.updatedAt);
    if (age <= context.settings.draftDays * DAY_MS) continue;
    const days = daysSince(draft.updatedAt, context.now);
    findings.push(
      makeFinding(context, {
        document,
        locale,
        title: draft.title,
        severity: 'info',
        kind: 'draft',
        code: 'draft-forgotten',
        message: neverPublished
          ? 'This draft has never been published; it was last saved {days} days ago ({date}).'
          : 'This draft has changes that are not published; they were last saved {days} days ago ({date}).',
        params: {
          days,
          date: draft.updatedAt.slice(0, 10),
          state: neverPublished ? 'never-published' : 'unpublished-changes',
        },
      }),
    );
  }
  return findings;
};
