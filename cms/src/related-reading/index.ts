import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';

/**
 * Related reading (issue 16): an article ends with its related FAQs (`faqs`) and up to
 * MAX_RELATED_ARTICLES related articles (`relatedArticles`); an FAQ answer can link to an article
 * (`article`). Strapi's schema cannot bound a relation's size, so a document service middleware
 * refuses a create or update that would leave an article with more, whatever wrote it (the admin,
 * the API, a script), with a message the admin shows beside Save.
 */

export const ARTICLE_UID = 'api::article.article';
export const MAX_RELATED_ARTICLES = 3;

type Ref = { id?: unknown; documentId?: unknown };

/** An item of a relation write as `{ id?, documentId? }` (Strapi takes ids, documentIds or objects). */
function refOf(item: unknown): Ref {
  if (typeof item === 'number') return { id: item };
  if (typeof item === 'string') return { documentId: item };
  if (item && typeof item === 'object') {
    const { id, documentId } = item as Ref;
    return { id, documentId };
  }
  return {};
}

const sameRef = (a: Ref, b: Ref) =>
  (a.documentId !== undefined && a.documentId === b.documentId) ||
  (a.id !== undefined && a.id === b.id);

const listOf = (value: unknown): unknown[] =>
  Array.isArray(value) ? value : value === undefined || value === null ? [] : [value];

/**
 * How many related articles a write leaves: a list or `set` replaces them; `connect` and
 * `disconnect` change the `current` ones.
 */
export function relatedCountAfter(write: unknown, current: Ref[]): number {
  if (Array.isArray(write)) return write.length;
  if (!write || typeof write !== 'object') return current.length;
  const { set, connect, disconnect } = write as Record<string, unknown>;
  if (set !== undefined) return listOf(set).length;
  let refs = current.filter(
    (ref) =>
      !listOf(disconnect)
        .map(refOf)
        .some((d) => sameRef(d, ref)),
  );
  for (const added of listOf(connect).map(refOf)) {
    if (!refs.some((ref) => sameRef(ref, added))) refs = [...refs, added];
  }
  return refs.length;
}

export function registerRelatedReadingLimit(strapi: Core.Strapi): void {
  strapi.documents.use(async (ctx, next) => {
    const { uid, action, params } = ctx as {
      uid: string;
      action: string;
      params?: { documentId?: string; locale?: string; data?: Record<string, unknown> };
    };
    const write = params?.data?.relatedArticles;
    if (
      uid !== ARTICLE_UID ||
      (action !== 'create' && action !== 'update') ||
      write === undefined
    ) {
      return next();
    }
    let current: Ref[] = [];
    if (action === 'update' && params?.documentId) {
      const draft = (await strapi.documents(ARTICLE_UID).findOne({
        documentId: params.documentId,
        locale: params.locale,
        status: 'draft',
        fields: ['documentId'],
        populate: { relatedArticles: { fields: ['documentId'] } },
      })) as { relatedArticles?: Ref[] } | null;
      current = draft?.relatedArticles ?? [];
    }
    const count = relatedCountAfter(write, current);
    if (count > MAX_RELATED_ARTICLES) {
      throw new errors.ValidationError(
        `An article can have at most ${MAX_RELATED_ARTICLES} related articles; this one would have ${count}. Remove some before adding others.`,
      );
    }
    return next();
  });
}
