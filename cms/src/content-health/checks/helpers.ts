import { publicContentType } from '../../content-model';
import type {
  CheckContext,
  ContentTypeInfo,
  Finding,
  HealthDocument,
  Kind,
  Sentence,
  Severity,
  Version,
} from '../types';

/** Admin-relative path to an entry's edit view in a locale (the content manager's own URLs). */
export function editUrlOf(
  uid: string,
  kind: ContentTypeInfo['kind'] | undefined,
  documentId: string,
  locale: string,
): string {
  const query = `?plugins[i18n][locale]=${encodeURIComponent(locale)}`;
  return kind === 'singleType'
    ? `/content-manager/single-types/${uid}${query}`
    : `/content-manager/collection-types/${uid}/${documentId}${query}`;
}

/**
 * The version a check analyses in a locale: in a report, what visitors see (the published version
 * where there is one, else the draft); for the edit view (`entry`), the draft being edited.
 */
export function analysedVersion(
  document: HealthDocument,
  locale: string,
  context: Pick<CheckContext, 'mode'>,
): Version | undefined {
  const versions = document.locales[locale];
  if (!versions) return undefined;
  return context.mode === 'entry'
    ? (versions.draft ?? versions.published)
    : (versions.published ?? versions.draft);
}

/** Each locale the document exists in, with the version a check analyses there. */
export function analysedVersions(
  document: HealthDocument,
  context: Pick<CheckContext, 'mode'>,
): Array<[locale: string, version: Version]> {
  return Object.keys(document.locales)
    .sort()
    .flatMap((locale) => {
      const version = analysedVersion(document, locale, context);
      return version ? [[locale, version] as [string, Version]] : [];
    });
}

/** "{name}" placeholders in `template` replaced by `params[name]`. */
export function interpolate(template: string, params: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
    name in params ? String(params[name]) : whole,
  );
}

/**
 * A field's name inside an English sentence: the content model's label ("contact link"), else
 * made from the field's name (fieldLabel).
 */
export function fieldLabelOf(uid: string, field: string): string {
  return publicContentType(uid)?.labels.fields[field]?.en ?? fieldLabel(field);
}

/**
 * A content type's name inside an English sentence, from its display name: "article",
 * "glossary term", but "FAQ" (an abbreviation keeps its capitals).
 */
export function typeNameInSentence(context: Pick<CheckContext, 'contentTypes'>, uid: string) {
  const name = context.contentTypes[uid]?.displayName ?? uid;
  return /^\p{Lu}\p{Ll}/u.test(name) ? name.charAt(0).toLowerCase() + name.slice(1) : name;
}

/** "crisisHelp" → "crisis help", "contactUrl" → "contact URL". */
export function fieldLabel(field: string): string {
  return field
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .replace(/\bUrl\b/g, 'URL')
    .split(' ')
    .map((word, index) => (index > 0 && word !== 'URL' ? word.toLowerCase() : word))
    .join(' ')
    .replace(/^./, (first) => first.toLowerCase());
}

export interface FindingInput {
  document: HealthDocument;
  locale: string;
  /** The entry's title to show (the version's, or the source's for a missing translation). */
  title: string;
  severity: Severity;
  kind: Kind;
  code: string;
  /** Plain English with "{param}" placeholders. */
  message: string;
  params?: Record<string, string | number>;
  /** Added to the id where one entry can have several findings of the code. */
  idSuffix?: string[];
  longestSentences?: Sentence[];
}

/** A finding; the context gives the entry's type name and kind (from Strapi's schema). */
export function makeFinding(
  context: Pick<CheckContext, 'contentTypes'>,
  input: FindingInput,
): Finding {
  const { document, locale } = input;
  const params = input.params ?? {};
  const finding: Finding = {
    id: [input.code, document.uid, document.documentId, locale, ...(input.idSuffix ?? [])].join(
      ':',
    ),
    severity: input.severity,
    kind: input.kind,
    code: input.code,
    message: interpolate(input.message, params),
    params,
    entry: {
      uid: document.uid,
      documentId: document.documentId,
      locale,
      title: input.title,
      contentType: context.contentTypes[document.uid]?.displayName ?? document.uid,
    },
    editUrl: editUrlOf(
      document.uid,
      context.contentTypes[document.uid]?.kind,
      document.documentId,
      locale,
    ),
  };
  if (input.longestSentences) finding.longestSentences = input.longestSentences;
  return finding;
}

export const DAY_MS = 24 * 60 * 60 * 1000;

/** Whole days from date `from` to date `to` (YYYY-MM-DD both; negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS);
}

/** Whole days elapsed between two instants (rounded down). */
export function daysSince(instant: string | Date, now: Date): number {
  return Math.floor((now.getTime() - new Date(instant).getTime()) / DAY_MS);
}

/** YYYY-MM-DD of an instant in the server's time zone (TZ). */
export function localDate(instant: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${instant.getFullYear()}-${pad(instant.getMonth() + 1)}-${pad(instant.getDate())}`;
}

/** A date-only value (YYYY-MM-DD) from a date field, or null. */
export function dateOnly(value: unknown): string | null {
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? null : localDate(value);
  if (typeof value !== 'string') return null;
  const match = value.match(/^\d{4}-\d{2}-\d{2}/);
  return match ? match[0] : null;
}

export const languageName = (context: Pick<CheckContext, 'localeNames'>, locale: string) =>
  context.localeNames[locale] ?? locale;

export const isBlank = (value: unknown) =>
  value === null || value === undefined || (typeof value === 'string' && value.trim() === '');
