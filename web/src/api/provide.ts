import { hasInjectionContext, inject, type InjectionKey } from 'vue';
import { cmsApi, type CmsApi } from './index';

/**
 * Where the stores read content from: the CMS over HTTP in the browser; the renderer provides
 * its own (the content it fetched for the whole site) so a page renders without a request.
 */
export const CMS_API: InjectionKey<CmsApi> = Symbol('cms-api');

export function useCmsApi(): CmsApi {
  return (hasInjectionContext() && inject(CMS_API, null)) || cmsApi;
}
