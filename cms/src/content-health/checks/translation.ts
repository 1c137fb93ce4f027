import type { Check, Finding } from '../types';
import { analysedVersion, languageName, makeFinding } from './helpers';

/**
 * Publishing every locale at once (the content manager's "publish all locales", the seed) gives
 * each locale its own publish time a few milliseconds apart, in no set order: publishes closer
 * than this count as one.
 */
export const SAME_PUBLISH_TOLERANCE_MS = 1000;

/** "2026-11-27 13:46 UTC" */
export const formatInstant = (iso: string) =>
  `${new Date(iso).toISOString().slice(0, 16).replace('T', ' ')} UTC`;

/**
 * Translations, for every content type:
 * - `translation-missing` (warning): the document has no version at all (draft or published) in
 *   one of the site's locales; reported on the missing locale, titled after the source (the
 *   default locale's version, else the first there is);
 * - `translation-stale` (warning): the default locale's version was published after this locale's
 *   (both published): the source may have changed since the translation. Publishing the
 *   translation again clears it.
 */
export const translationCheck: Check = (document, context) => {
  const findings: Finding[] = [];
  const present = Object.keys(document.locales).sort();
  if (present.length === 0) return findings;
  const sourceLocale = present.includes(context.defaultLocale) ? context.defaultLocale : present[0];
  const source = analysedVersion(document, sourceLocale, context);

  for (const locale of context.locales) {
    if (document.locales[locale]) continue;
    findings.push(
      makeFinding(context, {
        document,
        locale,
        title: source?.title ?? '',
        severity: 'warning',
        kind: 'translation',
        code: 'translation-missing',
        message:
          'This has no {language} version yet, so visitors reading in {language} do not see it.',
        params: {
          language: languageName(context, locale),
          sourceLocale,
          sourceLanguage: languageName(context, sourceLocale),
        },
      }),
    );
  }

  const sourcePublished = document.locales[context.defaultLocale]?.published?.publishedAt;
  if (!sourcePublished) return findings;
  for (const locale of present) {
    if (locale === context.defaultLocale) continue;
    const published = document.locales[locale]?.published;
    if (!published?.publishedAt) continue;
    const lag = Date.parse(sourcePublished) - Date.parse(published.publishedAt);
    if (lag <= SAME_PUBLISH_TOLERANCE_MS) continue;
    const version = analysedVersion(document, locale, context) ?? published;
    findings.push(
      makeFinding(context, {
        document,
        locale,
        title: version.title,
        severity: 'warning',
        kind: 'translation',
        code: 'translation-stale',
        message:
          'The {sourceLanguage} version was published on {sourcePublished}, after this ' +
          '{language} version ({published}). Check whether the translation needs the same ' +
          'changes, then publish it again.',
        params: {
          language: languageName(context, locale),
          sourceLocale: context.defaultLocale,
          sourceLanguage: languageName(context, context.defaultLocale),
          published: formatInstant(published.publishedAt),
          sourcePublished: formatInstant(sourcePublished),
        },
      }),
    );
  }
  return findings;
};
