/**
 * Content health: the shapes shared by the checks, the service, the HTTP routes and the CLI.
 * The HTTP contract (what the admin UI reads) is `Finding`, `ReadingLevel` and `Report`.
 */

export const SEVERITIES = ['error', 'warning', 'info'] as const;
export type Severity = (typeof SEVERITIES)[number];

/** In the order a report lists them (after severity). */
export const KINDS = [
  'review',
  'translation',
  'draft',
  'readability',
  'settings',
  'links',
  'feedback',
] as const;
export type Kind = (typeof KINDS)[number];

export interface FindingEntry {
  uid: string;
  documentId: string;
  locale: string;
  /** The entry's title (an article's title, an FAQ's question…); the source's for a missing translation. */
  title: string;
  /** The content type's display name, e.g. "Article". */
  contentType: string;
}

export interface Sentence {
  text: string;
  words: number;
}

export interface Finding {
  /** Stable: `${code}:${uid}:${documentId}:${locale}`, plus `:${field}` (and more) where several per entry. */
  id: string;
  severity: Severity;
  kind: Kind;
  code: string;
  /** Plain English for an editor; `params` hold the values in it, for translation. */
  message: string;
  params: Record<string, string | number>;
  entry: FindingEntry;
  /** Admin-relative path to the entry's edit view in the finding's locale. */
  editUrl: string;
  /** Readability only: where to start shortening. */
  longestSentences?: Sentence[];
}

export type ReadabilityFormula = 'flesch-kincaid' | 'fernandez-huerta';

export interface ReadingLevel {
  uid: string;
  field: string;
  locale: string;
  formula: ReadabilityFormula;
  /** Flesch-Kincaid: the grade itself; Fernández-Huerta: the reading-ease score (higher is easier). */
  score: number;
  /** Flesch-Kincaid grade, or for Spanish the upper grade of the score's band. */
  grade: number;
  gradeLabel: string;
  /** English: the highest grade wanted; Spanish: the lowest score wanted. */
  target: number;
  /** Harder to read than the target. */
  aboveTarget: boolean;
  words: number;
  sentences: number;
  longestSentences: Sentence[];
}

export interface HealthTargets {
  en: number;
  es: number;
  reviewWarningDays: number;
  draftDays: number;
}

export interface Report {
  generatedAt: string;
  targets: HealthTargets;
  counts: {
    total: number;
    bySeverity: Record<Severity, number>;
    byKind: Record<Kind, number>;
  };
  /** Sorted: error, warning, info; then kind (in KINDS order); then title. */
  findings: Finding[];
  /** "Was this page helpful?" figures of every page that has answers (most answers first). */
  feedback: PageFeedback[];
}

export interface EntryHealth {
  findings: Finding[];
  readingLevels: ReadingLevel[];
  /** "Was this page helpful?" on the page(s) showing the entry in its locale. */
  feedback: PageFeedback[];
}

/** "Was this page helpful?" answers of one page in one language, over the last 90 days. */
export interface PageFeedback {
  /** Without the locale prefix: `/faq`, `/articles/<slug>`. */
  path: string;
  locale: string;
  answers: number;
  no: number;
  /** Share of "no", in whole percent. */
  noShare: number;
  /** The reason given most often with "no" (ties: the list's order), or null when none was. */
  topReason: string | null;
  /** The content the page shows: its type, and its document for a page per document. */
  uid: string;
  documentId: string | null;
  /** The document's title, or the page's path for a page listing a type. */
  title: string;
}

// ---------------------------------------------------------------------------------------------
// The plain data the checks run over (built by loader.ts from the Document Service).

/** One stored version of a document in one locale. */
export interface Version {
  status: 'draft' | 'published';
  locale: string;
  /** Title as an editor knows the entry (its title field; a single type's display name). */
  title: string;
  publishedAt: string | null;
  updatedAt: string;
  /** The admin user who created the entry (null when created by the seed or a script). */
  createdById: number | null;
  /** The content type's own attributes as the Document Service returns them (blocks as JSON). */
  data: Record<string, unknown>;
}

export interface LocaleVersions {
  draft?: Version;
  published?: Version;
}

export interface HealthDocument {
  uid: string;
  documentId: string;
  /** Every locale the document exists in, draft or published. */
  locales: Record<string, LocaleVersions>;
}

export interface HealthSettings {
  /** CONTENT_HEALTH_REVIEW_WARNING_DAYS: warn this many days before an article's review is due. */
  reviewWarningDays: number;
  /** CONTENT_HEALTH_DRAFT_DAYS: unpublished changes older than this are a forgotten draft. */
  draftDays: number;
  /** CONTENT_HEALTH_GRADE_TARGET_EN: highest Flesch-Kincaid grade wanted for English text. */
  gradeTargetEn: number;
  /** CONTENT_HEALTH_SCORE_TARGET_ES: lowest Fernández-Huerta score wanted for Spanish text. */
  scoreTargetEs: number;
  /** SIGN_OFF_REVIEW_INTERVAL_MONTHS: the sign-off rule's longest time since the last review. */
  reviewIntervalMonths: number;
  /** SITE_URL: links to it are the site's own (as in config/admin.ts). */
  siteUrl: string;
}

export interface CheckContext {
  /**
   * `report`: what visitors see, i.e. the published version of each document and locale where one
   * exists, else the draft. `entry`: the draft an editor is editing.
   */
  mode: 'report' | 'entry';
  now: Date;
  /** Today's date (YYYY-MM-DD) in the server's time zone (TZ), for date-only fields. */
  today: string;
  settings: HealthSettings;
  /** Every locale the site has; the default first. */
  locales: string[];
  defaultLocale: string;
  /** Locale code → language name, e.g. es → Spanish. */
  localeNames: Record<string, string>;
  /** Each content type's display name and kind, from Strapi's schema. */
  contentTypes: Record<string, ContentTypeInfo>;
  /**
   * Content type → locale → the values of published documents that links to the site may name
   * (the field of the type's `sitePath`, e.g. articles' slugs). Holds at least every value the
   * documents being checked link to (the loader looks those up), not necessarily every document.
   */
  publishedLinkTargets: Record<string, Record<string, Set<string>>>;
  /**
   * The site's redirects (src/redirects): an old path (with its locale prefix, decoded) → where it
   * leads now. A link to an old path still lands, through a 301: the links check says so.
   */
  redirects?: ReadonlyMap<string, string>;
  /**
   * `${uid}:${documentId}` → its scheduled publishes and unpublishes that failed and that nothing
   * has superseded (src/schedules). Absent: none.
   */
  failedSchedules?: Record<string, ScheduleFailure[]>;
}

/** A scheduled action that failed when it fired (src/schedules/store.ts). */
export interface ScheduleFailure {
  id: number;
  locale: string;
  action: 'publish' | 'unpublish';
  /** When it was scheduled for, ISO. */
  at: string;
  message: string | null;
}

/** What Strapi's schema says of a content type that a finding shows. */
export interface ContentTypeInfo {
  /** `info.displayName`, e.g. "Article". */
  displayName: string;
  kind: 'collectionType' | 'singleType';
}

/**
 * A check: a pure function from one document (every locale, draft and published) to findings.
 * See checks/index.ts for how to add one.
 */
export type Check = (document: HealthDocument, context: CheckContext) => Finding[];
