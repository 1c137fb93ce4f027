import { fleschKincaid } from 'flesch-kincaid';
import { describe, expect, it } from 'vitest';
import {
  countText,
  fernandezHuertaBand,
  fernandezHuertaScore,
  longestSentences,
  readabilityLanguage,
  readingLevelOf,
  splitSentences,
  wordsOf,
} from '../src/content-health/readability';
import { spanishSyllables } from '../src/content-health/readability/spanish-syllables';
import { blocksLinks, blocksToSegments } from '../src/content-health/text';
import { seedContent } from '../src/seed/content';

const TARGETS = { gradeTargetEn: 8, scoreTargetEs: 60 };

describe('Flesch-Kincaid (English)', () => {
  // The worked example in the README of words/flesch-kincaid (the package we use): "The
  // Australian platypus is seemingly a hybrid of a mammal and reptilian creature." is 1 sentence,
  // 13 words, 26 syllables → grade 13.08.
  const PLATYPUS =
    'The Australian platypus is seemingly a hybrid of a mammal and reptilian creature.';

  it('gives the README example 13.08 from its counts', () => {
    expect(fleschKincaid({ sentence: 1, word: 13, syllable: 26 })).toBeCloseTo(13.08, 2);
  });

  it('counts the README sentence as the README does: 1 sentence, 13 words, 26 syllables', () => {
    const counts = countText([PLATYPUS], 'en');
    expect(counts).toMatchObject({ sentences: 1, words: 13, syllables: 26 });
  });

  it('grades it 13.1, above a grade-8 target, its sentence the longest', () => {
    expect(readingLevelOf([PLATYPUS], 'en', TARGETS)).toEqual({
      formula: 'flesch-kincaid',
      score: 13.1,
      grade: 13.1,
      gradeLabel: 'grade 13.1',
      target: 8,
      aboveTarget: true,
      words: 13,
      sentences: 1,
      longestSentences: [{ text: PLATYPUS, words: 13 }],
    });
  });

  it('grades a plain text low: 2 sentences, 9 words, 9 syllables → 0.39·4.5 + 11.8·1 − 15.59', () => {
    const level = readingLevelOf(['The cat sat on the mat. It was fat.'], 'en', TARGETS)!;
    expect(level).toMatchObject({ words: 9, sentences: 2 });
    expect(level.grade).toBe(-2); // −2.035
    expect(level.aboveTarget).toBe(false);
  });

  it('has nothing to say about a text without words', () => {
    expect(readingLevelOf([], 'en', TARGETS)).toBeNull();
    expect(readingLevelOf(['1, 2, 3.'], 'en', TARGETS)).toBeNull();
  });
});

describe('Fernández-Huerta (Spanish)', () => {
  // Worked by hand (syllables as the RAE divides them):
  //   "La ketamina puede ayudar." La(1) ke-ta-mi-na(4) pue-de(2) a-yu-dar(3): 4 words, 10
  //   "Hable con su médico."     Ha-ble(2) con(1) su(1) mé-di-co(3):           4 words, 7
  // 8 words, 17 syllables, 2 sentences: P = 100·17/8 = 212.5 syllables per 100 words, 4 words
  // per sentence. L = 206.84 − 0.60·212.5 − 1.02·4 = 206.84 − 127.5 − 4.08 = 75.26: 70–80,
  // "fairly easy", 6th grade.
  const TEXT = 'La ketamina puede ayudar. Hable con su médico.';

  it('counts the worked example: 2 sentences, 8 words, 17 syllables', () => {
    expect(countText([TEXT], 'es')).toMatchObject({ sentences: 2, words: 8, syllables: 17 });
  });

  it('scores it 75.3, 6th grade, within a target of 60', () => {
    expect(readingLevelOf([TEXT], 'es', TARGETS)).toMatchObject({
      formula: 'fernandez-huerta',
      score: 75.3,
      grade: 6,
      gradeLabel: 'fairly easy (6th grade)',
      target: 60,
      aboveTarget: false,
      words: 8,
      sentences: 2,
    });
  });

  it('is 206.84 − 0.60·P − 1.02·(words per sentence): 100 words, 200 syllables, 5 sentences → 66.44', () => {
    expect(fernandezHuertaScore({ words: 100, syllables: 200, sentences: 5 })).toBeCloseTo(
      66.44,
      2,
    );
  });

  it('scores shorter sentences as easier (the usual misquote, −1.02 × sentences per 100 words, does the opposite)', () => {
    const long = fernandezHuertaScore({ words: 100, syllables: 200, sentences: 2 });
    const short = fernandezHuertaScore({ words: 100, syllables: 200, sentences: 10 });
    expect(short).toBeGreaterThan(long);
  });

  it.each([
    [100, 4],
    [90, 4],
    [89.9, 5],
    [80, 5],
    [79.9, 6],
    [70, 6],
    [69.9, 8],
    [60, 8],
    [59.9, 10],
    [50, 10],
    [49.9, 13],
    [30, 13],
    [29.9, 16],
    [-12, 16],
  ])('maps score %s to the band of grade %s', (score, grade) => {
    expect(fernandezHuertaBand(score).grade).toBe(grade);
  });

  it('reads a score below the target as above the grade wanted', () => {
    const hard =
      'La administración intravenosa de ketamina, supervisada por anestesiólogos certificados, ' +
      'requiere evaluaciones psiquiátricas exhaustivas, consentimiento informado y monitorización ' +
      'hemodinámica continua durante aproximadamente cuarenta minutos.';
    const level = readingLevelOf([hard], 'es', TARGETS)!;
    expect(level.score).toBeLessThan(60);
    expect(level.aboveTarget).toBe(true);
    expect(level.grade).toBeGreaterThan(8);
  });
});

