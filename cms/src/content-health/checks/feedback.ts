import { editUrlOf } from './helpers';
import type { CheckContext, Finding, PageFeedback } from '../types';

/**
 * "Was this page helpful?" as content health sees it: a page with at least FEEDBACK_MIN_ANSWERS
 * answers in the last FEEDBACK_DAYS days, of which at least FEEDBACK_NO_SHARE % were "no", is a
 * finding. Unlike the other checks it runs over pages (../feedback.ts loads their figures), not
 * documents: the FAQ and risk-factor pages list many documents.
 */

export const FEEDBACK_DAYS = 90;
export const FEEDBACK_MIN_ANSWERS = 10;
export const FEEDBACK_NO_SHARE = 50;

export function feedbackFindings(
  pages: PageFeedback[],
  context: Pick<CheckContext, 'contentTypes'>,
): Finding[] {
  return pages
    .filter((page) => page.answers >= FEEDBACK_MIN_ANSWERS && page.noShare >= FEEDBACK_NO_SHARE)
    .map((page) => {
      const params = {
        path: page.path,
        answers: page.answers,
        no: page.no,
        share: page.noShare,
        days: FEEDBACK_DAYS,
        reason: page.topReason ?? 'none',
      };
      const type = context.contentTypes[page.uid];
      return {
        id: ['feedback-unhelpful', page.uid, page.documentId ?? '', page.locale, page.path].join(
          ':',
        ),
        severity: 'warning',
        kind: 'feedback',
        code: 'feedback-unhelpful',
        message:
          `Visitors found this page unhelpful: ${page.no} of ${page.answers} answers in the last ` +
          `${FEEDBACK_DAYS} days were “no” (${page.noShare} %); the most common reason: ` +
          `${page.topReason ?? 'none given'}.`,
        params,
        entry: {
          uid: page.uid,
          documentId: page.documentId ?? '',
          locale: page.locale,
          title: page.title,
          contentType: type?.displayName ?? page.uid,
        },
        // A page per document opens its entry; a page listing a type, the type's list.
        editUrl:
          page.documentId === null
            ? `/content-manager/collection-types/${page.uid}?plugins[i18n][locale]=${encodeURIComponent(page.locale)}`
            : editUrlOf(page.uid, type?.kind, page.documentId, page.locale),
      } satisfies Finding;
    });
}
