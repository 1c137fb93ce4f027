import type { SignOffRule } from '../content-model';

/**
 * The clinical sign-off rule as a pure function: what stops one version of a document (its
 * attributes, references populated) from being published today. No Strapi, no clock: the
 * document-service middleware (./index.ts) and content health (checks/sign-off.ts) both call it.
 */

/** Each rule that can fail, in the order a refusal lists them; stable (the admin keys on them). */
export const SIGN_OFF_PROBLEMS = [
  'reviewer-missing',
  'last-reviewed-missing',
  'last-reviewed-in-future',
  'last-reviewed-too-old',
  'next-review-missing',
  'next-review-not-in-future',
  'references-missing',
] as const;
export type SignOffProblemCode = (typeof SIGN_OFF_PROBLEMS)[number];

export interface SignOffProblem {
  code: SignOffProblemCode;
  /** The attribute the rule reads: the admin marks it in the edit view. */
  field: string;
}

export interface SignOffSettings {
  /** Today (YYYY-MM-DD) in the server's time zone: review dates are dates, not instants. */
  today: string;
  /** The longest time since the last review (SIGN_OFF_REVIEW_INTERVAL_MONTHS). */
  reviewIntervalMonths: number;
}

const DAY = /^(\d{4})-(\d{2})-(\d{2})/;

/** YYYY-MM-DD of a date attribute (a string from the API, a Date from some drivers), or null. */
function dateOf(value: unknown): string | null {
  const text = value instanceof Date ? value.toISOString() : value;
  return typeof text === 'string' && DAY.test(text) ? text.slice(0, 10) : null;
}

/** `today` minus whole months, clamped to the month's last day (2026-03-31 − 1 → 2026-02-28). */
export function monthsBefore(today: string, months: number): string {
  const [year, month, day] = today.split('-').map(Number);
  const first = new Date(Date.UTC(year, month - 1 - months, 1));
  const lastDay = new Date(Date.UTC(first.getUTCFullYear(), first.getUTCMonth() + 1, 0));
  first.setUTCDate(Math.min(day, lastDay.getUTCDate()));
  return first.toISOString().slice(0, 10);
}

const blank = (value: unknown) => typeof value !== 'string' || value.trim() === '';

/** The rules `data` fails, in SIGN_OFF_PROBLEMS order; empty when it may be published. */
export function signOffProblems(
  rule: SignOffRule,
  data: Record<string, unknown>,
  settings: SignOffSettings,
): SignOffProblem[] {
  const problems: SignOffProblem[] = [];
  if (rule.reviewer && blank(data[rule.reviewer])) {
    problems.push({ code: 'reviewer-missing', field: rule.reviewer });
  }
  if (rule.lastReviewed) {
    const field = rule.lastReviewed;
    const last = dateOf(data[field]);
    if (!last) problems.push({ code: 'last-reviewed-missing', field });
    else if (last > settings.today) problems.push({ code: 'last-reviewed-in-future', field });
    else if (last < monthsBefore(settings.today, settings.reviewIntervalMonths)) {
      problems.push({ code: 'last-reviewed-too-old', field });
    }
  }
  if (rule.nextReview) {
    const field = rule.nextReview;
    const next = dateOf(data[field]);
    if (!next) problems.push({ code: 'next-review-missing', field });
    else if (next <= settings.today) problems.push({ code: 'next-review-not-in-future', field });
  }
  if (rule.references) {
    const references = data[rule.references];
    if (!Array.isArray(references) || references.length === 0) {
      problems.push({ code: 'references-missing', field: rule.references });
    }
  }
  return problems;
}

/** What a rule's check needs populated: its references component. */
export function signOffPopulate(rule: SignOffRule): Record<string, true> {
  return rule.references ? { [rule.references]: true } : {};
}
