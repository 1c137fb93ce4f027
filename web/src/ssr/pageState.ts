import type { StateTree } from 'pinia';

/**
 * The state a prerendered page carries to the browser, so the app hydrates with the data the
 * HTML was rendered from instead of fetching it again.
 */
export interface PageState {
  /** Pinia's state (the stores' loaded resources). */
  stores: Record<string, StateTree>;
  /** The site URL the page was rendered for (canonical links, JSON-LD). */
  siteUrl: string;
}

export const PAGE_STATE_ID = 'page-state';

/**
 * JSON for a `<script type="application/json">` element. CMS text ends up in it, so every `<` is
 * escaped: no `</script>` or `<!--` in the content can end the element or change how it parses.
 * U+2028/U+2029 are escaped too, for any tool that reads the JSON as JavaScript.
 */
export function serializePageState(state: PageState): string {
  return JSON.stringify(state)
    .replace(/</g, '\\u003c')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}

export function pageStateScript(state: PageState): string {
  return `<script id="${PAGE_STATE_ID}" type="application/json">${serializePageState(state)}</script>`;
}

/** The state in a prerendered page, or null for a page the browser renders alone. */
export function readPageState(doc: Document): PageState | null {
  const text = doc.getElementById(PAGE_STATE_ID)?.textContent;
  if (!text) return null;
  try {
    const state = JSON.parse(text) as PageState;
    return typeof state.stores === 'object' && state.stores !== null ? state : null;
  } catch {
    return null;
  }
}
