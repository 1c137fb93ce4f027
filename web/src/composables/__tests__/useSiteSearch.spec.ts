import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { effectScope, nextTick, ref, watch } from 'vue';
import type { Locale } from '@/shared/locales';
import type { SearchResultList } from '@/shared/searchResultList';
import {
  parseExcerpt,
  setPagefindLoader,
  useSiteSearch,
  warmSearch,
  type PagefindModule,
} from '../useSiteSearch';

/**
 * The search composable over a stand-in for Pagefind's browser API (the real script and index
 * are exercised in renderer/__tests__/search-index.spec.ts and e2e/tests/search.spec.ts).
 */
interface Page {
  url: string;
  title: string;
  excerpt: string;
}

function fakePagefind(
  pages: Record<string, Page[]>,
  delays: Record<string, number> = {},
  /** Each excerpt file read, by result id: resolves when the test says. */
  excerptReads: string[] = [],
  excerptsArrive: Promise<unknown> = Promise.resolve(),
) {
  const created: string[] = [];
  const queries: string[] = [];
  const module: PagefindModule = {
    createInstance: () => {
      const language = document.documentElement.lang;
      created.push(language);
      return {
        search: async (query: string) => {
          queries.push(query);
          await new Promise((resolve) => setTimeout(resolve, delays[query] ?? 0));
          const found = (pages[language] ?? []).filter((page) =>
            page.excerpt.toLowerCase().includes(query.toLowerCase()),
          );
          return {
            results: found.map((page) => ({
              id: page.url,
              data: async () => {
                excerptReads.push(page.url);
                await excerptsArrive;
                return { ...page, meta: { title: page.title } };
              },
            })),
          };
        },
      };
    },
  };
  const load = vi.fn(async () => module);
  setPagefindLoader(load);
  return { load, created, queries };
}

