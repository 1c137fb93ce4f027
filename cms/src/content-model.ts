import type { UID } from '@strapi/strapi';

/**
 * THE CONTENT MODEL: one entry per content type of the project (`api::*`), saying what Strapi's
 * schema does not: who may read it, whether editors preview it, where it appears on the site,
 * what content health checks in it, and the admin labels it needs. Strapi's schema
 * (`src/api/<name>/content-types/<name>/schema.json`) stays the truth for fields, validation,
 * display names and kinds; everything else on the CMS side is derived from this file:
 *
 * - the Public role's permissions (src/bootstrap/public-permissions.ts, set at every start) and so
 *   the response cache's routes (src/middlewares/response-cache.ts);
 * - the read guard, on every content-API read route of every type (src/middlewares/public-read-guard.ts);
 * - draft preview (src/preview/targets.ts: the admin's "Open preview" and GET /api/preview);
 * - content health (src/content-health/content-types.ts: its loader, checks and report), whose
 *   link check knows the site's pages from `sitePath`;
 * - the admin's names for types and fields in English and Spanish
 *   (src/admin/content-health/model-labels.ts);
 * - tests/content-model.test.ts, which fails when this file and Strapi disagree.
 *
 * HOW TO ADD A CONTENT TYPE (CMS side)
 *
 * 1. Create its schema: the Content-Type Builder (`npm run dev`), `strapi generate`, or by hand
 *    the four files Strapi's generator writes (`src/api/<name>/{content-types/<name>/schema.json,
 *    controllers/<name>.ts, routes/<name>.ts, services/<name>.ts}`, each one line of Strapi's
 *    factories). Draft & publish on, localized, validation in the schema.
 * 2. Regenerate the types: `npx -y pnpm@10.34.9 --filter cms types` (commit cms/types/generated).
 *    From then on `tsc` fails until the type has an entry here.
 * 3. Add its entry below. For patient content: `publicReads`, `preview`, `sitePath`, `health`
 *    and `labels` (the Spanish display name, and both languages' names of the fields content
 *    health names); `signOff` for medical content only a Clinical reviewer may publish. For
 *    anything else (form answers, redirects…): `{ private: 'why' }`, with `editors: 'read'` when
 *    editors may only read it (visitors' answers, src/page-feedback) and `affectsSite: true` when
 *    the site answers it although visitors do not read it (redirects).
 * 4. Run `npx -y pnpm@10.34.9 --filter cms exec vitest run tests/content-model.test.ts`: it
 *    checks the entry against the running Strapi (fields exist, labels present, permissions).
 *
 * Nothing else on the CMS side: editors get it in the admin (Editor and Author roles get their
 * default permissions on it once, src/bootstrap/editor-role.ts), the public API serves its
 * published documents, the renderer hears of its changes (src/content-events).
 *
 * This file is imported by the admin panel too (its labels): keep it free of server code (type
 * imports only).
 */

/** What the Public role may do with a type: list it, and read one document (collections). */
export type PublicRead = 'find' | 'findOne';

/** Content health's view of a type (src/content-health). */
export interface HealthModel {
  /** The attribute editors know an entry by; null for a single type (known by its name). */
  titleField: string | null;
  /** What the loader populates: components or relations a check reads. */
  populate?: Record<string, true>;
  /** Fields whose reading level is measured (blocks or plain text). */
  readabilityFields?: readonly string[];
  /** Blocks fields whose links to the site's pages are checked. */
  linkFields?: readonly string[];
  /** The medical-review checks apply: reviewer, review dates, references. */
  medicalReview?: boolean;
}

/**
 * Clinical sign-off (src/sign-off): what a document must hold before it may be published, checked
 * in the document service on every publish (admin, list view, bulk publish, API, scripts). A type
 * with a `signOff` is medical content: only the Clinical reviewer role (and Super Admins) may
 * publish it (src/bootstrap/reviewer-role.ts). Each property names the field a rule reads.
 */
