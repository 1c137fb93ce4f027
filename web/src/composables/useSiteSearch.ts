import { onScopeDispose, ref, shallowRef, watch, type Ref } from 'vue';
import type { Locale } from '@/shared/locales';

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
const PAGEFIND_URL = `${import.meta.env.BASE_URL}pagefind/pagefind.js`;
const loadFromSite: PagefindLoader = () => import(/* @vite-ignore */ PAGEFIND_URL);

let loader: PagefindLoader = loadFromSite;
let module: Promise<PagefindModule> | null = null;
const instances = new Map<Locale, PagefindInstance>();

/** For tests: where Pagefind comes from. Forgets what was loaded. */
export function setPagefindLoader(load: PagefindLoader | null): void {
  loader = load ?? loadFromSite;
  module = null;
  instances.clear();
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
  excerpt: ExcerptPart[];
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
  /** Wait this long after the last keystroke before searching. */
  debounceMs?: number;
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
 * Searches as `query` changes (debounced): `results` and `total` for the last query typed, never
 * for an older one whose answer arrived late.
 */
export function useSiteSearch(locale: Ref<Locale>, options: SiteSearchOptions = {}) {
  // Short: a query on a warm index takes a few milliseconds, and results should follow typing
  // within 100 ms (the README's figures); long enough to skip most intermediate keystrokes.
  const debounceMs = options.debounceMs ?? 50;
  const pageSize = options.pageSize ?? 10;
  const query = ref('');
  const status = ref<SearchStatus>('idle');
  const results = shallowRef<SearchHit[]>([]);
  const total = ref(0);
  /** The words the results are for. */
  const searched = ref('');
  let found: PagefindResult[] = [];
  let timer: ReturnType<typeof setTimeout> | undefined;
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
      const hits = await Promise.all(answer.results.slice(0, pageSize).map(toHit));
      if (run !== latest) return;
      found = answer.results;
      results.value = hits;
      total.value = found.length;
      searched.value = words;
      status.value = 'done';
    } catch {
      if (run !== latest) return;
      results.value = [];
      total.value = 0;
      found = [];
      status.value = 'error';
    }
  }

  /** The next results of the same search. */
  async function showMore(): Promise<void> {
    const run = latest;
    const next = found.slice(results.value.length, results.value.length + pageSize);
    try {
      const hits = await Promise.all(next.map(toHit));
      if (run === latest) results.value = [...results.value, ...hits];
    } catch {
      // The results shown stay; the button stays to try again.
    }
  }

  function schedule(): void {
    clearTimeout(timer);
    const words = query.value.trim();
    const language = locale.value;
    timer = setTimeout(() => void run(words, language), words ? debounceMs : 0);
  }

  watch([query, locale], schedule);
  onScopeDispose(() => clearTimeout(timer));

  return {
    query,
    status,
    results,
    total,
    searched,
    showMore,
    /** Searches now (the form was submitted), without waiting for the debounce. */
    searchNow: () => {
      clearTimeout(timer);
      return run(query.value.trim(), locale.value);
    },
  };
}

/** Starts fetching Pagefind (the search box got focus): the first query is then quicker. */
export function preloadSearch(locale: Locale): void {
  pagefindFor(locale)
    .then((pagefind) => pagefind.init?.())
    .catch(() => {
      // Reported when the visitor searches.
    });
}
