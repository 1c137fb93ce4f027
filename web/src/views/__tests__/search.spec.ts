import { afterEach, beforeEach, describe, expect, it, vi, type Mock } from 'vitest';
import { installFakeCms } from '@/test/cms';
import { arrive, mountApp, settle } from '@/test/app';
import { renderFixturePage } from '@/test/prerender';
import {
  setPagefindLoader,
  type PagefindLoader,
  type PagefindModule,
} from '@/composables/useSiteSearch';

/** The header's search box and the search page, over a stand-in for Pagefind's browser API. */
const PAGES: Record<string, { url: string; title: string; excerpt: string }[]> = {
  en: [{ url: '/faq#faq-1', title: 'Is it safe?', excerpt: 'Given by a <mark>doctor</mark>.' }],
  es: [{ url: '/es/faq#faq-1', title: '¿Es seguro?', excerpt: 'Lo da un <mark>médico</mark>.' }],
};

let load: Mock<PagefindLoader>;

beforeEach(() => {
  document.body.innerHTML = '';
  installFakeCms();
  const module: PagefindModule = {
    createInstance: () => {
      const language = document.documentElement.lang;
      return {
        search: async (query: string) => ({
          results: (PAGES[language] ?? [])
            .filter((page) => page.excerpt.includes(query))
            .map((page) => ({
              id: page.url,
              data: async () => ({ ...page, meta: { title: page.title } }),
            })),
        }),
      };
    },
  };
  load = vi.fn<PagefindLoader>(async () => module);
  setPagefindLoader(load);
});

afterEach(() => setPagefindLoader(null));

describe('the header search box', () => {
  it.each([
    ['/', '/search', 'Search this site', 'Search'],
    ['/es/faq', '/es/search', 'Buscar en este sitio', 'Buscar'],
  ])(
    'on %s: a GET form to %s, labelled, that works without scripts',
    async (url, action, label, button) => {
      const { html } = await renderFixturePage(url);
      const doc = new DOMParser().parseFromString(html, 'text/html');
      const form = doc.querySelector('header form[role="search"]')!;
      expect(form.getAttribute('action')).toBe(action);
      expect(form.getAttribute('method')).toBe('get');
      expect(form.getAttribute('aria-label')).toBe(label);
      const input = form.querySelector('input')!;
      expect(input.getAttribute('name')).toBe('q');
      expect(doc.querySelector(`label[for="${input.id}"]`)?.textContent).toBe(label);
      expect(form.querySelector('button[type="submit"]')?.textContent).toBe(button);
    },
  );

  it('loads search only when focused, then leads to the results page', async () => {
    const { wrapper, router } = await mountApp('/');
    expect(load).not.toHaveBeenCalled();
    const input = wrapper.get('[data-testid="header-search-input"]');
    await input.trigger('focus');
    expect(load).toHaveBeenCalledTimes(1);

    await input.setValue('doctor');
    await wrapper.get('header form').trigger('submit');
    await arrive(router, '/search');
    expect(router.currentRoute.value.query).toEqual({ q: 'doctor' });
    await vi.waitFor(() =>
      expect(wrapper.find('[data-testid="search-results"]').exists()).toBe(true),
    );
  });
});

describe('the search page', () => {
  it.each([
    ['/search', 'Search runs in your browser', 'Questions'],
    ['/es/search', 'La búsqueda funciona en su navegador', 'Preguntas'],
  ])(
    '%s prerendered: explains search needs JavaScript and lists the sections',
    async (url, text, link) => {
      const { html, noindex } = await renderFixturePage(url);
      const doc = new DOMParser().parseFromString(html, 'text/html');
      const main = doc.querySelector('main')!;
      expect(main.querySelector('[data-testid="search-needs-js"]')?.textContent).toContain(text);
      expect([...main.querySelectorAll('li a')].map((a) => a.textContent?.trim())).toContain(link);
      expect(noindex).toBe(true);
    },
  );

  it('shows results as the visitor types and announces how many', async () => {
    const { wrapper } = await mountApp('/es/search');
    await wrapper.get('[data-testid="search-input"]').setValue('médico');
    await vi.waitFor(() => expect(wrapper.get('[role="status"]').text()).toBe('Un resultado'));
    const link = wrapper.get('[data-testid="search-results"] a');
    expect(link.text()).toBe('¿Es seguro?');
    expect(link.attributes('href')).toBe('/es/faq#faq-1');
    expect(wrapper.get('[data-testid="search-results"] mark').text()).toBe('médico');
  });

  it('opened with ?q=: searches at once', async () => {
    const { wrapper } = await mountApp('/search?q=doctor');
    await vi.waitFor(() => expect(wrapper.get('[role="status"]').text()).toBe('One result'));
  });

  it('no results: points to the questions and to crisis help', async () => {
    const { wrapper } = await mountApp('/search');
    await wrapper.get('[data-testid="search-input"]').setValue('zzz');
    await vi.waitFor(() =>
      expect(wrapper.get('[role="status"]').text()).toBe('No results for these words.'),
    );
    await settle();
    const none = wrapper.get('[data-testid="search-none"]');
    expect(none.get('a').attributes('href')).toBe('/faq');
    expect(none.text()).toContain('988');
  });

  it('Pagefind cannot be loaded: says so', async () => {
    setPagefindLoader(() => Promise.reject(new TypeError('Failed to fetch')));
    const { wrapper } = await mountApp('/search?q=doctor');
    await vi.waitFor(() =>
      expect(wrapper.get('[role="status"]').text()).toBe(
        'Search could not be loaded. Please try again in a moment.',
      ),
    );
  });
});
