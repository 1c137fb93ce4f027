import {
  CONTENT_TYPES,
  concernsLocale,
  documentProblem,
  isContentUid,
  type ContentChange,
  type ContentUid,
} from '@clinic/contract';
import { ApiError } from '../src/api/errors';
import { queryKey, type ContentQuery, type QueryFetcher } from '../src/api/query';

/**
 * The renderer's copy of what the public API answered: every question a page asked while it was
 * rendered (see ../src/api/query.ts), with its answer, checked against the CMS's schema. Pages
 * render from it without a request per page, and it is how the renderer knows which pages a
 * change touches: a change makes it ask again every question whose answer the change could
 * have altered, and the pages that asked the questions whose answers came back different are
 * the pages to render again. Nothing here knows about particular content types or pages.
 *
 * Which questions a change to document D of type T, in locale L, could alter (Strapi 5 REST):
 * - a single type's document, a list or the whole listing of T in L (D may now belong there, or
 *   not any more, or read differently);
 * - a lookup of T in L that names D (by documentId) or answered with D;
 * - any answer in L that holds D somewhere (a relation that populates it).
 * A lookup by a unique field (an article by its slug) that answered with another document is
 * not altered: D cannot take that value while the other has it. (A relation to a document that
 * was a draft when its holder was published does not appear when the document is published
 * later: the holder must be published again, which is a change of its own.)
 */

export interface Answer {
  key: string;
  query: ContentQuery;
  /** A document or null (`single`, `lookup`), a list of documents (`list`, `all`). */
  value: unknown;
  /** Every documentId anywhere in the value (populated relations included). */
  documents: Set<string>;
  /** The newest `updatedAt` in the value. */
  updatedAt: string | undefined;
}

/** An answer that does not have the shape the schema promises: it is never used. */
export class BadAnswerError extends Error {
  constructor(query: ContentQuery, problem: string) {
    super(`the CMS's answer to ${describeQuery(query)} is not usable: ${problem}`);
    this.name = 'BadAnswerError';
  }
}

export function describeQuery(query: ContentQuery): string {
  const by =
    query.kind === 'lookup'
      ? 'documentId' in query.by
        ? ` ${query.by.documentId}`
        : ` ${query.by.field}=${query.by.value}`
      : '';
  return `${query.kind} ${query.uid}${by} (${query.locale})`;
}

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null;

function walk(value: unknown, visit: (node: Record<string, unknown>) => void): void {
  if (Array.isArray(value)) value.forEach((item) => walk(item, visit));
  else if (isObject(value)) {
    visit(value);
    Object.values(value).forEach((item) => walk(item, visit));
  }
}

function summarize(value: unknown): Pick<Answer, 'documents' | 'updatedAt'> {
  const documents = new Set<string>();
  let updatedAt: string | undefined;
  walk(value, (node) => {
    if (typeof node.documentId === 'string') documents.add(node.documentId);
    if (typeof node.updatedAt === 'string' && (!updatedAt || node.updatedAt > updatedAt)) {
      updatedAt = node.updatedAt;
    }
  });
  return { documents, updatedAt };
}

