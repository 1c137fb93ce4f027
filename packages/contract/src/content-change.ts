/**
 * The CMS's notification of a content change (cms/src/content-events emits it; the renderer
 * re-renders what it touches). It says what changed, never the new content: a receiver reads
 * that from the public API, as a visitor would.
 *
 *   POST <RENDERER_HOOK_URL>   {"events":[ContentChange, …]}   signed: see ./signature.ts
 */

/** The Document Service's write actions. */
export const CONTENT_ACTIONS = [
  'create',
  'update',
  'delete',
  'publish',
  'unpublish',
  'discardDraft',
  'clone',
] as const;

export type ContentAction = (typeof CONTENT_ACTIONS)[number];

/** The i18n plugin's locales: a change to them can change every page. */
export const LOCALE_UID = 'plugin::i18n.locale';
/** The users-permissions permissions: a change to the Public role's changes what is public. */
export const PERMISSION_UID = 'plugin::users-permissions.permission';

export interface ContentChange {
  /** The content type (`api::faq.faq`), or LOCALE_UID, or PERMISSION_UID. */
  uid: string;
  action: ContentAction;
  /** The document written; null for locales and permissions (they are not documents). */
  documentId: string | null;
  /**
   * The locale(s) the change concerns: a code, `'*'` for every locale (a bulk action, or a write
   * that Strapi copies to the other locales: non-localized fields), or null when the write named
   * none (the default locale, or a type that is not localized).
   */
  locale: string | null;
  /** When the change was committed (ISO 8601). */
  at: string;
}

/** The body the CMS POSTs. */
export const notificationBody = (changes: ContentChange[]): string =>
  JSON.stringify({ events: changes });

const isAction = (value: unknown): value is ContentAction =>
  (CONTENT_ACTIONS as readonly unknown[]).includes(value);

const optionalString = (value: unknown): value is string | null | undefined =>
  value === undefined || value === null || typeof value === 'string';

/**
 * The changes in a notification body, or null when it is not one (checked field by field: a
 * receiver acts on these, so nothing else gets through).
 */
export function parseNotification(body: string): ContentChange[] | null {
  let parsed: unknown;
  try {
    parsed = JSON.parse(body);
  } catch {
    return null;
  }
  const events = (parsed as { events?: unknown } | null)?.events;
  if (!Array.isArray(events)) return null;
  const changes: ContentChange[] = [];
  for (const event of events) {
    if (typeof event !== 'object' || event === null) return null;
    const { uid, action, documentId, locale, at } = event as Record<string, unknown>;
    if (typeof uid !== 'string' || uid === '' || !isAction(action)) return null;
    if (!optionalString(documentId) || !optionalString(locale) || !optionalString(at)) return null;
    changes.push({
      uid,
      action,
      documentId: documentId || null,
      locale: locale || null,
      at: at ?? '',
    });
  }
  return changes;
}

/** Whether a change concerns `locale` (a change naming no locale or `*` concerns every one). */
export const concernsLocale = (change: Pick<ContentChange, 'locale'>, locale: string): boolean =>
  change.locale === null || change.locale === '*' || change.locale === locale;
