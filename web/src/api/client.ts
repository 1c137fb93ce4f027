import axios from 'axios';
// qs's stringify alone (the parser is never needed in the browser).
import stringifyQuery from 'qs/lib/stringify';
import { cmsBaseUrl, REQUEST_TIMEOUT_MS } from './config';

/** The one HTTP client for the CMS. */
export const http = axios.create({
  baseURL: `${cmsBaseUrl}/api`,
  timeout: REQUEST_TIMEOUT_MS,
  // fetch everywhere: one code path in browsers and tests, aborts on timeout.
  adapter: 'fetch',
  headers: { Accept: 'application/json' },
  paramsSerializer: {
    serialize: (params) => stringifyQuery(params, { encodeValuesOnly: true }),
  },
});