/** The site's files under /pagefind/: the result lists and the index's chunks. */
function fakeSite(files: Record<string, unknown>) {
  const fetched: string[] = [];
  vi.stubGlobal(
    'fetch',
    vi.fn(async (url: string) => {
      fetched.push(url);
      const name = url.replace(/^\/pagefind\//, '');
      if (!(name in files)) return new Response('not found', { status: 404 });
      const body = files[name];
      return new Response(typeof body === 'string' ? body : JSON.stringify(body));
    }),
  );
  return fetched;
}

beforeEach(() => {
  // Until a test serves them: no result list, as before the first results' warm-up.
  fakeSite({});
});

afterEach(() => {
  setPagefindLoader(null);
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

function setup(locale: Locale = 'en') {
  const scope = effectScope();
  const language = ref<Locale>(locale);
  const search = scope.run(() => useSiteSearch(language))!;
  return { search, language, stop: () => scope.stop() };
}

const PAGES = {
  en: [
    {
      url: '/faq#faq-1',
      title: 'Is it safe?',
      excerpt: 'Ketamine is given by a <mark>doctor</mark>.',
    },
    { url: '/articles/a', title: 'Ketamine', excerpt: 'Ask your doctor &amp; nurse.' },
  ],
  es: [{ url: '/es/faq#faq-1', title: '¿Es seguro?', excerpt: 'Lo da un médico.' }],
};

describe('useSiteSearch', () => {
  it('searches at once; keys typed meanwhile are searched together after, the last words only', async () => {
    const { queries } = fakePagefind(PAGES, { d: 200 });
    const { search, stop } = setup();

    search.query.value = 'd';
    await vi.waitFor(() => expect(queries).toEqual(['d']));
    for (const words of ['do', 'doc', 'doctor']) {
      search.query.value = words;
      await nextTick();
    }
    await vi.waitFor(() => expect(search.searched.value).toBe('doctor'));

    expect(queries).toEqual(['d', 'doctor']);
    expect(search.status.value).toBe('done');
    expect(search.total.value).toBe(2);
    expect(search.results.value.map((hit) => hit.url)).toEqual(['/faq#faq-1', '/articles/a']);
    stop();
  });

  it('never shows the results of an older query that answered late', async () => {
    fakePagefind(PAGES, { ketamine: 300 });
    const { search, stop } = setup();

    search.query.value = 'ketamine';
    await nextTick();
    await new Promise((resolve) => setTimeout(resolve, 150));
    search.query.value = 'nurse';
    const shown: string[] = [];
    watch(search.searched, (words) => shown.push(words));
    await vi.waitFor(() => expect(search.searched.value).toBe('nurse'));
    await new Promise((resolve) => setTimeout(resolve, 300));

    // The answer for "ketamine" came while "nurse" waited: never shown.
    expect(shown).toEqual(['nurse']);
    expect(search.results.value.map((hit) => hit.url)).toEqual(['/articles/a']);
    stop();
  });

  it('searches the index of the page language, one Pagefind instance per language', async () => {
    const { created } = fakePagefind(PAGES);
    const { search, language, stop } = setup('es');

    search.query.value = 'médico';
    await search.searchNow();
    expect(search.results.value.map((hit) => hit.url)).toEqual(['/es/faq#faq-1']);

    language.value = 'en';
    search.query.value = 'doctor';
    await search.searchNow();
    expect(search.total.value).toBe(2);
    expect(created).toEqual(['es', 'en']);
    stop();
  });

  it('says so when Pagefind cannot be loaded, and tries again on the next search', async () => {
    const load = vi.fn().mockRejectedValueOnce(new TypeError('Failed to fetch'));
    setPagefindLoader(load);
    const { search, stop } = setup();

    search.query.value = 'doctor';
    await search.searchNow();
    expect(search.status.value).toBe('error');

    const { load: second } = fakePagefind(PAGES);
    await search.searchNow();
    expect(second).toHaveBeenCalled();
    expect(search.status.value).toBe('done');
    stop();
  });

  it('shows a page of results at a time; showMore fetches the next ones', async () => {
    fakePagefind(PAGES);
    const scope = effectScope();
    const search = scope.run(() => useSiteSearch(ref<Locale>('en'), { pageSize: 1 }))!;
    search.query.value = 'doctor';
    await search.searchNow();
    expect(search.total.value).toBe(2);
    expect(search.results.value.map((hit) => hit.url)).toEqual(['/faq#faq-1']);

    await search.showMore();
    expect(search.results.value.map((hit) => hit.url)).toEqual(['/faq#faq-1', '/articles/a']);
    scope.stop();
  });

  it('after the first results, fetches the result list and every chunk of the index', async () => {
    let arrive = () => {};
    const reads: string[] = [];
    fakePagefind(PAGES, {}, reads, new Promise<void>((resolve) => (arrive = resolve)));
    const list: SearchResultList = {
      chunks: ['index/en_1.pf_index', 'index/en_2.pf_index'],
      results: { '/faq#faq-1': ['/faq#faq-1', 'Is it safe? (listed)'] },
    };
    const fetched = fakeSite({
      'results.en.json': list,
      'index/en_1.pf_index': 'x',
      'index/en_2.pf_index': 'y',
    });
    const { search, stop } = setup();

    // The first query: nothing listed yet, so its results wait for their excerpts.
    search.query.value = 'doctor';
    const first = search.searchNow();
    await vi.waitFor(() => expect(reads).toHaveLength(2));
    expect(search.status.value).toBe('loading');
    arrive();
    await first;
    expect(search.results.value.every((hit) => hit.excerpt)).toBe(true);

    // Then, while the visitor reads: the list, and every chunk into the browser's cache.
    await vi.waitFor(() => expect(fetched).toHaveLength(3));
    expect(fetched).toEqual([
      '/pagefind/results.en.json',
      '/pagefind/index/en_1.pf_index',
      '/pagefind/index/en_2.pf_index',
    ]);

    stop();
  });

  it('a listed result is shown before its excerpt, which follows', async () => {
    let arrive = () => {};
    const reads: string[] = [];
    fakePagefind(PAGES, {}, reads, new Promise<void>((resolve) => (arrive = resolve)));
    fakeSite({
      'results.en.json': {
        chunks: [],
        results: {
          '/faq#faq-1': ['/faq#faq-1', 'Is it safe?'],
          '/articles/a': ['/articles/a', 'Ketamine'],
        },
      },
    });
    await warmSearch('en');
    const { search, stop } = setup();

    search.query.value = 'doctor';
    await search.searchNow();
    expect(search.status.value).toBe('done');
    expect(search.results.value).toEqual([
      { url: '/faq#faq-1', title: 'Is it safe?', excerpt: null },
      { url: '/articles/a', title: 'Ketamine', excerpt: null },
    ]);

    arrive();
    await vi.waitFor(() => expect(search.results.value.every((hit) => hit.excerpt)).toBe(true));
    expect(search.results.value[1]!.excerpt).toEqual([
      { text: 'Ask your doctor & nurse.', mark: false },
    ]);
    stop();
  });

  it('a result the list does not have waits for its excerpt file', async () => {
    fakePagefind(PAGES);
    fakeSite({
      'results.en.json': { chunks: [], results: { '/faq#faq-1': ['/faq#faq-1', 'Is it safe?'] } },
    });
    await warmSearch('en');
    const { search, stop } = setup();

    search.query.value = 'nurse';
    await search.searchNow();
    expect(search.results.value).toEqual([
      {
        url: '/articles/a',
        title: 'Ketamine',
        excerpt: [{ text: 'Ask your doctor & nurse.', mark: false }],
      },
    ]);
    stop();
  });

  const LISTED = {
    '/faq#faq-1': ['/faq#faq-1', 'Is it safe?'],
    '/articles/a': ['/articles/a', 'Ketamine'],
  };

  it.each([
    ['missing', null],
    ['not JSON', 'not json'],
    ['a chunk outside the index', { chunks: ['../../etc/passwd'], results: LISTED }],
    [
      'a link off the site',
      { chunks: [], results: { ...LISTED, x: ['javascript:alert(1)', 'x'] } },
    ],
    ['a link to another host', { chunks: [], results: { ...LISTED, x: ['//example.org/', 'x'] } }],
    // The control: this one is used, so its results do not wait for their excerpts.
    ['a good list', { chunks: [], results: LISTED }],
  ])('a result list that is %s: used only when valid', async (kind, file) => {
    let arrive = () => {};
    const reads: string[] = [];
    fakePagefind(PAGES, {}, reads, new Promise<void>((resolve) => (arrive = resolve)));
    const fetched = fakeSite(file === null ? {} : { 'results.en.json': file });
    await warmSearch('en');
    const { search, stop } = setup();

    search.query.value = 'doctor';
    const searched = search.searchNow();
    await vi.waitFor(() => expect(reads).toHaveLength(2));
    await new Promise((resolve) => setTimeout(resolve, 20));
    // A list that is used shows the results before their excerpts; one that is not, after them.
    expect(search.status.value).toBe(kind === 'a good list' ? 'done' : 'loading');
    arrive();
    await searched;
    await vi.waitFor(() => expect(search.results.value.every((hit) => hit.excerpt)).toBe(true));
    // No chunk named by a file that is not a list is fetched.
    expect(fetched).toEqual(['/pagefind/results.en.json']);
    stop();
  });

  it('empty words: no search, no results', async () => {
    const { load } = fakePagefind(PAGES);
    const { search, stop } = setup();
    search.query.value = '   ';
    await search.searchNow();
    expect(search.status.value).toBe('idle');
    expect(load).not.toHaveBeenCalled();
    stop();
  });
});

describe('parseExcerpt', () => {
  it.each([
    ['plain text', [{ text: 'plain text', mark: false }]],
    [
      'a <mark>match</mark> here',
      [
        { text: 'a ', mark: false },
        { text: 'match', mark: true },
        { text: ' here', mark: false },
      ],
    ],
    ['&lt;script&gt; &amp; more', [{ text: '<script> & more', mark: false }]],
    // Anything but <mark> is dropped: the excerpt becomes text nodes, never markup.
    ['<img src=x onerror=alert(1)>text', [{ text: 'text', mark: false }]],
  ])('%j', (excerpt, parts) => {
    expect(parseExcerpt(excerpt)).toEqual(parts);
  });
});
