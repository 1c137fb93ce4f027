import { http } from './client';
import { createQueryFetcher } from './fetch-query';

/** The browser's queries over HTTP (loaded with the first request: see index.ts). */
export const fetchQuery = createQueryFetcher(http);
