import { ARTICLE_UID } from '../content-types';
import type { Check, Finding } from '../types';
import { analysedVersions, daysBetween, dateOnly, isBlank, makeFinding } from './helpers';

/**
 * Medical review of articles, per locale:
 * - `review-overdue` (error): the next review date has passed (before today);
 * - `review-due-soon` (warning): it is today or within the review warning days;
 * - `review-date-missing` (warning): no next review date;
 * - `reviewer-missing` (warning): no medical reviewer named;
 * - `references-missing` (warning): no references.
 */
export const reviewCheck: Check = (document, context) => {
  if (document.uid !== ARTICLE_UID) return [];
  const findings: Finding[] = [];
  for (const [locale, version] of analysedVersions(document, context)) {
    const base = { document, locale, title: version.title, kind: 'review' as const };
    const due = dateOnly(version.data.nextReviewDue);
    if (!due) {
      findings.push(
        makeFinding({
          ...base,
          severity: 'warning',
          code: 'review-date-missing',
          message: 'This article has no date for its next medical review.',
        }),
      );
    } else {
      const days = daysBetween(context.today, due);
      if (days < 0) {
        findings.push(
          makeFinding({
            ...base,
            severity: 'error',
            code: 'review-overdue',
            message:
              'The medical review of this article was due on {date}, {days} days ago. ' +
              'Have it reviewed, then update the review dates.',
            params: { date: due, days: -days },
          }),
        );
      } else if (days <= context.settings.reviewWarningDays) {
        findings.push(
          makeFinding({
            ...base,
            severity: 'warning',
            code: 'review-due-soon',
            message:
              days === 0
                ? 'The medical review of this article is due today ({date}).'
                : 'The medical review of this article is due on {date}, in {days} days.',
            params: { date: due, days },
          }),
        );
      }
    }
    if (isBlank(version.data.reviewedBy)) {
      findings.push(
        makeFinding({
          ...base,
          severity: 'warning',
          code: 'reviewer-missing',
          message: 'No one is named as the medical reviewer of this article.',
        }),
      );
    }
    const references = version.data.references;
    if (!Array.isArray(references) || references.length === 0) {
      findings.push(
        makeFinding({
          ...base,
          severity: 'warning',
          code: 'references-missing',
          message: 'This article lists no references for what it says.',
        }),
      );
    }
  }
  return findings;
};
