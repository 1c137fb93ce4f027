import AxeBuilder from '@axe-core/playwright';
import { expect, type Page } from '@playwright/test';

/** The rules the site and the admin's own pages are held to: WCAG 2.2 A and AA. */
export const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

type Violations = Awaited<ReturnType<AxeBuilder['analyze']>>['violations'];

/** axe's violations as a readable failure message: rule, help link, each node and why. */
export function describeViolations(violations: Violations): string {
  return violations
    .map((v) =>
      [
        `${v.id} (${v.impact ?? 'n/a'}): ${v.help}`,
        `  ${v.helpUrl}`,
        ...v.nodes.map(
          (node) =>
            `  - ${node.target.join(' ')}\n    ${node.failureSummary?.replace(/\n/g, '\n    ')}`,
        ),
      ].join('\n'),
    )
    .join('\n');
}

/** Runs axe (WCAG 2.2 A/AA) on the page as it is and expects it to find nothing. */
export async function expectNoAxeViolations(page: Page): Promise<void> {
  const results = await new AxeBuilder({ page }).withTags(WCAG_TAGS).analyze();
  // The check ran: axe found rules that apply and pass.
  expect(results.passes.length).toBeGreaterThan(0);
  expect(results.violations, describeViolations(results.violations)).toEqual([]);
}
