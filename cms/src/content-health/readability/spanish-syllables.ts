/**
 * Counts the syllables of a Spanish word by its vowel nuclei, with the standard rules of Spanish
 * orthography (RAE, Ortografía 2010, §4.1):
 *
 * - strong (open) vowels a, e, o; weak (closed) vowels i, u, ü;
 * - a weak vowel next to a strong one, or two different weak ones, form a diphthong (one
 *   syllable: "cui-da-do", "ciu-dad", "hue-vo"); weak + strong + weak form a triphthong
 *   ("U-ru-guay", "buey", "es-tu-diáis");
 * - two strong vowels are in hiatus (two syllables: "ca-os", "po-e-ta", "le-er"), and so is an
 *   accented weak vowel next to any other ("pa-ís", "rí-o", "ba-úl", "re-ír");
 * - a nucleus holds one strong vowel at most, so strong + weak + strong splits after the weak one
 *   ("pa-ra-noi-a");
 * - the u of "que, qui, gue, gui" is silent ("que-so", "gue-rra", "gui-ta-rra"), not that of
 *   "güe, güi" ("pin-güi-no", "ci-güe-ña");
 * - y at the end of a word is a vowel ("hoy", "muy", "rey", the word "y"); elsewhere a consonant;
 * - h between vowels does not separate them in speech but does in writing; we count as written
 *   ("a-ho-ra", "pro-hi-bir"), as hyphenation does.
 *
 * No maintained npm package does this (nor the Spanish formulas: `fernandez-huerta` and
 * `szigriszt-pazos` are not on npm; `syllable` is for English only), so it lives here.
 */

const STRONG = new Set(['a', 'e', 'o', 'á', 'é', 'ó', 'í', 'ú']); // accented i/u: hiatus
const WEAK = new Set(['i', 'u', 'ü']);
const KEEP = new Set(['á', 'é', 'í', 'ó', 'ú', 'ü', 'ñ']);

const isVowel = (ch: string) => STRONG.has(ch) || WEAK.has(ch);

/** Lower case, Spanish letters only; other diacritics (à, ç) become their base letter. */
function normalizeWord(word: string): string {
  let out = '';
  for (const ch of word.normalize('NFC').toLowerCase()) {
    const base = KEEP.has(ch) ? ch : ch.normalize('NFD').replace(/\p{M}/gu, '');
    if (/^[a-zñáéíóúü]$/.test(base)) out += base;
  }
  return out;
}

/** Syllables in one word (at least 1 for a word with letters, 0 for one without). */
export function spanishSyllables(word: string): number {
  let w = normalizeWord(word);
  if (!w) return 0;
  w = w.replace(/([qg])u(?=[eiéí])/g, '$1'); // silent u in que, qui, gue, gui
  w = w.replace(/y$/, 'i'); // final y is a vowel

  let count = 0;
  let previous: string | null = null; // last vowel of the current nucleus
  let nucleusHasStrong = false;
  for (const ch of w) {
    if (!isVowel(ch)) {
      previous = null;
      continue;
    }
    const strong = STRONG.has(ch);
    const joins =
      previous !== null &&
      previous !== ch && // "ii", "uu", "ee": hiatus
      (WEAK.has(previous) || WEAK.has(ch)) && // at least one unaccented weak vowel
      !(strong && nucleusHasStrong); // one strong vowel per nucleus
    if (!joins) {
      count += 1;
      nucleusHasStrong = strong;
    } else if (strong) {
      nucleusHasStrong = true;
    }
    previous = ch;
  }
  return Math.max(count, 1);
}
