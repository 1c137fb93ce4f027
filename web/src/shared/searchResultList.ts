/**
 * What the renderer writes beside the search index for each language (web/renderer/search-index.ts)
 * and the search page reads once its first results are on screen (useSiteSearch.ts): every
 * result's address and title by Pagefind's result id, and the index's chunk files. With it, later
 * queries list their results without waiting on the network; the excerpts follow.
 */
export interface SearchResultList {
  /** The index's chunk files (`index/en_….pf_index`), relative to `/pagefind/`. */
  chunks: string[];
  /** By Pagefind's result id (`en_…`, its excerpt file's name): the result's URL and title. */
  results: Record<string, [url: string, title: string]>;
}

/** The list's file under `/pagefind/`: one per language, named the same across builds. */
export function resultListFile(language: string): string {
  return `results.${language}.json`;
}

/** A file from the network that may not be what the site wrote (an old or broken copy). */
export function isSearchResultList(value: unknown): value is SearchResultList {
  if (typeof value !== 'object' || value === null) return false;
  const { chunks, results } = value as Partial<SearchResultList>;
  return (
    Array.isArray(chunks) &&
    chunks.every((chunk) => typeof chunk === 'string' && /^index\/[\w-]+\.pf_index$/.test(chunk)) &&
    typeof results === 'object' &&
    results !== null &&
    Object.values(results).every(
      (entry) =>
        Array.isArray(entry) &&
        entry.length === 2 &&
        typeof entry[0] === 'string' &&
        // A path on this site: what a result links to.
        entry[0].startsWith('/') &&
        !entry[0].startsWith('//') &&
        typeof entry[1] === 'string',
    )
  );
}
