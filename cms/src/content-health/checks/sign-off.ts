import { signOffRuleOf } from '../../content-model';
import { signOffProblems, type SignOffProblem } from '../../sign-off/rules';
import type { Check, CheckContext, Finding, HealthDocument, Version } from '../types';
import { makeFinding } from './helpers';

/**
 * Clinical sign-off (src/sign-off), per locale, on the types whose content model has a `signOff`
 * rule, one finding per failed rule (param `rule`, the rule's code):
 * - `published-without-sign-off` (error): what visitors see does not pass the rule; the seed's
 *   article, whose material names no reviewer, or content published before the rule existed. A
 *   Clinical reviewer clears it by completing the review fields and publishing.
 * - `publish-blocked` (warning): a draft with changes visitors do not see (never published, or
 *   saved after its last publish), or in the edit view the draft itself, cannot be published yet.
 */
const RULE_TEXT: Record<SignOffProblem['code'], string> = {
  'reviewer-missing': 'no clinical reviewer is named',
  'last-reviewed-missing': 'the last review date is missing',
  'last-reviewed-in-future': 'the last review date is in the future',
  'last-reviewed-too-old': 'the last review is older than {months} months',
  'next-review-missing': 'the next review date is missing',
  'next-review-not-in-future': 'the next review date is not in the future',
  'references-missing': 'no reference is listed',
};

function findingsFor(
  document: HealthDocument,
  context: CheckContext,
  locale: string,
  version: Version,
  published: boolean,
): Finding[] {
  const rule = signOffRuleOf(document.uid)!;
  const months = context.settings.reviewIntervalMonths;
  const problems = signOffProblems(rule, version.data, {
    today: context.today,
    reviewIntervalMonths: months,
  });
  return problems.map((problem) =>
    makeFinding(context, {
      document,
      locale,
      title: version.title,
      kind: 'review',
      idSuffix: [problem.code],
      params: { rule: problem.code, field: problem.field, months },
      ...(published
        ? {
            severity: 'error' as const,
            code: 'published-without-sign-off',
            message: `Published without clinical sign-off: ${RULE_TEXT[problem.code]}. A Clinical reviewer completes the review and publishes it again.`,
          }
        : {
            severity: 'warning' as const,
            code: 'publish-blocked',
            message: `This draft cannot be published yet: ${RULE_TEXT[problem.code]}.`,
          }),
    }),
  );
}

export const signOffCheck: Check = (document, context) => {
  if (!signOffRuleOf(document.uid)) return [];
  const findings: Finding[] = [];
  for (const locale of Object.keys(document.locales).sort()) {
    const { draft, published } = document.locales[locale];
    if (context.mode === 'report' && published) {
      findings.push(...findingsFor(document, context, locale, published, true));
    }
    if (!draft) continue;
    const pending =
      context.mode === 'entry' ||
      !published ||
      Date.parse(draft.updatedAt) > Date.parse(published.updatedAt);
    if (pending) findings.push(...findingsFor(document, context, locale, draft, false));
  }
  return findings;
};
