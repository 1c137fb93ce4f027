import { responseCacheSuite } from './helpers/response-cache';

// The response cache with its default store, in the CMS process's memory (no REDIS_URL).
responseCacheSuite('memory', { env: () => ({ REDIS_URL: '' }) });
