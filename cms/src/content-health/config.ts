import type { HealthSettings } from './types';

/**
 * Content health's settings, from the environment (all optional):
 *
 * - CONTENT_HEALTH_REVIEW_WARNING_DAYS (30): an article whose next review is due within this many
 *   days (today included) gets `review-due-soon`. A whole number, 0 or more.
 * - CONTENT_HEALTH_DRAFT_DAYS (14): unpublished changes last saved more than this many days ago
 *   are a `draft-forgotten`. A whole number, 1 or more.
 * - CONTENT_HEALTH_GRADE_TARGET_EN (8): the highest Flesch-Kincaid (US school) grade wanted for
 *   English text. A number from 1 to 20.
 * - CONTENT_HEALTH_SCORE_TARGET_ES (60): the lowest Fernández-Huerta score wanted for Spanish text
 *   (60 is the 7th–8th grade band, the equivalent of grade 8). A number from 0 to 100.
 * - SIGN_OFF_REVIEW_INTERVAL_MONTHS (12): the clinical sign-off rule (src/sign-off) refuses to
 *   publish an article last reviewed longer ago than this. A whole number from 1 to 60.
 * - SITE_URL (http://localhost:5173, as in config/admin.ts): links to it count as the site's own.
 *
 * As with the response cache's settings (src/response-cache/index.ts), a value that cannot work
 * stops the CMS at start-up with a message naming the variable, instead of being guessed at.
 */

export const DEFAULT_HEALTH_SETTINGS: HealthSettings = {
  reviewWarningDays: 30,
  draftDays: 14,
  gradeTargetEn: 8,
  scoreTargetEs: 60,
  reviewIntervalMonths: 12,
  siteUrl: 'http://localhost:5173',
};

interface NumberRule {
  variable: string;
  key:
    'reviewWarningDays' | 'draftDays' | 'gradeTargetEn' | 'scoreTargetEs' | 'reviewIntervalMonths';
  integer: boolean;
  min: number;
  max: number;
}

const RULES: NumberRule[] = [
  {
    variable: 'CONTENT_HEALTH_REVIEW_WARNING_DAYS',
    key: 'reviewWarningDays',
    integer: true,
    min: 0,
    max: 3650,
  },
  { variable: 'CONTENT_HEALTH_DRAFT_DAYS', key: 'draftDays', integer: true, min: 1, max: 3650 },
  {
    variable: 'CONTENT_HEALTH_GRADE_TARGET_EN',
    key: 'gradeTargetEn',
    integer: false,
    min: 1,
    max: 20,
  },
  {
    variable: 'CONTENT_HEALTH_SCORE_TARGET_ES',
    key: 'scoreTargetEs',
    integer: false,
    min: 0,
    max: 100,
  },
  {
    variable: 'SIGN_OFF_REVIEW_INTERVAL_MONTHS',
    key: 'reviewIntervalMonths',
    integer: true,
    min: 1,
    max: 60,
  },
];

/** The settings from `env`, with defaults; throws on a value that cannot work. */
export function healthSettingsFromEnv(env: NodeJS.ProcessEnv = process.env): HealthSettings {
  const settings: HealthSettings = { ...DEFAULT_HEALTH_SETTINGS };
  for (const rule of RULES) {
    const raw = env[rule.variable]?.trim();
    if (raw === undefined || raw === '') continue;
    const value = Number(raw);
    const kind = rule.integer ? 'a whole number' : 'a number';
    if (
      !/^[+-]?(\d+\.?\d*|\.\d+)$/.test(raw) ||
      !Number.isFinite(value) ||
      (rule.integer && !Number.isInteger(value)) ||
      value < rule.min ||
      value > rule.max
    ) {
      throw new Error(
        `${rule.variable} must be ${kind} from ${rule.min} to ${rule.max} ` +
          `(default ${DEFAULT_HEALTH_SETTINGS[rule.key]}); it is "${raw}".`,
      );
    }
    settings[rule.key] = value;
  }
  const siteUrl = env.SITE_URL?.trim();
  if (siteUrl) settings.siteUrl = siteUrl.replace(/\/+$/, '');
  return settings;
}
