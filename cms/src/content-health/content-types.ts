/**
 * The content types content health looks at, and what it needs to know about each. A new type
 * becomes part of the report by adding it here (and, for a check specific to it, in that check).
 */
export interface HealthContentType {
  /** Display name shown to editors (the schema's `info.displayName`). */
  displayName: string;
  kind: 'collectionType' | 'singleType';
  /** The attribute editors know an entry by; a single type is known by its display name. */
  titleField: string | null;
  /** What the loader populates (components, relations the checks read). */
  populate: Record<string, true>;
  /** Fields whose reading level is measured (blocks or plain text). */
  readabilityFields: string[];
  /** Blocks fields whose links are checked. */
  linkFields: string[];
}

export const HEALTH_CONTENT_TYPES = {
  'api::article.article': {
    displayName: 'Article',
    kind: 'collectionType',
    titleField: 'title',
    populate: { references: true },
    readabilityFields: ['body'],
    linkFields: ['body'],
  },
  'api::faq.faq': {
    displayName: 'FAQ',
    kind: 'collectionType',
    titleField: 'question',
    populate: {},
    readabilityFields: ['answer'],
    linkFields: ['answer'],
  },
  'api::risk-factor.risk-factor': {
    displayName: 'Risk factor',
    kind: 'collectionType',
    titleField: 'name',
    populate: {},
    readabilityFields: ['description'],
    linkFields: [],
  },
  'api::site-setting.site-setting': {
    displayName: 'Site settings',
    kind: 'singleType',
    titleField: null,
    populate: {},
    readabilityFields: [],
    linkFields: ['crisisHelp'],
  },
} as const satisfies Record<string, HealthContentType>;

export type HealthUid = keyof typeof HEALTH_CONTENT_TYPES;

export const HEALTH_UIDS = Object.keys(HEALTH_CONTENT_TYPES) as HealthUid[];

export const ARTICLE_UID = 'api::article.article' satisfies HealthUid;
export const SETTINGS_UID = 'api::site-setting.site-setting' satisfies HealthUid;

export const isHealthUid = (uid: unknown): uid is HealthUid =>
  typeof uid === 'string' && Object.prototype.hasOwnProperty.call(HEALTH_CONTENT_TYPES, uid);

export const healthContentType = (uid: string): HealthContentType =>
  HEALTH_CONTENT_TYPES[uid as HealthUid];
