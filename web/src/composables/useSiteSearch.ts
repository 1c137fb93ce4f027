import { onScopeDispose, ref, shallowRef, watch, type Ref } from 'vue';
import type { Locale } from '@/shared/locales';
import {
  isSearchResultList,
  resultListFile,
  type SearchResultList,
} from '@/shared/searchResultList';
import { whenIdle } from '@/shared/whenIdle';

/**
 * The site search, in the browser: Pagefind's script and index are static files the renderer
 * writes beside the pages (web/renderer/search-index.ts), fetched from the site itself only when
 * a visitor focuses the search box or opens the search page. Nothing is sent anywhere else.
 */

/** What the site uses of Pagefind's browser API (`/pagefind/pagefind.js`). */
export interface PagefindInstance {
  /** Fetches the index's entry and the language's WASM. */
  init?(): Promise<unknown>;
  search(query: string): Promise<{ results: PagefindResult[] }>;
}
export interface PagefindResult {
  id: string;
  data(): Promise<{ url: string; meta: { title?: string }; excerpt: string }>;
}
export interface PagefindModule {
  createInstance(options?: Record<string, unknown>): PagefindInstance;
}

export type PagefindLoader = () => Promise<PagefindModule>;

/**
 * Pagefind's script, written with the index (never bundled by Vite: it must match the index it
 * reads). A variable specifier, so the build leaves the import to the browser.
 */
const SEARCH_BASE = `${import.meta.env.BASE_URL}pagefind/`;
const PAGEFIND_URL = `${SEARCH_BASE}pagefind.js`;
const loadFromSite: PagefindLoader = () => import(/* @vite-ignore */ PAGEFIND_URL);

let loader: PagefindLoader = loadFromSite;
let module: Promise<PagefindModule> | null = null;
const instances = new Map<Locale, PagefindInstance>();
/** Each language's result list, once fetched (`warmSearch`). */
const resultLists = new Map<Locale, SearchResultList>();
const warming = new Map<Locale, Promise<void>>();

/** For tests: where Pagefind comes from. Forgets what was loaded. */
export function setPagefindLoader(load: PagefindLoader | null): void {
  loader = load ?? loadFromSite;
  module = null;
  instances.clear();
  resultLists.clear();
  warming.clear();
}

/**
 * The search of one language. Pagefind picks the index by `<html lang>` when an instance is
 * created; the page's head says the same, but it may not have been updated yet right after a
 * language switch, so it is set here first.
 */
export async function pagefindFor(locale: Locale): Promise<PagefindInstance> {
  const known = instances.get(locale);
  if (known) return known;
  module ??= loader().catch((error: unknown) => {
    module = null;
    throw error;
  });
  const pagefind = await module;
  const cached = instances.get(locale);
  if (cached) return cached;
  document.documentElement.lang = locale;
  const instance = pagefind.createInstance({ excerptLength: 24 });
  instances.set(locale, instance);
  return instance;
}

/** A part of a result's excerpt: the words that matched are marked. */
export interface ExcerptPart {
  text: string;
  mark: boolean;
}

export interface SearchHit {
  url: string;
  title: string;
  /** Null while it is on its way: the title and link are shown first. */
  excerpt: ExcerptPart[] | null;
}

const ENTITIES: Record<string, string> = {
  '&amp;': '&',
  '&lt;': '<',
  '&gt;': '>',
  '&quot;': '"',
  '&#39;': "'",
  '&#x27;': "'",
};

/**
 * Pagefind's excerpt is HTML: escaped text with `<mark>` around the matches. It is split into
 * text parts (rendered as text nodes, never as HTML); anything but `<mark>` is dropped.
 */
