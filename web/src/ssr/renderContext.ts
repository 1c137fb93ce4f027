import { inject, ssrContextKey } from 'vue';
import type { PageMeta } from '@/composables/pageHead';

/**
 * What a page tells the renderer about itself while it is rendered on the server (Vue's SSR
 * context): its head description, read once the page is rendered, for the sitemap's alternates
 * and for its status (a page that shows "not found" is not written as a page).
 */
export interface RenderContext {
  pageMeta: Array<() => PageMeta>;
}

/** Called by usePageMeta; in the browser there is no SSR context and it does nothing. */
export function reportPageMeta(source: () => PageMeta): void {
  inject<RenderContext | null>(ssrContextKey, null)?.pageMeta?.push(source);
}
