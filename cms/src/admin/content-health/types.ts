// The content-health HTTP contract as the admin sees it (cms/src/content-health/ answers it):
// GET /content-health/report → { data: Report }, GET /content-health/entry → { data: EntryHealth }.

export type Severity = 'error' | 'warning' | 'info';
export type Kind = 'review' | 'translation' | 'draft' | 'readability' | 'settings' | 'links';

export const SEVERITIES: Severity[] = ['error', 'warning', 'info'];
export const KINDS: Kind[] = ['review', 'translation', 'draft', 'readability', 'settings', 'links'];

export interface Sentence {
  text: string;
  words: number;
}

export interface Finding {
  id: string;
  severity: Severity;
  kind: Kind;
  code: string;
  message: string;
  params: Record<string, string | number>;
  entry: { uid: string; documentId: string; locale: string; title: string; contentType: string };
  /** Admin-relative, e.g. `/content-manager/collection-types/<uid>/<documentId>?plugins[i18n][locale]=es`. */
  editUrl: string;
  longestSentences?: Sentence[];
}

export interface ReadingLevel {
  uid: string;
  field: string;
  locale: string;
  formula: 'flesch-kincaid' | 'fernandez-huerta';
  score: number;
  grade: number;
  gradeLabel: string;
  target: number;
  aboveTarget: boolean;
  words: number;
  sentences: number;
  longestSentences: Sentence[];
}

export interface Report {
  generatedAt: string;
  targets: { en: number; es: number; reviewWarningDays: number; draftDays: number };
  counts: { total: number; bySeverity: Record<Severity, number>; byKind: Record<Kind, number> };
  /** Sorted: errors, then warnings, then information. */
  findings: Finding[];
}

export interface EntryHealth {
  findings: Finding[];
  readingLevels: ReadingLevel[];
}

/** 0 for the most urgent. Unknown severities (a newer server) sort last. */
export function severityRank(severity: string): number {
  const rank = SEVERITIES.indexOf(severity as Severity);
  return rank === -1 ? SEVERITIES.length : rank;
}
