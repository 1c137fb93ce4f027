import { http } from './client';
import { createCmsApi } from './index';

/** The CMS's REST API over HTTP, for the browser (loaded on the first request: see index.ts). */
export const httpApi = createCmsApi(http);
