import type { SignOffProblemCode } from './rules';

/**
 * A refusal's words, in both admin languages. Strapi's admin shows a publish error's message as
 * it is, in a notification, so the server picks the language: the one the editor chose in their
 * profile (the admin's own language then), else English then Spanish; the error's details carry the stable codes, and the edit view marks each
 * field named (details.errors). Content health shows the same rules from its own translations
 * (admin/content-health/translations, `publish-blocked`), by code.
 */
export const PROBLEM_TEXT: Record<SignOffProblemCode, { en: string; es: string }> = {
  'reviewer-missing': {
    en: 'no clinical reviewer is named',
    es: 'no figura ningún revisor clínico',
  },
  'last-reviewed-missing': {
    en: 'the last review date is missing',
    es: 'falta la fecha de la última revisión',
  },
  'last-reviewed-in-future': {
    en: 'the last review date is in the future',
    es: 'la fecha de la última revisión es futura',
  },
  'last-reviewed-too-old': {
    en: 'the last review is older than the review interval ({months} months)',
    es: 'la última revisión es anterior al intervalo de revisión ({months} meses)',
  },
  'next-review-missing': {
    en: 'the next review date is missing',
    es: 'falta la fecha de la próxima revisión',
  },
  'next-review-not-in-future': {
    en: 'the next review date is not in the future',
    es: 'la fecha de la próxima revisión no es futura',
  },
  'references-missing': {
    en: 'no reference is listed',
    es: 'no hay ninguna referencia',
  },
};

export function problemText(
  code: SignOffProblemCode,
  language: 'en' | 'es',
  months: number,
): string {
  return PROBLEM_TEXT[code][language].replace('{months}', String(months));
}

/** "Publishing refused (clinical sign-off): … / Publicación rechazada (firma clínica): …". */
export function refusalMessage(
  codes: SignOffProblemCode[],
  locale: string | null,
  months: number,
  language: 'en' | 'es' | null = null,
): string {
  const where = locale ? ` [${locale}]` : '';
  const list = (language: 'en' | 'es') =>
    codes.map((code) => problemText(code, language, months)).join('; ');
  const en = `Publishing refused (clinical sign-off)${where}: ${list('en')}.`;
  const es = `Publicación rechazada (firma clínica)${where}: ${list('es')}.`;
  if (language === 'en') return en;
  if (language === 'es') return es;
  return `${en} / ${es}`;
}

/** One rule's words in `language`, or in both (English / Spanish) when none was chosen. */
export function problemTextIn(
  code: SignOffProblemCode,
  language: 'en' | 'es' | null,
  months: number,
): string {
  if (language) return problemText(code, language, months);
  return `${problemText(code, 'en', months)} / ${problemText(code, 'es', months)}`;
}