/** Throws BadAnswerError unless `value` is what the query's kind and the schema promise. */
function checkAnswer(query: ContentQuery, value: unknown): void {
  const fields = query.select?.fields;
  const problemOf = (document: unknown) => documentProblem(query.uid, document, { fields });
  if (query.kind === 'list' || query.kind === 'all') {
    if (!Array.isArray(value)) throw new BadAnswerError(query, 'not a list of documents');
    for (const document of value) {
      const problem = problemOf(document);
      if (problem) throw new BadAnswerError(query, problem);
    }
    return;
  }
  if (value === null) return;
  const problem = problemOf(value);
  if (problem) throw new BadAnswerError(query, problem);
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/** A whole listing answers a lookup when it carries at least what the lookup asks for. */
function covers(listing: ContentQuery, lookup: ContentQuery): boolean {
  if (listing.kind !== 'all' || lookup.kind !== 'lookup') return false;
  if (listing.uid !== lookup.uid || listing.locale !== lookup.locale) return false;
  const whole = listing.select ?? {};
  const wanted = lookup.select ?? {};
  if (whole.filters || wanted.filters) return false;
  const populated = whole.populate ?? {};
  const populatesAll = Object.entries(wanted.populate ?? {}).every(
    ([key, how]) => key in populated && same(populated[key], how),
  );
  if (!populatesAll) return false;
  return !whole.fields || (wanted.fields ?? []).every((field) => whole.fields!.includes(field));
}

/**
 * A document of a listing as the lookup would have had it: only what the lookup populates and,
 * when it names fields, its ids and those fields.
 */
function project(
  document: Record<string, unknown>,
  listing: ContentQuery,
  query: ContentQuery,
): Record<string, unknown> {
  const populate = Object.keys(query.select?.populate ?? {});
  const extra = Object.keys(listing.select?.populate ?? {}).filter(
    (key) => !populate.includes(key),
  );
  const fields = query.select?.fields;
  return Object.fromEntries(
    Object.entries(document).filter(([key]) => {
      if (extra.includes(key)) return false;
      return !fields || ['id', 'documentId', ...fields, ...populate].includes(key);
    }),
  );
}

function findIn(listing: Answer, query: ContentQuery): unknown {
  if (query.kind !== 'lookup' || !Array.isArray(listing.value)) return undefined;
  const by = query.by;
  const found = listing.value.find((document: Record<string, unknown>) =>
    'documentId' in by ? document.documentId === by.documentId : document[by.field] === by.value,
  ) as Record<string, unknown> | undefined;
  return found ? project(found, listing.query, query) : null;
}

/** The changes as the questions they may alter; null when one needs a full render. */
function changedDocuments(changes: ContentChange[]): Array<{
  uid: ContentUid;
  documentId: string | null;
  change: ContentChange;
}> | null {
  const out = [];
  for (const change of changes) {
    // Locales, permissions, a type the site does not know: anything may have changed.
    if (!isContentUid(change.uid)) return null;
    const single = CONTENT_TYPES[change.uid].kind === 'singleType';
    if (!single && !change.documentId) return null;
    out.push({ uid: change.uid, documentId: change.documentId, change });
  }
  return out;
}

export function createAnswers(fetchQuery: QueryFetcher, log: (message: string) => void = () => {}) {
  const answers = new Map<string, Answer>();
  const pending = new Map<string, Promise<Answer>>();

  function remember(query: ContentQuery, value: unknown): Answer {
    const answer = { key: queryKey(query), query, value, ...summarize(value) };
    answers.set(answer.key, answer);
    return answer;
  }

  /** From a whole listing that covers the question (checked with it), else from the CMS. */
  async function ask(query: ContentQuery): Promise<Answer> {
    for (const listing of answers.values()) {
      if (covers(listing.query, query)) return remember(query, findIn(listing, query));
    }
    const value = await fetchQuery(query);
    checkAnswer(query, value);
    return remember(query, value);
  }

  /** The answer to `query`: remembered, or asked once (concurrent askers share the request). */
  function answer(query: ContentQuery): Promise<Answer> {
    const key = queryKey(query);
    const known = answers.get(key);
    if (known) return Promise.resolve(known);
    let asking = pending.get(key);
    if (!asking) {
      asking = ask(query).finally(() => pending.delete(key));
      pending.set(key, asking);
    }
    return asking;
  }

  /** A fetcher for one render: answers from here and notes the key of every question asked. */
  function reader(asked: Set<string>): QueryFetcher {
    return async (query) => {
      const found = await answer(query);
      asked.add(found.key);
      return found.value;
    };
  }

  /** Asks a listing again for one document: its new version, or null when it left. */
  async function refetchDocument(listing: Answer, documentId: string): Promise<unknown> {
    const { query } = listing;
    return fetchQuery({
      kind: 'lookup',
      uid: query.uid,
      locale: query.locale,
      by: { documentId },
      select: { fields: query.select?.fields, populate: query.select?.populate },
    });
  }

  /** The listing with `documentIds` asked again (kept in documentId order, as the API sorts it). */
  async function patchListing(listing: Answer, documentIds: string[]): Promise<unknown[]> {
    const byId = new Map(
      (listing.value as Array<{ documentId: string }>).map((document) => [
        document.documentId,
        document as unknown,
      ]),
    );
    for (const documentId of documentIds) {
      const fresh = await refetchDocument(listing, documentId);
      if (fresh === null) byId.delete(documentId);
      else byId.set(documentId, fresh);
    }
    return [...byId.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([, d]) => d);
  }

  /**
   * Asks again every question the changes could have altered and keeps the new answers. Returns
   * the keys of the questions whose answers differ, or null when the changes need a full render
   * (a locale, permissions, a content type the site does not read). A failed request rejects:
   * nothing is half-updated that the next full render would not redo.
   */
  async function applyChanges(changes: ContentChange[]): Promise<Set<string> | null> {
    const changed = changedDocuments(changes);
    if (!changed) return null;
    const altered = new Set<string>();
    const settle = (before: Answer, after: Answer) => {
      if (!same(before.value, after.value)) altered.add(after.key);
    };

    // Whole listings first, one document at a time: lookups may then be answered from them.
    for (const listing of [...answers.values()].filter((a) => a.query.kind === 'all')) {
      const { uid, locale } = listing.query;
      const ids = new Set<string>();
      for (const { uid: type, documentId, change } of changed) {
        if (!documentId || !concernsLocale(change, locale)) continue;
        if (type === uid) ids.add(documentId);
        // Documents of the listing that show D through a relation.
        for (const document of listing.value as Array<Record<string, unknown>>) {
          if (document.documentId !== documentId && summarize(document).documents.has(documentId)) {
            ids.add(document.documentId as string);
          }
        }
      }
      if (ids.size === 0) continue;
      try {
        const value = await patchListing(listing, [...ids]);
        checkAnswer(listing.query, value);
        settle(listing, remember(listing.query, value));
      } catch (error) {
        if (!(error instanceof BadAnswerError)) throw error;
        forget(listing, error, altered);
      }
    }

    for (const before of [...answers.values()].filter((a) => a.query.kind !== 'all')) {
      const { query } = before;
      const touched = changed.some(({ uid, documentId, change }) => {
        if (!concernsLocale(change, query.locale)) return false;
        if (documentId && before.documents.has(documentId)) return true;
        if (uid !== query.uid) return false;
        if (query.kind !== 'lookup') return true;
        return 'documentId' in query.by && query.by.documentId === documentId;
      });
      if (!touched) continue;
      answers.delete(before.key);
      try {
        settle(before, await answer(query));
      } catch (error) {
        if (!(error instanceof BadAnswerError)) throw error;
        forget(before, error, altered);
      }
    }
    return altered;
  }

  /**
   * A bad answer is not kept: the pages that asked the question render again, ask again and,
   * should the answer still be bad, keep their last good file.
   */
  function forget(answer: Answer, error: BadAnswerError, altered: Set<string>) {
    answers.delete(answer.key);
    altered.add(answer.key);
    log(error.message);
  }

  return {
    reader,
    applyChanges,
    /** Forgets every answer (a full render asks everything again). */
    clear: () => answers.clear(),
    /** Forgets the answers no render asked for any more (pages that are gone). */
    keepOnly(keys: Set<string>) {
      for (const key of answers.keys()) if (!keys.has(key)) answers.delete(key);
    },
    get(key: string): Answer | undefined {
      return answers.get(key);
    },
    get size() {
      return answers.size;
    },
  };
}

export type Answers = ReturnType<typeof createAnswers>;

/** A refusal the page can show as "not found"; anything else is a failure to keep the page. */
export const isNotFound = (error: unknown) =>
  error instanceof ApiError && error.kind === 'not-found';
