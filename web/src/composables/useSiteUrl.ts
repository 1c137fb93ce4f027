import { inject, type InjectionKey } from 'vue';

/**
 * The site's public origin (`https://www.example.org`), for canonical URLs, hreflang alternates,
 * Open Graph and JSON-LD. The renderer provides the configured SITE_URL and passes it on to the
 * browser with the page's state, so the head is the same before and after hydration; a page
 * rendered only in the browser (dev server, draft preview) uses its own origin.
 */
export const SITE_URL: InjectionKey<string> = Symbol('site-url');

export function useSiteUrl(): string {
  const provided = inject(SITE_URL, '');
  if (provided) return provided;
  return typeof window === 'undefined' ? '' : window.location.origin;
}
