import { healthContentType } from '../content-types';
import type { Check, Finding } from '../types';
import { analysedVersions, daysBetween, dateOnly, isBlank, makeFinding } from './helpers';

/**
 * Medical review, per locale, of the types the content model says need one (`medicalReview`:
 * articles):
 * - `review-overdue` (error): the next review date has passed (before today);
 * - `review-due-soon` (warning): it is today or within the review warning days;
 * - `review-date-missing` (warning): no next review date;
 * - `reviewer-missing` (warning): no medical reviewer named;
 * - `references-missing` (warning): no references.
 */
export const reviewCheck: Check = (document, context) => {
  if (!healthContentType(document.uid)?.medicalReview) return [];
  const findings: Finding[] = [];
  for (const [locale, version] of analysedVersions(document, context)) {
    const base = { document, locale, title: version.title, kind: 'review' as const };
    const due = dateOnly(version.data.nextReviewDue);
    if (!due) {
      findings.push(
        makeFinding(context, {
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
          makeFinding(context, {
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
          makeFinding(context, {
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
        makeFinding(context, {
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
        makeFinding(context, {
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
