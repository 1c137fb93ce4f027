import type { AxiosInstance } from 'axios';
import { ApiError, isAxiosError, toApiError } from './errors';
import { toRequest, type ContentQuery, type QueryFetcher } from './query';

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const unexpected = () => new ApiError('server', 'Unexpected response');

/** The documents of a list answer (`{ data: [...] }`). */
function listOf(body: unknown): unknown[] {
  if (!isObject(body) || !Array.isArray(body.data)) throw unexpected();
  return body.data;
}

/** The document of a single answer (`{ data: {...} }`), or null for `{ data: null }`. */
function documentOf(body: unknown): unknown {
  if (!isObject(body) || !('data' in body)) throw unexpected();
  if (body.data === null) return null;
  if (!isObject(body.data)) throw unexpected();
  return body.data;
}

/**
 * Answers queries over HTTP with `client` (an axios instance for the CMS's REST API): one request
 * per query, or a page at a time for `all`. A document that does not exist (404, or an empty
 * lookup) is null; every failure is an ApiError.
 */
export function createQueryFetcher(client: AxiosInstance): QueryFetcher {
  async function get(query: ContentQuery, page = 1): Promise<unknown> {
    const { path, params } = toRequest(query, page);
    return (await client.get<unknown>(path, { params })).data;
  }

  async function all(query: ContentQuery): Promise<unknown[]> {
    const documents: unknown[] = [];
    for (let page = 1; ; page += 1) {
      const body = await get(query, page);
      documents.push(...listOf(body));
      const pageCount =
        isObject(body) && isObject(body.meta) && isObject(body.meta.pagination)
          ? Number(body.meta.pagination.pageCount)
          : 1;
      if (!(page < pageCount)) return documents;
    }
  }

  return async function fetchQuery(query) {
    try {
      switch (query.kind) {
        case 'all':
          return await all(query);
        case 'list':
          return listOf(await get(query));
        case 'single':
          return documentOf(await get(query));
        case 'lookup':
          if ('documentId' in query.by) return documentOf(await get(query));
          return listOf(await get(query))[0] ?? null;
      }
    } catch (error) {
      const byId = query.kind === 'single' || (query.kind === 'lookup' && 'documentId' in query.by);
      if (byId && isAxiosError(error) && error.response?.status === 404) return null;
      throw toApiError(error);
    }
  };
}
