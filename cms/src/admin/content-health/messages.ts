// Labels shared by the widget, the side panel and the report page. Every string has an id under
// `content-health.` (translations/*.json) and an English default.
import type { IntlShape, MessageDescriptor } from 'react-intl';
import type { Finding, Kind, Severity } from './types';

export const PREFIX = 'content-health';
export const REPORT_PATH = '/content-health';

export const t = (id: string, defaultMessage: string): MessageDescriptor => ({
  id: `${PREFIX}.${id}`,
  defaultMessage,
});

export const severityLabels: Record<Severity, MessageDescriptor> = {
  error: t('severity.error', 'Urgent'),
  warning: t('severity.warning', 'Needs attention'),
  info: t('severity.info', 'Suggestion'),
};

export const kindLabels: Record<Kind, MessageDescriptor> = {
  review: t('kind.review', 'Medical review'),
  translation: t('kind.translation', 'Translations'),
  draft: t('kind.draft', 'Unpublished changes'),
  readability: t('kind.readability', 'Reading level'),
  settings: t('kind.settings', 'Site settings'),
  links: t('kind.links', 'Links'),
  feedback: t('kind.feedback', 'Visitor feedback'),
};

/** A severity or a kind the server may add later: its own name, untranslated. */
export function labelOf<K extends string>(
  intl: IntlShape,
  labels: Record<K, MessageDescriptor>,
  key: string,
): string {
  const descriptor = (labels as Record<string, MessageDescriptor | undefined>)[key];
  return descriptor ? intl.formatMessage(descriptor) : key;
}

/**
 * A finding in the admin's language: the translation of its code with the server's parameters,
 * or, for a code this admin has no translation for, the server's English message as it is (it
 * holds CMS text, so it is never parsed as a message format).
 */
export function findingMessage(intl: IntlShape, finding: Finding): string {
  const id = `${PREFIX}.finding.${finding.code}`;
  if (!Object.prototype.hasOwnProperty.call(intl.messages, id)) return finding.message;
  return intl.formatMessage({ id, defaultMessage: finding.message }, findingParams(intl, finding));
}

const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;
/** An instant (a scheduled time), as the server sends it: ISO 8601 with its offset. */
const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;

/**
 * The server's parameters, plus what a translation needs that the server gives in English:
 * dates (YYYY-MM-DD) written out in the admin's language, instants (ISO 8601) with the time in the
 * editor's time zone; `entryLanguage`, the name of the
 * finding's locale; `<x>LocaleName` for each `<x>Locale` code; `fieldName`, the field's name;
 * `<x>Key` for each text `<x>`, with `_` for `-`, to `select` on.
 */
export function findingParams(intl: IntlShape, finding: Finding): Record<string, string | number> {
  const params: Record<string, string | number> = { ...finding.params };
  for (const [key, value] of Object.entries(finding.params ?? {})) {
    if (typeof value !== 'string') continue;
    const day = DAY.exec(value);
    if (day) {
      params[key] = intl.formatDate(Date.UTC(+day[1], +day[2] - 1, +day[3]), {
        dateStyle: 'long',
        timeZone: 'UTC',
      });
    } else if (INSTANT.test(value)) {
      // In the editor's language and time zone, as they set it in the schedule panel.
      params[key] = intl.formatDate(new Date(value), { dateStyle: 'long', timeStyle: 'short' });
    }
    if (/Locale$/.test(key)) params[`${key}Name`] = localeName(intl, value);
    // A message format's `select` takes no hyphens: "never-published" → `stateKey` never_published.
    params[`${key}Key`] = value.replace(/-/g, '_');
  }
  params.entryLanguage = localeName(intl, finding.entry.locale);
  if (typeof finding.params?.field === 'string') {
    params.fieldName = fieldName(intl, finding.params.field, finding.params.fieldLabel);
  }
  if (typeof finding.params?.targetUid === 'string') {
    // The type a link names: "glossary term" from the server in English, «Término del glosario».
    params.targetTypeName = translated(
      intl,
      `${PREFIX}.content-type.${finding.params.targetUid}`,
      String(finding.params.targetType ?? finding.params.targetUid),
    );
  }
  return params;
}

/**
 * The admin's translation of `id`, else `fallback` as it is (text from the server: never parsed
 * as a message format, and no "missing message" error for what the server names in English).
 */
function translated(intl: IntlShape, id: string, fallback: string): string {
  return Object.prototype.hasOwnProperty.call(intl.messages, id)
    ? intl.formatMessage({ id, defaultMessage: fallback })
    : fallback;
}

/** A field's name for a sentence ("crisis help", "ayuda en crisis"; src/content-model.ts). */
export function fieldName(intl: IntlShape, field: string, fallback?: string | number): string {
  return translated(intl, `${PREFIX}.field.${field}`, String(fallback ?? field));
}

/** A content locale's name in the admin's language ("Spanish", "español"), else its code. */
export function localeName(intl: IntlShape, code: string): string {
  try {
    return intl.formatDisplayName(code, { type: 'language' }) ?? code;
  } catch {
    return code;
  }
}

/**
 * A content type's name in the admin's language: the content model's ("Artículo"), else the
 * server's, which is the schema's display name ("Article").
 */
export function contentTypeName(intl: IntlShape, entry: Finding['entry']): string {
  return translated(intl, `${PREFIX}.content-type.${entry.uid}`, entry.contentType);
}

/**
 * What editors know an entry by: its title, or for a single type (titled after its content type
 * by the server, in English) the content type's name in the admin's language.
 */
export function entryTitle(intl: IntlShape, entry: Finding['entry']): string {
  return entry.title === entry.contentType ? contentTypeName(intl, entry) : entry.title;
}