export function parseExcerpt(excerpt: string): ExcerptPart[] {
  const parts: ExcerptPart[] = [];
  let mark = false;
  for (const piece of excerpt.split(/(<\/?mark>)/)) {
    if (piece === '<mark>' || piece === '</mark>') {
      mark = piece === '<mark>';
      continue;
    }
    const text = piece
      .replace(/<[^>]*>/g, '')
      .replace(/&(?:amp|lt|gt|quot|#39|#x27);/g, (entity) => ENTITIES[entity] ?? entity);
    if (text) parts.push({ text, mark });
  }
  return parts;
}

export type SearchStatus = 'idle' | 'loading' | 'done' | 'error';

export interface SiteSearchOptions {
  /**
   * Show this many results at a time (`showMore` adds as many again; the count says how many
   * there are in all). Each result shown is one more small file fetched (its excerpt).
   */
  pageSize?: number;
}

async function toHit(result: PagefindResult): Promise<SearchHit> {
  const data = await result.data();
  return { url: data.url, title: data.meta.title ?? data.url, excerpt: parseExcerpt(data.excerpt) };
}

/**
 * The results to show: from the language's result list, title and link at once (the excerpts
 * are fetched after); a result the list does not have (published since it was fetched) waits for
 * its excerpt file.
 */
function toHits(found: PagefindResult[], list: SearchResultList | undefined) {
  return Promise.all(
    found.map((result): SearchHit | Promise<SearchHit> => {
      const listed = list?.results[result.id];
      return listed ? { url: listed[0], title: listed[1], excerpt: null } : toHit(result);
    }),
  );
}

/** The hits with their excerpts: an excerpt that cannot be fetched is left out. */
function withExcerpts(found: PagefindResult[], hits: SearchHit[]): Promise<SearchHit[]> {
  return Promise.all(
    hits.map(async (hit, index) => {
      if (hit.excerpt) return hit;
      try {
        return { ...hit, excerpt: parseExcerpt((await found[index]!.data()).excerpt) };
      } catch {
        return { ...hit, excerpt: [] };
      }
    }),
  );
}

/**
 * Searches as `query` changes: `results` and `total` for the last query typed, never for an older
 * one whose answer arrived late. A search starts at once (no waiting for the visitor to stop
 * typing: results follow each key); the keys typed while one runs are searched together right
 * after it, so a fast typist or a slow phone never queues a search per key.
 */
export function useSiteSearch(locale: Ref<Locale>, options: SiteSearchOptions = {}) {
  const pageSize = options.pageSize ?? 10;
  const query = ref('');
  const status = ref<SearchStatus>('idle');
  const results = shallowRef<SearchHit[]>([]);
  const total = ref(0);
  /** The words the results are for. */
  const searched = ref('');
  let found: PagefindResult[] = [];
  /** The words to search once the search running ends (null: none). */
  let waiting: { words: string; language: Locale } | null = null;
  let searching: Promise<void> | null = null;
  let cancelWarm = () => {};
  let latest = 0;

  async function run(words: string, language: Locale): Promise<void> {
    const run = ++latest;
    if (!words) {
      status.value = 'idle';
      results.value = [];
      total.value = 0;
      searched.value = '';
      found = [];
      return;
    }
    status.value = 'loading';
    try {
      const pagefind = await pagefindFor(language);
      const answer = await pagefind.search(words);
      const shown = answer.results.slice(0, pageSize);
      const hits = await toHits(shown, resultLists.get(language));
      // Newer words are waiting: these results are already out of date.
      if (run !== latest || waiting) return;
      found = answer.results;
      results.value = hits;
      total.value = found.length;
      searched.value = words;
      status.value = 'done';
      void fillExcerpts(run, shown, hits);
      // The visitor reads these results: time to fetch what makes the next ones instant.
      cancelWarm();
      cancelWarm = whenIdle(() => void warmSearch(language));
    } catch {
      if (run !== latest || waiting) return;
      results.value = [];
      total.value = 0;
      found = [];
      status.value = 'error';
    }
  }

  /** Puts the excerpts in, once fetched, unless the visitor searched again meanwhile. */
  async function fillExcerpts(run: number, shown: PagefindResult[], hits: SearchHit[]) {
    if (hits.every((hit) => hit.excerpt)) return;
    const complete = await withExcerpts(shown, hits);
    if (run !== latest) return;
    const offset = results.value.indexOf(hits[0]!);
    if (offset < 0) return;
    const next = [...results.value];
    next.splice(offset, complete.length, ...complete);
    results.value = next;
  }

  /** The next results of the same search. */
  async function showMore(): Promise<void> {
    const run = latest;
    const next = found.slice(results.value.length, results.value.length + pageSize);
    try {
      const hits = await toHits(next, resultLists.get(locale.value));
      if (run !== latest) return;
      results.value = [...results.value, ...hits];
      void fillExcerpts(run, next, hits);
    } catch {
      // The results shown stay; the button stays to try again.
    }
  }

  /** Searches the words now, or after the search running: resolves once they are searched. */
  function searchLatest(): Promise<void> {
    waiting = { words: query.value.trim(), language: locale.value };
    searching ??= (async () => {
      try {
        while (waiting) {
          const next = waiting;
          waiting = null;
          await run(next.words, next.language);
        }
      } finally {
        searching = null;
      }
    })();
    return searching;
  }

  watch([query, locale], () => void searchLatest());
  onScopeDispose(() => {
    waiting = null;
    cancelWarm();
  });

  return {
    query,
    status,
    results,
    total,
    searched,
    showMore,
    /** Searches the words in the box (the form was submitted); resolves once they are. */
    searchNow: searchLatest,
  };
}

/**
 * Fetches, once per language and page load, what makes later queries instant on a slow network:
 * the language's result list (each result's title and link: a query lists its results without a
 * round trip) and, into the browser's cache, every chunk of the index (each query otherwise
 * fetches the chunks holding its words). Started once the first results are on screen, so the
 * first query fetches no more than it needs; at 1,000 articles, a few tens of KB (the README).
 */
export function warmSearch(locale: Locale): Promise<void> {
  let warm = warming.get(locale);
  if (!warm) {
    warm = fetchResultList(locale).catch(() => {
      // Nothing lost: results wait for their excerpt files, as the first query's did. Not tried
      // again before the next page load.
    });
    warming.set(locale, warm);
  }
  return warm;
}

async function fetchResultList(locale: Locale): Promise<void> {
  const response = await fetch(`${SEARCH_BASE}${resultListFile(locale)}`, { priority: 'low' });
  if (!response.ok) throw new Error(`result list: ${response.status}`);
  const list: unknown = await response.json();
  if (!isSearchResultList(list)) throw new Error('result list: not one');
  resultLists.set(locale, list);
  // The chunks are cached for a year (their names are hashes of their content): Pagefind's own
  // requests for them are then answered by the browser's cache.
  await Promise.all(
    list.chunks.map((chunk) =>
      fetch(`${SEARCH_BASE}${chunk}`, { priority: 'low' }).then((chunkResponse) =>
        chunkResponse.arrayBuffer(),
      ),
    ),
  );
}

/** Starts fetching Pagefind (the search box got focus): the first query is then quicker. */
export function preloadSearch(locale: Locale): void {
  pagefindFor(locale)
    .then((pagefind) => pagefind.init?.())
    .catch(() => {
      // Reported when the visitor searches.
    });
}
