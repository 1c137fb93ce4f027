// The admin's names for the content types and their fields, from the content model
// (src/content-model.ts): a new type's Spanish name and its fields' names in both languages reach
// the report, the widget and the edit-view panel with its registry entry alone. English type
// names are not here: the server sends each finding's `entry.contentType`, the schema's own
// display name, which the admin shows as it is in English.
import { publicContentTypes } from '../../content-model';
import { PREFIX } from './messages';

export type AdminLocale = 'en' | 'es';

/** `content-health.content-type.<uid>` (Spanish only) and `content-health.field.<name>`. */
export function modelTranslations(locale: AdminLocale): Record<string, string> {
  const messages: Record<string, string> = {};
  for (const [uid, model] of publicContentTypes()) {
    if (locale !== 'en') messages[`${PREFIX}.content-type.${uid}`] = model.labels[locale];
    for (const [field, label] of Object.entries(model.labels.fields)) {
      messages[`${PREFIX}.field.${field}`] = label[locale];
    }
  }
  return messages;
}
