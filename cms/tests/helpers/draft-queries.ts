/**
 * The public query shapes a draft must never come back from: plain lists, every locale, explicit
 * `status`, populate (a published entry's relation to a draft), sorting, and filters naming the
 * draft's question or draft-only columns. Shared by the drafts tests (access.test.ts) and the
 * response cache's (helpers/response-cache.ts), so a new shape is tried with the cache warm too.
 */
export function draftQueryShapes(draftOnlyQuestion: string): string[] {
  return [
    '/api/faqs',
    '/api/faqs?locale=en',
    '/api/faqs?locale=es',
    '/api/faqs?status=published',
    '/api/faqs?status=draft',
    '/api/faqs?status=draft&locale=es',
    '/api/faqs?populate=*',
    '/api/faqs?sort=order&pagination[pageSize]=100',
    `/api/faqs?filters[question][$eq]=${encodeURIComponent(draftOnlyQuestion)}`,
    '/api/faqs?filters[question][$contains]=draft',
    '/api/faqs?filters[publishedAt][$null]=true',
    '/api/faqs?filters[$or][0][publishedAt][$null]=true&filters[$or][1][order][$gte]=0',
    '/api/articles?populate=*',
    '/api/articles?populate[faqs][fields][0]=question',
    '/api/articles?populate[faqs][populate]=*&status=draft',
    '/api/articles?filters[faqs][question][$contains]=draft',
    // Strapi 5's draft metadata and search: refused by the read guard's query allowlist.
    '/api/faqs?locale=en&publicationFilter=modified',
    '/api/faqs?publicationFilter=never-published-document',
    '/api/faqs?hasPublishedVersion=false',
    '/api/faqs?_q=draft',
  ];
}
