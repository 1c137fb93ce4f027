import axios, { type AxiosInstance } from 'axios';
// qs's stringify alone (the parser is never needed in the browser).
import stringifyQuery from 'qs/lib/stringify';
import { cmsBaseUrl, REQUEST_TIMEOUT_MS } from './config';

/** An HTTP client for the CMS's REST API at `baseUrl` ('' = this origin). */
export function createHttpClient(baseUrl: string): AxiosInstance {
  return axios.create({
    baseURL: `${baseUrl.replace(/\/+$/, '')}/api`,
    timeout: REQUEST_TIMEOUT_MS,
    // fetch everywhere: one code path in browsers, Node (the renderer) and tests; aborts on timeout.
    adapter: 'fetch',
    headers: { Accept: 'application/json' },
    paramsSerializer: {
      serialize: (params) => stringifyQuery(params, { encodeValuesOnly: true }),
    },
  });
}

/** The browser's client: the CMS on this origin, or VITE_CMS_URL. */
export const http = createHttpClient(cmsBaseUrl);
