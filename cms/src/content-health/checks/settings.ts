import { SETTINGS_UID } from '../content-types';
import { fieldText } from '../text';
import type { Check, Finding } from '../types';
import { analysedVersions, fieldLabelOf, isBlank, makeFinding } from './helpers';

/**
 * Bracketed text that asks to be replaced, in English or Spanish: "[Clinic name – replace in Site
 * settings]", "[Placeholder – …]", "[Nombre de la clínica – reemplácelo …]", "[Texto provisional
 * – …]", "[TBD]", "[Lorem ipsum…]". Brackets without such a word ("[1]", "[sic]") are not.
 */
const PLACEHOLDER =
  /\[[^[\]]*?(?:replace|placeholder|to be (?:added|confirmed|decided)|tbd|tbc|lorem ipsum|reempl[aá]z|reempl[aá]c|sustit[uú]y|sustituir|provisional|marcador de posici[oó]n|por definir|por confirmar)[^[\]]*\]/i;

/** The first placeholder in a text, or null. */
export function findPlaceholder(text: string): string | null {
  return text.match(PLACEHOLDER)?.[0] ?? null;
}

/**
 * The site settings, per locale:
 * - `settings-placeholder` (error): a text or rich-text field still holds placeholder text (one
 *   finding per field, naming it);
 * - `settings-contact-missing` (warning): no contact or booking link (contactUrl).
 */
export const settingsCheck: Check = (document, context) => {
  if (document.uid !== SETTINGS_UID) return [];
  const findings: Finding[] = [];
  for (const [locale, version] of analysedVersions(document, context)) {
    const base = { document, locale, title: version.title, kind: 'settings' as const };
    for (const [field, value] of Object.entries(version.data)) {
      if (typeof value !== 'string' && !Array.isArray(value)) continue;
      const placeholder = findPlaceholder(fieldText(value));
      if (!placeholder) continue;
      findings.push(
        makeFinding(context, {
          ...base,
          severity: 'error',
          code: 'settings-placeholder',
          message:
            'The “{fieldLabel}” setting still holds placeholder text, which visitors see: {text}',
          params: { field, fieldLabel: fieldLabelOf(document.uid, field), text: placeholder },
          idSuffix: [field],
        }),
      );
    }
    if (isBlank(version.data.contactUrl)) {
      findings.push(
        makeFinding(context, {
          ...base,
          severity: 'warning',
          code: 'settings-contact-missing',
          message:
            'No contact or booking link (contact URL) is set, so visitors cannot reach the ' +
            'clinic from the site.',
          params: { field: 'contactUrl', fieldLabel: fieldLabelOf(document.uid, 'contactUrl') },
        }),
      );
    }
  }
  return findings;
};
