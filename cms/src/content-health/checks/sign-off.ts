import { signOffRuleOf } from '../../content-model';
import { problemText } from '../../sign-off/messages';
import { signOffProblems } from '../../sign-off/rules';
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
            message: `Published without clinical sign-off: ${problemText(problem.code, 'en', months)}. A Clinical reviewer completes the review and publishes it again.`,
          }
        : {
            severity: 'warning' as const,
            code: 'publish-blocked',
            message: `This draft cannot be published yet: ${problemText(problem.code, 'en', months)}.`,
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
