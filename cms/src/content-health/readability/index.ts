import { fleschKincaid } from 'flesch-kincaid';
import { syllable } from 'syllable';
import type { ReadingLevel, Sentence } from '../types';
import { spanishSyllables } from './spanish-syllables';

/**
 * Reading level of a text, from its sentences, words and syllables:
 *
 * - English: the Flesch-Kincaid grade level (`flesch-kincaid`: 0.39 × words/sentence + 11.8 ×
 *   syllables/word − 15.59), syllables counted by `syllable`.
 * - Spanish: the Fernández-Huerta reading-ease score (1959), syllables counted by
 *   ./spanish-syllables.ts, mapped to a school-grade band by Fernández-Huerta's own table.
 *
 * The Fernández-Huerta formula is usually quoted as L = 206.84 − 0.60·P − 1.02·F with P the
 * syllables and F the sentences per 100 words. Read that way, more (so shorter) sentences make a
 * text *harder*, the opposite of the Flesch formula it adapts; as Gwillim Law pointed out
 * (LINGUIST List 22.2332, "Error in the Fernandez Huerta Readability Formula", 2011), the
 * sentence term must be the average sentence length, as in Flesch's: L = 206.84 − 0.60·P −
 * 1.02·(words per sentence). That is the form used here (and by textstat's `fernandez_huerta`).
 *
 * Counting rules (both languages): words are runs of letters (apostrophes and hyphens inside a
 * word keep it whole; numbers are not words); a sentence ends at . ! ? or … followed by a space
 * and not by a lower-case letter, except after a common abbreviation ("Dr.", "e.g.", "etc."),
 * and at the end of every block (a heading or a list item reads as a sentence of its own).
 */

export type ReadabilityLanguage = 'en' | 'es';

export interface TextCounts {
  words: number;
  sentences: number;
  syllables: number;
  /** Each sentence with its word count, in the text's order. */
  sentenceList: Sentence[];
}

const ABBREVIATIONS = new Set([
  'dr',
  'dra',
  'mr',
  'mrs',
  'ms',
  'sr',
  'sra',
  'srta',
  'st',
  'vs',
  'etc',
  'e.g',
  'i.e',
  'approx',
  'no',
  'núm',
  'p.ej',
  'ej',
  'aprox',
  'ud',
  'uds',
  'fig',
]);

