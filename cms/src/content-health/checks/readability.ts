import { healthContentType } from '../content-types';
import { readabilityLanguage, readingLevelOf } from '../readability';
import { fieldSegments } from '../text';
import type { Check, Finding, HealthSettings, ReadingLevel, Version } from '../types';
import { analysedVersions, fieldLabelOf, makeFinding } from './helpers';

/** Reading levels of a version's measured fields (the content model's `readabilityFields`). */
export function readingLevelsOf(
  uid: string,
  version: Version,
  settings: Pick<HealthSettings, 'gradeTargetEn' | 'scoreTargetEs'>,
): ReadingLevel[] {
  const language = readabilityLanguage(version.locale);
  if (!language) return [];
  const levels: ReadingLevel[] = [];
  for (const field of healthContentType(uid)?.readabilityFields ?? []) {
    const level = readingLevelOf(fieldSegments(version.data[field]), language, settings);
    if (level) levels.push({ uid, field, locale: version.locale, ...level });
  }
  return levels;
}

/**
 * `reading-level-high` (warning): a measured field reads above the target: English above the
 * Flesch-Kincaid grade target, Spanish below the Fernández-Huerta score target. One per field;
 * carries the three longest sentences, where shortening helps most.
 */
export const readabilityCheck: Check = (document, context) => {
  const findings: Finding[] = [];
  for (const [locale, version] of analysedVersions(document, context)) {
    for (const level of readingLevelsOf(document.uid, version, context.settings)) {
      if (!level.aboveTarget) continue;
      const english = level.formula === 'flesch-kincaid';
      findings.push(
        makeFinding(context, {
          document,
          locale,
          title: version.title,
          severity: 'warning',
          kind: 'readability',
          code: 'reading-level-high',
          message: english
            ? 'The {fieldLabel} reads at about US school grade {grade}; the target is grade ' +
              '{target} or lower. Shorter sentences and everyday words help; start with the ' +
              'longest sentences.'
            : 'The {fieldLabel} has a Fernández-Huerta reading-ease score of {score}, which is ' +
              '{gradeLabel}; the target is {target} or higher. Shorter sentences and everyday ' +
              'words help; start with the longest sentences.',
          params: {
            field: level.field,
            fieldLabel: fieldLabelOf(document.uid, level.field),
            formula: level.formula,
            score: level.score,
            grade: level.grade,
            gradeLabel: level.gradeLabel,
            target: level.target,
            words: level.words,
            sentences: level.sentences,
          },
          idSuffix: [level.field],
          longestSentences: level.longestSentences,
        }),
      );
    }
  }
  return findings;
};
