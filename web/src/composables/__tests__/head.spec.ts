import { beforeEach, describe, expect, it } from 'vitest';
import { installFakeCms, type FakeCms } from '@/test/cms';
import { arrive, mountApp, settle } from '@/test/app';
import { ARTICLE_DOCUMENT_ID, articles, errorBody } from '@/api/__tests__/fixtures/strapi';

let cms: FakeCms;

beforeEach(() => {
  document.head.innerHTML = '';
  document.body.innerHTML = '';
  document.title = '';
  cms = installFakeCms();
});

const origin = () => window.location.origin;
const meta = (name: string) =>
  document.head.querySelector<HTMLMetaElement>(`meta[name="${name}"]`)?.content;
const canonical = () =>
  document.head.querySelector<HTMLLinkElement>('link[rel="canonical"]')?.getAttribute('href');
const alternates = () =>
  Object.fromEntries(
    [...document.head.querySelectorAll<HTMLLinkElement>('link[rel="alternate"]')].map((l) => [
      l.hreflang,
      l.getAttribute('href'),
    ]),
  );
function jsonLd(type: string): Record<string, unknown> | undefined {
  for (const script of document.head.querySelectorAll('script[type="application/ld+json"]')) {
    const data = JSON.parse(script.textContent ?? '{}') as Record<string, unknown>;
    if (data['@type'] === type) return data;
  }
  return undefined;
}

describe('head', () => {
  it('FAQ page: title, description, canonical, hreflang alternates, html lang', async () => {
    await mountApp('/es/faq');
    expect(document.title).toBe('Preguntas y respuestas | Mountain View Ketamine Clinic');
    expect(meta('description')).toContain('Respuestas a preguntas frecuentes');
    expect(canonical()).toBe(`${origin()}/es/faq`);
    expect(alternates()).toEqual({
      en: `${origin()}/faq`,
      es: `${origin()}/es/faq`,
      'x-default': `${origin()}/faq`,
    });
    expect(document.documentElement.lang).toBe('es');
  });

  it('MedicalClinic JSON-LD holds only what the CMS says', async () => {
    await mountApp('/');
    expect(jsonLd('MedicalClinic')).toEqual({
      '@context': 'https://schema.org',
      '@type': 'MedicalClinic',
      name: 'Mountain View Ketamine Clinic',
      address: 'Mountain View, CA',
      url: `${origin()}/`,
    });
  });

  it('no MedicalClinic JSON-LD when the settings cannot be loaded', async () => {
    cms.override('/site-setting', { status: 500, body: errorBody(500) });
    await mountApp('/faq');
    expect(jsonLd('MedicalClinic')).toBeUndefined();
    expect(document.title).toBe('Questions and answers');
  });

  it("article: MedicalWebPage without review fields when they're not set; alternates use each slug", async () => {
    await mountApp('/articles/ketamine-for-depression');
    await settle();
    expect(document.title).toBe(
      'Ketamine for Depression Near Mountain View, CA | Mountain View Ketamine Clinic',
    );
    expect(meta('description')).toBe(articles.en[0]!.summary);
    expect(canonical()).toBe(`${origin()}/articles/ketamine-for-depression`);
    expect(alternates()).toEqual({
      en: `${origin()}/articles/ketamine-for-depression`,
      es: `${origin()}/es/articles/ketamina-para-la-depresion`,
      'x-default': `${origin()}/articles/ketamine-for-depression`,
    });
    const page = jsonLd('MedicalWebPage');
    expect(page).toMatchObject({
      '@context': 'https://schema.org',
      name: 'Ketamine for Depression Near Mountain View, CA',
      inLanguage: 'en',
      url: `${origin()}/articles/ketamine-for-depression`,
    });
    expect(page).not.toHaveProperty('lastReviewed');
    expect(page).not.toHaveProperty('reviewedBy');
  });

  it('article: lastReviewed / reviewedBy and SEO overrides when set; no es alternate without a translation', async () => {
    cms.override(`/articles/${ARTICLE_DOCUMENT_ID}`, { status: 404, body: errorBody(404) });
    cms.override('/articles', (req) => ({
      status: 200,
      body: {
        data: [
          {
            ...articles.en[0],
            locale: req.query.locale,
            seo: { id: 1, metaTitle: 'Ketamine & depression', metaDescription: 'SEO text' },
            lastReviewed: '2026-03-02',
            reviewedBy: 'Clinical team',
          },
        ],
        meta: { pagination: { page: 1, pageSize: 1, pageCount: 1, total: 1 } },
      },
    }));
    await mountApp('/articles/ketamine-for-depression');
    await settle();
    expect(document.title).toBe('Ketamine & depression | Mountain View Ketamine Clinic');
    expect(meta('description')).toBe('SEO text');
    expect(alternates()).toEqual({
      en: `${origin()}/articles/ketamine-for-depression`,
      'x-default': `${origin()}/articles/ketamine-for-depression`,
    });
    expect(jsonLd('MedicalWebPage')).toMatchObject({
      lastReviewed: '2026-03-02',
      reviewedBy: { '@type': 'Person', name: 'Clinical team' },
    });
  });

  it('the page JSON-LD goes away when leaving the article', async () => {
    const { router } = await mountApp('/articles/ketamine-for-depression');
    await settle();
    expect(jsonLd('MedicalWebPage')).toBeDefined();
    await router.push('/faq');
    await arrive(router, '/faq');
    expect(jsonLd('MedicalWebPage')).toBeUndefined();
    expect(canonical()).toBe(`${origin()}/faq`);
  });
});