const WORD = /[\p{L}\p{M}\p{N}]+(?:['’\-‐][\p{L}\p{M}\p{N}]+)*/gu;
const HAS_LETTER = /\p{L}/u;

/** The words of a piece of text. */
export function wordsOf(text: string): string[] {
  return (text.match(WORD) ?? []).filter((word) => HAS_LETTER.test(word));
}

/** Splits one segment (a block, a line) into sentences. */
export function splitSentences(segment: string): string[] {
  const sentences: string[] = [];
  const boundary = /[.!?…]+["'”’»)\]]*(?=\s|$)/g;
  let start = 0;
  for (let match = boundary.exec(segment); match; match = boundary.exec(segment)) {
    const end = match.index + match[0].length;
    const before = segment.slice(start, match.index);
    const lastToken = (before.match(/[\p{L}.]+$/u)?.[0] ?? '').toLowerCase();
    const next = segment.slice(end).trimStart();
    if (match[0].startsWith('.') && !match[0].startsWith('..') && ABBREVIATIONS.has(lastToken)) {
      continue;
    }
    if (next && /^\p{Ll}/u.test(next)) continue; // "… e.g. this" or a lower-case continuation
    sentences.push(segment.slice(start, end).trim());
    start = end;
  }
  const rest = segment.slice(start).trim();
  if (rest) sentences.push(rest);
  return sentences.filter((sentence) => wordsOf(sentence).length > 0);
}

const syllablesOf: Record<ReadabilityLanguage, (word: string) => number> = {
  en: (word) => Math.max(syllable(word), 1),
  es: (word) => Math.max(spanishSyllables(word), 1),
};

/** Counts of a text given as segments (see text.ts). */
export function countText(segments: string[], language: ReadabilityLanguage): TextCounts {
  const sentenceList: Sentence[] = [];
  let syllables = 0;
  for (const segment of segments) {
    for (const sentence of splitSentences(segment)) {
      const words = wordsOf(sentence);
      sentenceList.push({ text: sentence, words: words.length });
      for (const word of words) syllables += syllablesOf[language](word);
    }
  }
  const words = sentenceList.reduce((sum, sentence) => sum + sentence.words, 0);
  return { words, sentences: sentenceList.length, syllables, sentenceList };
}

/** The `count` longest sentences, longest first (the earlier one first on a tie). */
export function longestSentences(sentences: Sentence[], count = 3): Sentence[] {
  return sentences
    .map((sentence, index) => ({ sentence, index }))
    .sort((a, b) => b.sentence.words - a.sentence.words || a.index - b.index)
    .slice(0, count)
    .map(({ sentence }) => sentence);
}

/** Rounded to 0.1, halves away from zero. */
export const round1 = (value: number) => (Math.sign(value) * Math.round(Math.abs(value) * 10)) / 10;

/** Flesch-Kincaid grade level (unrounded), or NaN for a text without words. */
export function fleschKincaidGrade(counts: Pick<TextCounts, 'words' | 'sentences' | 'syllables'>) {
  return fleschKincaid({
    sentence: counts.sentences,
    word: counts.words,
    syllable: counts.syllables,
  });
}

/** Fernández-Huerta reading ease (unrounded; see above for the form), or NaN without words. */
export function fernandezHuertaScore(
  counts: Pick<TextCounts, 'words' | 'sentences' | 'syllables'>,
): number {
  if (!counts.words || !counts.sentences) return Number.NaN;
  const syllablesPer100Words = (100 * counts.syllables) / counts.words;
  const wordsPerSentence = counts.words / counts.sentences;
  return 206.84 - 0.6 * syllablesPer100Words - 1.02 * wordsPerSentence;
}

export interface GradeBand {
  /** Lowest score in the band. */
  min: number;
  /** The band's upper school grade (US). */
  grade: number;
  label: string;
}

/**
 * Fernández-Huerta's table (after Flesch's): score → difficulty and school level. The `grade` is
 * the band's upper US grade: 4 (very easy), 5, 6, 8 (7th–8th), 10 (some high school), 13 (high
 * school to college), 16 (university).
 */
export const FERNANDEZ_HUERTA_BANDS: GradeBand[] = [
  { min: 90, grade: 4, label: 'very easy (4th grade)' },
  { min: 80, grade: 5, label: 'easy (5th grade)' },
  { min: 70, grade: 6, label: 'fairly easy (6th grade)' },
  { min: 60, grade: 8, label: 'standard (7th–8th grade)' },
  { min: 50, grade: 10, label: 'fairly difficult (some high school)' },
  { min: 30, grade: 13, label: 'difficult (high school to college)' },
  { min: -Infinity, grade: 16, label: 'very difficult (university)' },
];

export function fernandezHuertaBand(score: number): GradeBand {
  return FERNANDEZ_HUERTA_BANDS.find((band) => score >= band.min)!;
}

/** A text's reading level: the contract's ReadingLevel without where the text is from. */
export type TextReadingLevel = Omit<ReadingLevel, 'uid' | 'field' | 'locale'>;

export interface ReadabilityTargets {
  /** Highest Flesch-Kincaid grade wanted (English). */
  gradeTargetEn: number;
  /** Lowest Fernández-Huerta score wanted (Spanish). */
  scoreTargetEs: number;
}

/** The language whose formula applies to a locale code (en, en-US → en), or null when none does. */
export function readabilityLanguage(locale: string): ReadabilityLanguage | null {
  const language = locale.toLowerCase().split('-')[0];
  return language === 'en' || language === 'es' ? language : null;
}

/** Reading level of a text, or null when it has no words. Score and grade rounded to 0.1. */
export function readingLevelOf(
  segments: string[],
  language: ReadabilityLanguage,
  targets: ReadabilityTargets,
): TextReadingLevel | null {
  const counts = countText(segments, language);
  if (counts.words === 0) return null;
  const common = {
    words: counts.words,
    sentences: counts.sentences,
    longestSentences: longestSentences(counts.sentenceList),
  };
  if (language === 'en') {
    const grade = round1(fleschKincaidGrade(counts));
    return {
      formula: 'flesch-kincaid',
      score: grade,
      grade,
      gradeLabel: `grade ${grade}`,
      target: targets.gradeTargetEn,
      aboveTarget: grade > targets.gradeTargetEn,
      ...common,
    };
  }
  const score = round1(fernandezHuertaScore(counts));
  const band = fernandezHuertaBand(score);
  return {
    formula: 'fernandez-huerta',
    score,
    grade: band.grade,
    gradeLabel: band.label,
    target: targets.scoreTargetEs,
    aboveTarget: score < targets.scoreTargetEs,
    ...common,
  };
}