export interface SignOffRule {
  /** A text field naming the clinician who reviewed it: must be filled in. */
  reviewer?: string;
  /** A date field: the last review, not in the future, not older than the review interval. */
  lastReviewed?: string;
  /** A date field: the next review, after today. */
  nextReview?: string;
  /** A repeatable component of sources: at least one. */
  references?: string;
}

/** A field's name inside a sentence, in each admin language ("crisis help", "ayuda en crisis"). */
export interface FieldLabel {
  en: string;
  es: string;
}

/** The admin labels Strapi's schema does not have. English display names come from the schema. */
export interface AdminLabels {
  /** The type's display name in Spanish (the schema's `info.displayName` is the English one). */
  es: string;
  /**
   * Every field content health names in a finding or the edit-view panel (reading-level and link
   * fields; for the settings, every text field), lower case as inside a sentence. A field name
   * has one label across types (the admin keys them by name).
   */
  fields: Record<string, FieldLabel>;
}

/** Content visitors read: the site's patient content. */
export interface PublicContentType {
  /** The Public role's actions on it (a single type has only `find`). */
  publicReads: readonly PublicRead[];
  /** Editors can open a draft on the site; what the preview API populates. false: no preview. */
  preview: false | { populate: Record<string, true> };
  /**
   * Where a document appears on the site, in the default locale; every other locale has the same
   * path under `/<locale>` (`/es/articles/…`). `:field` stands for the document's value of that
   * field, in the path (`/articles/:slug`: a page per document) or as the fragment
   * (`/glossary#:slug`: a place on one page); a path without one is the page listing them all
   * (`/faq`); null for what every page shows (the settings).
   */
  sitePath: string | null;
  health: HealthModel;
  labels: AdminLabels;
  /** Medical content: publishing needs a Clinical reviewer and these rules (see SignOffRule). */
  signOff?: SignOffRule;
}

/** Not patient content: no public reads, no preview, not on the site, not in content health. */
export interface PrivateContentType {
  /** Why it is private, for the next developer. */
  private: string;
  /**
   * `read`: Editor and Author roles may only read it in the admin (src/bootstrap/editor-role.ts)
   * and no one may update it (visitors' answers, src/page-feedback). Absent: Strapi's defaults.
   */
  editors?: 'read';
  /**
   * `true`: what visitors get depends on it although they do not read it (redirects answer old
   * addresses), so its writes are content changes (src/content-events): the response cache
   * empties and the renderer hears of them. Absent: its writes change nothing public (visitors'
   * answers must not empty the cache or wake the renderer).
   */
  affectsSite?: true;
}

export type ContentTypeModel = PublicContentType | PrivateContentType;

/** The project's own content types, as Strapi's generated types know them. */
export type ApiUid = Extract<UID.ContentType, `api::${string}`>;