describe('Spanish syllables', () => {
  // Syllable division per the RAE's Ortografía (2010): diphthongs, triphthongs, hiatus with
  // accented weak vowels, silent u in que/qui/gue/gui, ü, final y.
  it.each([
    ['ketamina', 4], // ke-ta-mi-na
    ['depresión', 3], // de-pre-sión
    ['tratamiento', 4], // tra-ta-mien-to
    ['cuidado', 3], // cui-da-do
    ['ciudad', 2], // ciu-dad
    ['huevo', 2], // hue-vo
    ['también', 2], // tam-bién
    ['agua', 2], // a-gua
    ['aguacate', 4], // a-gua-ca-te
    ['construir', 2], // cons-truir
    ['Uruguay', 3], // U-ru-guay
    ['Paraguay', 3], // Pa-ra-guay
    ['buey', 1], // buey
    ['estudiáis', 3], // es-tu-diáis
    ['limpiéis', 2], // lim-piéis
    ['averigüéis', 4], // a-ve-ri-güéis
    ['país', 2], // pa-ís
    ['río', 2], // rí-o
    ['día', 2], // dí-a
    ['baúl', 2], // ba-úl
    ['maíz', 2], // ma-íz
    ['reír', 2], // re-ír
    ['oído', 3], // o-í-do
    ['creían', 3], // cre-í-an
    ['psicología', 5], // psi-co-lo-gí-a
    ['anestesiólogo', 6], // a-nes-te-sió-lo-go
    ['caos', 2], // ca-os
    ['poeta', 3], // po-e-ta
    ['leer', 2], // le-er
    ['cooperar', 4], // co-o-pe-rar
    ['europeo', 4], // eu-ro-pe-o
    ['paranoia', 4], // pa-ra-noi-a
    ['queso', 2], // que-so
    ['quien', 1], // quien
    ['aquí', 2], // a-quí
    ['guerra', 2], // gue-rra
    ['guitarra', 3], // gui-ta-rra
    ['pingüino', 3], // pin-güi-no
    ['cigüeña', 3], // ci-güe-ña
    ['hoy', 1], // hoy
    ['muy', 1], // muy
    ['rey', 1], // rey
    ['y', 1], // y
    ['ayer', 2], // a-yer
    ['mayo', 2], // ma-yo
    ['ahora', 3], // a-ho-ra
    ['prohibir', 3], // pro-hi-bir
    ['intravenosa', 5], // in-tra-ve-no-sa
    ['ÁRBOL', 2], // ár-bol
  ])('%s: %i', (word, syllables) => {
    expect(spanishSyllables(word)).toBe(syllables);
  });

  it('gives a word without vowels one syllable and no letters none', () => {
    expect(spanishSyllables('km')).toBe(1);
    expect(spanishSyllables('40')).toBe(0);
  });
});

describe('sentences and words', () => {
  it('splits at . ! ? … and Spanish ¿? ¡!, not after abbreviations or before lower case', () => {
    expect(
      splitSentences('¿Qué es? Es un fármaco. ¡Funciona! Ver p. ej. el estudio… Y más.'),
    ).toEqual(['¿Qué es?', 'Es un fármaco.', '¡Funciona!', 'Ver p. ej. el estudio…', 'Y más.']);
    expect(splitSentences('Ask Dr. Smith, e.g. by phone. Then wait.')).toEqual([
      'Ask Dr. Smith, e.g. by phone.',
      'Then wait.',
    ]);
    expect(splitSentences('A dose of 0.5 mg is small. No period at the end')).toEqual([
      'A dose of 0.5 mg is small.',
      'No period at the end',
    ]);
  });

  it('counts runs of letters as words, numbers not, hyphens and apostrophes inside a word', () => {
    expect(wordsOf('It’s a well-known fact: 40% of cases, Genetics/biology.')).toEqual([
      'It’s',
      'a',
      'well-known',
      'fact',
      'of',
      'cases',
      'Genetics',
      'biology',
    ]);
  });

  it('reads each block as its own sentence: headings, paragraphs, list items', () => {
    const blocks = seedContent.en.faqs[0].answer; // a paragraph and a list of nine factors
    const segments = blocksToSegments(blocks);
    expect(segments).toHaveLength(10);
    expect(segments[1]).toBe('A conflict with a family member, friend, coworker, etc.');
    expect(countText(segments, 'en').sentences).toBe(6 + 9);
  });

  it('takes the three longest sentences, longest first', () => {
    const sentences = [
      { text: 'a', words: 3 },
      { text: 'b', words: 9 },
      { text: 'c', words: 5 },
      { text: 'd', words: 9 },
      { text: 'e', words: 1 },
    ];
    expect(longestSentences(sentences).map((s) => s.text)).toEqual(['b', 'd', 'c']);
  });

  it('knows the formula of each locale', () => {
    expect(readabilityLanguage('en')).toBe('en');
    expect(readabilityLanguage('es-MX')).toBe('es');
    expect(readabilityLanguage('fr')).toBeNull();
  });

  it('finds the links in blocks, with their text', () => {
    expect(blocksLinks(seedContent.es.settings.crisisHelp)).toEqual([
      { url: 'tel:988', text: '988' },
      { url: 'tel:+18886289454', text: '1-888-628-9454' },
      { url: 'tel:911', text: '911' },
    ]);
  });
});
