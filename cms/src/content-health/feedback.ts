import type { Core, UID } from '@strapi/strapi';
import { publicContentTypes } from '../content-model';
import { listingPaths } from '../page-feedback/pages';
import { FEEDBACK_UID, REASONS } from '../page-feedback/rules';
import { DAY_MS } from './checks/helpers';
import { FEEDBACK_DAYS } from './checks/feedback';
import { sitePageOf } from './site-links';
import type { PageFeedback } from './types';

/**
 * "Was this page helpful?" figures for content health: the answers of the last FEEDBACK_DAYS days
 * per page and language, with the page's content (checks/feedback.ts turns them into findings).
 */

interface Row {
  path: string;
  pageLocale: string;
  answer: string;
  reason: string | null;
}

const PAGE_SIZE = 1000;

/** Every page's figures, most answers first. */
export async function loadPageFeedback(strapi: Core.Strapi, now: Date): Promise<PageFeedback[]> {
  const since = new Date(now.getTime() - FEEDBACK_DAYS * DAY_MS);
  const byPage = new Map<string, { path: string; locale: string; rows: Row[] }>();
  for (let offset = 0; ; offset += PAGE_SIZE) {
    const rows: Row[] = await strapi.db.query(FEEDBACK_UID).findMany({
      select: ['path', 'pageLocale', 'answer', 'reason'],
      where: { createdAt: { $gte: since } },
      orderBy: { id: 'asc' },
      offset,
      limit: PAGE_SIZE,
    });
    for (const row of rows) {
      const key = `${row.pageLocale} ${row.path}`;
      const page = byPage.get(key) ?? { path: row.path, locale: row.pageLocale, rows: [] };
      page.rows.push(row);
      byPage.set(key, page);
    }
    if (rows.length < PAGE_SIZE) break;
  }
  const pages: PageFeedback[] = [];
  for (const { path, locale, rows } of byPage.values()) {
    const no = rows.filter((row) => row.answer === 'no');
    const counts = REASONS.map((reason) => no.filter((row) => row.reason === reason).length);
    const most = Math.max(0, ...counts);
    pages.push({
      path,
      locale,
      answers: rows.length,
      no: no.length,
      noShare: Math.round((no.length / rows.length) * 100),
      topReason: most > 0 ? REASONS[counts.indexOf(most)] : null,
      ...(await pageContent(strapi, path, locale)),
    });
  }
  return pages.sort(
    (a, b) =>
      b.answers - a.answers || a.path.localeCompare(b.path) || a.locale.localeCompare(b.locale),
  );
}

/** The content a page shows: the listed type, or the document of a page per document. */
async function pageContent(
  strapi: Core.Strapi,
  path: string,
  locale: string,
): Promise<Pick<PageFeedback, 'uid' | 'documentId' | 'title'>> {
  for (const [uid, model] of publicContentTypes()) {
    if (model.sitePath === null) continue;
    if (listingPaths().includes(path) && model.sitePath.split('#')[0] === path) {
      return { uid, documentId: null, title: path };
    }
    const page = sitePageOf(uid, model.sitePath);
    const value = page && !page.inFragment ? page.path.exec(path)?.[1] : undefined;
    if (!page || value === undefined) continue;
    const titleField = model.health.titleField ?? page.field;
    const found = (await strapi.documents(uid as UID.ContentType).findFirst({
      locale,
      status: 'published',
      fields: [titleField],
      filters: { [page.field]: { $eq: value } },
    } as never)) as { documentId: string; [field: string]: unknown } | null;
    return found
      ? { uid, documentId: found.documentId, title: String(found[titleField] ?? path) }
      : { uid, documentId: null, title: path };
  }
  return { uid: FEEDBACK_UID, documentId: null, title: path };
}

/** The pages that show `documentId` of `uid`: its own page, or the page listing its type. */
export function pagesShowing(
  feedback: PageFeedback[],
  uid: string,
  documentId: string,
  locale: string,
): PageFeedback[] {
  return feedback.filter(
    (page) =>
      page.uid === uid &&
      page.locale === locale &&
      (page.documentId === documentId ||
        (page.documentId === null && listingPaths().includes(page.path))),
  );
}