export const CONTENT_MODEL = {
  'api::article.article': {
    publicReads: ['find', 'findOne'],
    preview: { populate: { cover: true, seo: true, references: true, faqs: true } },
    sitePath: '/articles/:slug',
    health: {
      titleField: 'title',
      populate: { references: true },
      readabilityFields: ['body'],
      linkFields: ['body'],
      medicalReview: true,
    },
    labels: {
      es: 'Artículo',
      fields: {
        body: { en: 'body', es: 'cuerpo' },
        summary: { en: 'summary', es: 'resumen' },
      },
    },
    signOff: {
      reviewer: 'reviewedBy',
      lastReviewed: 'lastReviewed',
      nextReview: 'nextReviewDue',
      references: 'references',
    },
  },
  'api::faq.faq': {
    publicReads: ['find', 'findOne'],
    preview: { populate: {} },
    sitePath: '/faq',
    health: { titleField: 'question', readabilityFields: ['answer'], linkFields: ['answer'] },
    labels: { es: 'Pregunta frecuente', fields: { answer: { en: 'answer', es: 'respuesta' } } },
  },
  'api::glossary-term.glossary-term': {
    publicReads: ['find', 'findOne'],
    preview: { populate: {} },
    sitePath: '/glossary#:slug',
    health: { titleField: 'term', readabilityFields: ['definition'] },
    labels: {
      es: 'Término del glosario',
      fields: { definition: { en: 'definition', es: 'definición' } },
    },
  },
  'api::page-feedback.page-feedback': {
    private:
      'Visitors’ answers to "Was this page helpful?": created only through POST /api/page-feedbacks (src/page-feedback), read by editors in the admin and in content health, never by the public.',
    editors: 'read',
  },
  'api::redirect.redirect': {
    private:
      'Old addresses of pages and where they moved (src/redirects): the site answers them with ' +
      'a 301, reading them through GET /api/site-redirects; they are not content to read.',
    affectsSite: true,
  },
  'api::risk-factor.risk-factor': {
    publicReads: ['find', 'findOne'],
    preview: { populate: {} },
    sitePath: '/risk-factors',
    health: { titleField: 'name', readabilityFields: ['description'] },
    labels: {
      es: 'Factor de riesgo',
      fields: { description: { en: 'description', es: 'descripción' } },
    },
  },
  'api::site-setting.site-setting': {
    publicReads: ['find'],
    preview: { populate: {} },
    sitePath: null,
    health: { titleField: null, linkFields: ['crisisHelp'] },
    labels: {
      es: 'Ajustes del sitio',
      fields: {
        clinicName: { en: 'clinic name', es: 'nombre de la clínica' },
        contactText: { en: 'contact text', es: 'texto de contacto' },
        contactUrl: { en: 'contact link', es: 'enlace de contacto' },
        crisisHelp: { en: 'crisis help', es: 'ayuda en crisis' },
        disclaimer: { en: 'disclaimer', es: 'aviso legal' },
        heroText: { en: 'home page text', es: 'texto de la portada' },
        heroTitle: { en: 'home page title', es: 'título de la portada' },
        location: { en: 'location', es: 'ubicación' },
      },
    },
  },
} as const satisfies Record<ApiUid, ContentTypeModel>;

export type ModelUid = keyof typeof CONTENT_MODEL;

/** The public content types' uids: every entry that is not private. */
export type PublicUid = {
  [K in ModelUid]: (typeof CONTENT_MODEL)[K] extends PrivateContentType ? never : K;
}[ModelUid];

export const isPrivateModel = (model: ContentTypeModel): model is PrivateContentType =>
  'private' in model;

const hasOwn = (object: object, key: string) => Object.prototype.hasOwnProperty.call(object, key);

/** The sign-off rule of a type, or undefined when editors may publish it without one. */
export function signOffRuleOf(uid: string): SignOffRule | undefined {
  return publicContentType(uid)?.signOff;
}

/** The entry of a uid, or undefined for a type the model does not declare. */
export function contentModelOf(uid: string): ContentTypeModel | undefined {
  return hasOwn(CONTENT_MODEL, uid)
    ? (CONTENT_MODEL as Record<string, ContentTypeModel>)[uid]
    : undefined;
}

/** Every public type with its entry, in the model's order. */
export function publicContentTypes(): Array<[PublicUid, PublicContentType]> {
  return (Object.entries(CONTENT_MODEL) as Array<[ModelUid, ContentTypeModel]>).flatMap(
    ([uid, model]) => (isPrivateModel(model) ? [] : [[uid as PublicUid, model]]),
  );
}

/** The public type's entry, or undefined (private or unknown). */
export function publicContentType(uid: string): PublicContentType | undefined {
  const model = contentModelOf(uid);
  return model && !isPrivateModel(model) ? model : undefined;
}

/** `api::faq.faq` → `faq`: the type's singular name, as the site and the preview API call it. */
export const modelName = (uid: string): string => uid.slice(uid.lastIndexOf('.') + 1);
