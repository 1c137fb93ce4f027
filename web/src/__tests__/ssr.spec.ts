import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createMemoryHistory } from 'vue-router';
import { createHead } from '@unhead/vue/client';
import { flushPromises } from '@vue/test-utils';
import { createSiteApp } from '@/app';
import { renderPage } from '@/entry-server';
import { renderFixturePage, TEMPLATE } from '@/test/prerender';
import { readPageState } from '@/ssr/pageState';
import { createCmsApi, ApiError, type QueryFetcher } from '@/api';
import { faqs, glossaryTerms } from '@/api/__tests__/fixtures/strapi';
import { fixtureFetcher, installFakeCms, type FakeCms } from '@/test/cms';

/**
 * The same app rendered on the server (as the renderer does) and hydrated in a browser-like DOM
 * (as entry-client does): the markup must match exactly, and nothing is fetched again.
 */
const render = (url: string) => renderFixturePage(url);

let cms: FakeCms;
let warnings: string[];

beforeEach(() => {
  cms = installFakeCms();
  warnings = [];
  const record = (...args: unknown[]) => warnings.push(args.map(String).join(' '));
  vi.spyOn(console, 'warn').mockImplementation(record);
  vi.spyOn(console, 'error').mockImplementation(record);
});

afterEach(() => {
  document.body.innerHTML = '';
});

/** Puts a rendered page into the document and hydrates it like the browser entry. */
async function hydrate(url: string, html: string) {
  const body = /<body>([\s\S]*)<\/body>/.exec(html)![1]!;
  document.body.innerHTML = body;
  const state = readPageState(document);
  expect(state).not.toBeNull();
  const { app, router } = createSiteApp({
    ssr: true,
    history: createMemoryHistory(),
    head: createHead(),
    siteUrl: state!.siteUrl,
    initialState: state!.stores,
  });
  await router.push(url);
  await router.isReady();
  app.mount('#app');
  await flushPromises();
  await new Promise((resolve) => setTimeout(resolve, 0));
  return app;
}

describe.each([
  '/',
  '/es',
  '/articles',
  '/es/articles',
  '/articles/ketamine-for-depression',
  '/es/articles/ketamina-para-la-depresion',
  '/faq',
  '/es/faq',
  '/risk-factors',
  '/es/risk-factors',
  '/glossary',
  '/es/glossary',
  '/no-such-page',
  '/es/404',
  '/preview',
  '/not-translated',
])('%s', (url) => {
  it('hydrates without a mismatch and without fetching again', async () => {
    const { html } = await render(url);
    const app = await hydrate(url, html);
    expect(warnings.filter((w) => /hydration|mismatch/i.test(w))).toEqual([]);
    expect(cms.requests.filter((r) => r.path !== '/api/preview')).toEqual([]);
    app.unmount();
  });
});

describe('server-rendered pages', () => {
  it('carry the whole page: content, crisis help, and head tags', async () => {
    const { html } = await render('/articles/ketamine-for-depression');
    expect(html).toContain('<h1 tabindex="-1"');
    expect(html).toContain('Depression is more complex than you might think.');
    expect(html).toContain('data-testid="crisis-help"');
    expect(html).toContain(
      '<title>Ketamine for Depression Near Mountain View, CA | Mountain View Ketamine Clinic</title>',
    );
    expect(html).toContain(
      '<link rel="canonical" href="https://clinic.example/articles/ketamine-for-depression"',
    );
    expect(html).toContain(
      'hreflang="es" href="https://clinic.example/es/articles/ketamina-para-la-depresion"',
    );
    expect(html).toContain('<meta property="og:type" content="article">');
    expect(html).toContain('"@type":"MedicalWebPage"');
    expect(html).toContain('<html lang="en"');
  });

  it('the 404 page says so and is not indexed', async () => {
    const { html, routeName } = await render('/es/404');
    expect(routeName).toBe('not-found');
    expect(html).toContain('Página no encontrada');
    expect(html).toContain('<meta name="robots" content="noindex">');
  });

  it('a page whose data failed is refused, never written with an error view', async () => {
    const brokenSettings: QueryFetcher = (query) =>
      query.uid === 'api::site-setting.site-setting' && query.locale === 'es'
        ? Promise.reject(new ApiError('server', 'Server error', 500))
        : fixtureFetcher(query);
    await expect(renderFixturePage('/es/faq', brokenSettings)).rejects.toThrow(/getSiteSetting/);
  });

  it('say what they are: route, alternates, not found', async () => {
    const article = await render('/es/articles/ketamina-para-la-depresion');
    expect(article).toMatchObject({
      routeName: 'article',
      notFound: false,
      noindex: false,
      alternates: {
        en: '/articles/ketamine-for-depression',
        es: '/es/articles/ketamina-para-la-depresion',
      },
    });
    const missing = await render('/articles/no-such-article');
    expect(missing).toMatchObject({ routeName: 'article', notFound: true, noindex: true });
    expect(await render('/es/404')).toMatchObject({ routeName: 'not-found', notFound: true });
  });

  it('the glossary lists the terms A to Z by letter, with DefinedTermSet data', async () => {
    const { html } = await render('/glossary');
    const cortisol = html.search(/<dt[^>]*>Cortisol<\/dt>/);
    const ketamine = html.search(/<dt[^>]*>Ketamine infusion therapy<\/dt>/);
    expect(cortisol).toBeGreaterThan(0);
    expect(ketamine).toBeGreaterThan(cortisol);
    expect(html).toContain('id="cortisol"');
    expect(html).toContain('href="#letter-c"');
    expect(html).toMatch(/<h2 id="letter-k"[^>]*>K<\/h2>/);
    expect(html).toContain('"@type":"DefinedTermSet"');
    expect(html).toContain(`"description":"${glossaryTerms.en[1]!.definition}"`);
    expect(html).toContain('"url":"https://clinic.example/glossary#cortisol"');
    const es = await render('/es/glossary');
    expect(es.html).toMatch(/<dt[^>]*>Terapia de infusión de ketamina<\/dt>/);
    expect(es.html).toContain('<h1 tabindex="-1"');
  });

  it('FAQ answers are in the HTML, hidden with the hidden attribute (no inline style for CSP)', async () => {
    const { html } = await render('/faq');
    expect(html).toContain(faqs.en[0]!.question);
    expect(html).toContain('a number of factors are involved.');
    expect(html).toMatch(/class="faq-item__answer"[^>]* hidden/);
    expect(html).not.toContain('style="display:none');
  });

  it('the hydrated page works: a question opens on click', async () => {
    const { html } = await render('/faq');
    const app = await hydrate('/faq', html);
    const button = document.querySelector<HTMLButtonElement>('.faq-item__button')!;
    expect(button.getAttribute('aria-expanded')).toBe('false');
    button.click();
    await flushPromises();
    expect(button.getAttribute('aria-expanded')).toBe('true');
    app.unmount();
  });
});

describe('the inline stylesheet', () => {
  it('reaches every page byte for byte, so its CSP hash holds', async () => {
    const style = '<style>.a>b{color:red}\n.c::after{content:"→ \'x\'"}</style>';
    const { html } = await renderPage('/faq', {
      api: createCmsApi(fixtureFetcher),
      siteUrl: 'https://clinic.example',
      template: TEMPLATE.replace('<head>', `<head>${style}`),
    });
    expect(html).toContain(style);
  });
});
