import { beforeEach, describe, expect, it } from 'vitest';
import { installFakeCms, type FakeCms } from '@/test/cms';
import { arrive, mountApp, settle } from '@/test/app';
import { ARTICLE_DOCUMENT_ID, errorBody } from '@/api/__tests__/fixtures/strapi';

let cms: FakeCms;

beforeEach(() => {
  document.body.innerHTML = '';
  cms = installFakeCms();
});

describe('LanguageSwitcher', () => {
  it.each([
    ['/', '/es', 'es', 'Español'],
    ['/faq', '/es/faq', 'es', 'Español'],
    ['/risk-factors', '/es/risk-factors', 'es', 'Español'],
    ['/es/articles', '/articles', 'en', 'English'],
    ['/es', '/', 'en', 'English'],
    ['/es/no-such-page', '/no-such-page', 'en', 'English'],
  ])('on %s links to %s', async (from, to, lang, label) => {
    const { wrapper } = await mountApp(from);
    const link = wrapper.get('[data-testid="language-switcher"]');
    expect(link.attributes('href')).toBe(to);
    expect(link.attributes('lang')).toBe(lang);
    expect(link.attributes('hreflang')).toBe(lang);
    expect(link.text()).toBe(label);
  });

  it('swaps the prefix on click and the page follows in the other language', async () => {
    const { wrapper, router } = await mountApp('/faq');
    await wrapper.get('[data-testid="language-switcher"]').trigger('click', { button: 0 });
    await arrive(router, '/es/faq');
    expect(wrapper.get('h1').text()).toBe('Preguntas y respuestas');
    expect(wrapper.text()).toContain('¿Cómo funciona la ketamina?');
    expect(document.documentElement.getAttribute('lang')).toBe('es');
  });

  it("on an article, goes to the translation's own slug", async () => {
    const { wrapper, router } = await mountApp('/articles/ketamine-for-depression');
    await settle();
    const link = wrapper.get('[data-testid="language-switcher"]');
    expect(link.attributes('href')).toBe('/es/articles/ketamina-para-la-depresion');
    const lookup = cms.requestsTo(`/api/articles/${ARTICLE_DOCUMENT_ID}`);
    expect(lookup).toHaveLength(1);
    expect(lookup[0]!.query.locale).toBe('es');

    await link.trigger('click', { button: 0 });
    await arrive(router, '/es/articles/ketamina-para-la-depresion');
    expect(wrapper.get('h1').text()).toBe('Ketamina para la depresión cerca de Mountain View, CA');
    // And back again.
    expect(wrapper.get('[data-testid="language-switcher"]').attributes('href')).toBe(
      '/articles/ketamine-for-depression',
    );
  });

  it('when the article has no translation, shows a "not yet available" note linking back', async () => {
    cms.override(`/articles/${ARTICLE_DOCUMENT_ID}`, (req) =>
      req.query.locale === 'es'
        ? { status: 404, body: errorBody(404) }
        : { status: 500, body: errorBody(500) },
    );
    const { wrapper, router } = await mountApp('/articles/ketamine-for-depression');
    await settle();
    const link = wrapper.get('[data-testid="language-switcher"]');
    expect(link.attributes('href')).toBe('/es/not-translated?article=ketamine-for-depression');

    await link.trigger('click', { button: 0 });
    await arrive(router, '/es/not-translated');
    // The 404 answer is kept: no second lookup.
    expect(cms.requestsTo(`/api/articles/${ARTICLE_DOCUMENT_ID}`)).toHaveLength(1);
    const note = wrapper.get('[data-testid="translation-missing"]');
    expect(note.get('h1').text()).toBe('Aún no está disponible en español');
    const back = note.get('a[href="/articles/ketamine-for-depression"]');
    expect(back.attributes('hreflang')).toBe('en');
    expect(back.text()).toBe('Leer el artículo en inglés');
    // The English title is shown, marked as English.
    expect(note.get('[lang="en"]').text()).toBe('Ketamine for Depression Near Mountain View, CA');
    expect(document.documentElement.getAttribute('lang')).toBe('es');

    // Switching language from the note goes back to the English article.
    expect(wrapper.get('[data-testid="language-switcher"]').attributes('href')).toBe(
      '/articles/ketamine-for-depression',
    );
  });

  it('a click before the lookup finished waits for it', async () => {
    const { wrapper, router } = await mountApp('/articles/ketamine-for-depression');
    // No settle(): the translation lookup may still be in flight.
    await wrapper.get('[data-testid="language-switcher"]').trigger('click', { button: 0 });
    await arrive(router, '/es/articles/ketamina-para-la-depresion');
  });
});
