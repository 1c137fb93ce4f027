/**
 * "Was this page helpful?": what a visitor may send (POST /api/page-feedbacks), as pure functions.
 * The body is an allowlist: `{ data: { path, locale, answer, reason? } }` and nothing else, so no
 * free text (where a patient could write health details) and nothing about the visitor can be
 * stored. Which paths are the site's pages is decided in pages.ts.
 */

export const FEEDBACK_UID = 'api::page-feedback.page-feedback';

export const ANSWERS = ['yes', 'no'] as const;
export type Answer = (typeof ANSWERS)[number];

/** The fixed reasons after "no" (the schema's enumeration; the site shows the same list). */
export const REASONS = [
  'hard-to-understand',
  'out-of-date',
  'not-what-i-was-looking-for',
  'other',
] as const;
export type Reason = (typeof REASONS)[number];

export const MAX_PATH_LENGTH = 200;

export interface FeedbackInput {
  /** The page's path without its locale prefix: `/faq`, `/articles/<slug>`. */
  path: string;
  locale: string;
  answer: Answer;
  reason: Reason | null;
}

export type Parsed = { ok: true; value: FeedbackInput } | { ok: false; message: string };

const FIELDS = ['path', 'locale', 'answer', 'reason'];
const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
const fail = (message: string): Parsed => ({ ok: false, message });

/** Checks a request body against the allowlist; `locales` are the site's. */
export function parseFeedback(body: unknown, locales: readonly string[]): Parsed {
  if (!isPlainObject(body) || Object.keys(body).join() !== 'data' || !isPlainObject(body.data)) {
    return fail(
      'The body must be {"data": {"path", "locale", "answer", "reason"}} and nothing else.',
    );
  }
  const data = body.data;
  const unknown = Object.keys(data).filter((key) => !FIELDS.includes(key));
  if (unknown.length > 0) {
    return fail(`Unknown field(s): ${unknown.join(', ')}. Allowed: ${FIELDS.join(', ')}.`);
  }
  const { path, locale, answer, reason } = data;
  if (
    typeof path !== 'string' ||
    path.length > MAX_PATH_LENGTH ||
    !/^\/[a-z0-9\-/]*$/.test(path) ||
    path.includes('//')
  ) {
    return fail(
      '"path" must be the path of one of the site\'s pages, without its language prefix.',
    );
  }
  if (typeof locale !== 'string' || !locales.includes(locale)) {
    return fail(`"locale" must be one of: ${locales.join(', ')}.`);
  }
  if (typeof answer !== 'string' || !(ANSWERS as readonly string[]).includes(answer)) {
    return fail(`"answer" must be one of: ${ANSWERS.join(', ')}.`);
  }
  if (reason !== undefined && reason !== null) {
    if (answer !== 'no') return fail('"reason" is only for the answer "no".');
    if (typeof reason !== 'string' || !(REASONS as readonly string[]).includes(reason)) {
      return fail(`"reason" must be one of: ${REASONS.join(', ')}.`);
    }
  }
  return {
    ok: true,
    value: {
      path,
      locale,
      answer: answer as Answer,
      reason: (reason ?? null) as Reason | null,
    },
  };
}
