import { afterEach, describe, expect, it, vi } from 'vitest';
import { effectScope, nextTick, ref } from 'vue';
import type { Locale } from '@/shared/locales';
import {
  parseExcerpt,
  setPagefindLoader,
  useSiteSearch,
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

function fakePagefind(pages: Record<string, Page[]>, delays: Record<string, number> = {}) {
  const created: string[] = [];
  const module: PagefindModule = {
    createInstance: () => {
      const language = document.documentElement.lang;
      created.push(language);
      return {
        search: async (query: string) => {
          await new Promise((resolve) => setTimeout(resolve, delays[query] ?? 0));
          const found = (pages[language] ?? []).filter((page) =>
            page.excerpt.toLowerCase().includes(query.toLowerCase()),
          );
          return {
            results: found.map((page) => ({
              id: page.url,
              data: async () => ({ ...page, meta: { title: page.title } }),
            })),
          };
        },
      };
    },
  };
  const load = vi.fn(async () => module);
  setPagefindLoader(load);
  return { load, created };
}

afterEach(() => {
  setPagefindLoader(null);
  vi.useRealTimers();
});

function setup(locale: Locale = 'en') {
  const scope = effectScope();
  const language = ref<Locale>(locale);
  const search = scope.run(() => useSiteSearch(language, { debounceMs: 100 }))!;
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
  it('searches once the visitor stops typing, not on every keystroke', async () => {
    vi.useFakeTimers();
    const { load } = fakePagefind(PAGES);
    const { search, stop } = setup();

    for (const words of ['d', 'do', 'doc', 'doctor']) {
      search.query.value = words;
      await nextTick();
      await vi.advanceTimersByTimeAsync(50);
    }
    expect(load).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(100);
    await vi.runAllTimersAsync();

    expect(search.status.value).toBe('done');
    expect(search.total.value).toBe(2);
    expect(search.searched.value).toBe('doctor');
    expect(search.results.value.map((hit) => hit.url)).toEqual(['/faq#faq-1', '/articles/a']);
    expect(load).toHaveBeenCalledTimes(1);
    stop();
  });

  it('never shows the results of an older query that answered late', async () => {
    fakePagefind(PAGES, { ketamine: 300 });
    const { search, stop } = setup();

    search.query.value = 'ketamine';
    await nextTick();
    await new Promise((resolve) => setTimeout(resolve, 150));
    search.query.value = 'nurse';
    await vi.waitFor(() => expect(search.searched.value).toBe('nurse'));
    await new Promise((resolve) => setTimeout(resolve, 300));

    expect(search.searched.value).toBe('nurse');
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