describe('focus and landmarks', () => {
  it('has a skip link, landmarks and the crisis banner first', async () => {
    const { wrapper } = await mountApp('/');
    const skip = document.body.querySelector('a[href="#main"]')!;
    expect(skip.textContent).toBe('Skip to main content');
    // First in the tab order: the first element of the app.
    expect(skip.parentElement!.firstElementChild).toBe(skip);
    expect(skip.nextElementSibling?.getAttribute('data-testid')).toBe('crisis-help');
    expect(wrapper.find('aside[data-testid="crisis-help"]').exists()).toBe(true);
    expect(wrapper.find('header nav').exists()).toBe(true);
    expect(wrapper.find('main#main').exists()).toBe(true);
    expect(wrapper.find('footer').text()).toContain(
      'This website is for education only and is not medical advice.',
    );
  });

  it('does not move focus on first load, moves it to the h1 after navigation', async () => {
    const { wrapper, router } = await mountApp('/');
    expect(document.activeElement).not.toBe(wrapper.find('h1').element);

    await wrapper.get('header nav a[href="/faq"]').trigger('click');
    await arrive(router, '/faq');
    const h1 = wrapper.get('h1');
    expect(h1.text()).toBe('Questions and answers');
    expect(h1.attributes('tabindex')).toBe('-1');
    expect(document.activeElement).toBe(h1.element);
  });

  it('focuses the h1 once the content arrives when the page had to load first', async () => {
    const { wrapper, router } = await mountApp('/');
    await router.push('/articles/ketamine-for-depression');
    await arrive(router, '/articles/ketamine-for-depression');
    expect(document.activeElement).toBe(wrapper.get('h1').element);
    expect(wrapper.get('h1').text()).toBe('Ketamine for Depression Near Mountain View, CA');
  });
});

describe('error and 404 pages', () => {
  it.each([
    ['/no-such-page', 'Page not found'],
    ['/articles/no-such-article', 'Page not found'],
    ['/es/not-translated?article=x', 'Aún no está disponible en español'],
  ])('%s is titled %j and not indexed', async (path, title) => {
    await mountApp(path);
    await settle();
    expect(document.title).toBe(`${title} | Mountain View Ketamine Clinic`);
    expect(meta('robots')).toBe('noindex');
    expect(canonical()).toBeUndefined();
  });

  it('a page that failed to load says so in its title', async () => {
    cms.override('/site-setting', { status: 502, body: errorBody(500) });
    await mountApp('/');
    expect(document.title).toBe('This page could not be loaded');
    expect(meta('robots')).toBeUndefined();
  });

  it('content pages are indexable', async () => {
    await mountApp('/faq');
    expect(meta('robots')).toBeUndefined();
  });
});
