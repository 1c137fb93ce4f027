import type { Locale } from '@/shared/locales';
import { cmsBaseUrl, REQUEST_TIMEOUT_MS } from './config';

/**
 * "Was this page helpful?": one answer to the CMS's create-only endpoint
 * (POST /api/page-feedbacks, through the site's /api/ like every other call). Only these four
 * values are sent; the CMS stores nothing else. `fetch` rather than the site's axios client: the
 * widget must not load the HTTP client on a prerendered page that has not needed it yet.
 */

export const FEEDBACK_REASONS = [
  'hard-to-understand',
  'out-of-date',
  'not-what-i-was-looking-for',
  'other',
] as const;
export type FeedbackReason = (typeof FEEDBACK_REASONS)[number];

export interface FeedbackAnswer {
  /** The page's path without its locale prefix: `/faq`, `/articles/<slug>`. */
  path: string;
  locale: Locale;
  answer: 'yes' | 'no';
  reason?: FeedbackReason;
}

/** Resolves once the CMS has stored the answer; rejects on any failure (offline, 4xx, 5xx, timeout). */
export async function sendFeedback(answer: FeedbackAnswer): Promise<void> {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), REQUEST_TIMEOUT_MS);
  try {
    const response = await fetch(`${cmsBaseUrl}/api/page-feedbacks`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
      body: JSON.stringify({ data: answer }),
      credentials: 'omit',
      signal: controller.signal,
    });
    if (!response.ok) throw new Error(`The CMS answered ${response.status}`);
  } finally {
    clearTimeout(timer);
  }
}
