import { beforeEach, describe, expect, it } from 'vitest';
import { installFakeCms, type FakeCms } from '@/test/cms';
import { mountApp, settle } from '@/test/app';
import { ARTICLE, FAQ } from '@/api/types';
import { ARTICLE_DOCUMENT_ID } from '@/api/__tests__/fixtures/strapi';

/**
 * "Was this page helpful?" (PageFeedback.vue) on the pages that carry it, and related reading
 * (ArticleContent.vue, FaqItem.vue), against the fake CMS at the HTTP edge.
 */

let cms: FakeCms;
/** The answers the CMS received, as the bodies the site posted. */
const posted = () =>
  cms.fetch.mock.calls
    .filter(([, init]) => (init as RequestInit | undefined)?.method === 'POST')
    .map(([input, init]) => ({
      url: String(input),
      body: JSON.parse(String((init as RequestInit).body)) as unknown,
    }));

beforeEach(() => {
  document.body.innerHTML = '';
  cms = installFakeCms();
  // The real endpoint answers 201 (cms/tests/page-feedback.test.ts).
  cms.override('/api/page-feedbacks', (req) =>
    req.method === 'POST' ? { status: 201, body: { data: {} } } : undefined,
  );
});

describe('PageFeedback', () => {
  it.each([
    ['/faq', '/faq', 'en'],
    ['/es/risk-factors', '/risk-factors', 'es'],
    ['/articles/ketamine-for-depression', '/articles/ketamine-for-depression', 'en'],
    ['/es/articles/ketamina-para-la-depresion', '/articles/ketamina-para-la-depresion', 'es'],
  ])('on %s: Yes sends one answer for the page, then thanks', async (url, path, locale) => {
    const { wrapper } = await mountApp(url);
    const widget = wrapper.get('[data-testid="page-feedback"]');
    const [yes] = widget.findAll('button');
    await yes!.trigger('click');
    await settle();
    expect(posted()).toEqual([
      { url: '/api/page-feedbacks', body: { data: { path, locale, answer: 'yes' } } },
    ]);
    const text = wrapper.get('[data-testid="page-feedback"]').text();
    expect(text).toContain(locale === 'en' ? 'Thank you' : 'Gracias');
    // One answer per page view: no buttons left to answer again.
    expect(wrapper.get('[data-testid="page-feedback"]').findAll('button')).toHaveLength(0);
  });

  it('No asks for an optional reason from the fixed list, no free text', async () => {
    const { wrapper } = await mountApp('/faq');
    await wrapper.get('[data-testid="page-feedback"]').findAll('button')[1]!.trigger('click');
    const widget = wrapper.get('[data-testid="page-feedback"]');
    expect(widget.find('textarea').exists()).toBe(false);
    expect(widget.find('input[type="text"]').exists()).toBe(false);
    const radios = widget.findAll('input[type="radio"]');
    expect(radios.map((radio) => radio.attributes('value'))).toEqual([
      'hard-to-understand',
      'out-of-date',
      'not-what-i-was-looking-for',
      'other',
    ]);
    expect(widget.get('legend').text()).toBe('What was the problem? (optional)');
    expect(posted()).toEqual([]); // nothing sent until the visitor sends
    await radios[1]!.setValue(true);
    await widget.get('form').trigger('submit');
    await settle();
    expect(posted().map((p) => p.body)).toEqual([
      { data: { path: '/faq', locale: 'en', answer: 'no', reason: 'out-of-date' } },
    ]);
    expect(wrapper.get('[data-testid="page-feedback"] [role="status"]').text()).toBe(
      'Thank you for your answer.',
    );
  });

  it('No without a reason sends no reason', async () => {
    const { wrapper } = await mountApp('/es/faq');
    await wrapper.get('[data-testid="page-feedback"]').findAll('button')[1]!.trigger('click');
    await wrapper.get('[data-testid="page-feedback"] form').trigger('submit');
    await settle();
    expect(posted().map((p) => p.body)).toEqual([
      { data: { path: '/faq', locale: 'es', answer: 'no' } },
    ]);
  });

  it('says on the page that no free text is collected, in both languages', async () => {
    const en = (await mountApp('/faq')).wrapper.get('[data-testid="page-feedback"]').text();
    expect(en).toContain('Was this page helpful?');
    expect(en).toContain('There is no space to type');
    document.body.innerHTML = '';
    const es = (await mountApp('/es/faq')).wrapper.get('[data-testid="page-feedback"]').text();
    expect(es).toContain('¿Le resultó útil esta página?');
    expect(es).toContain('No hay espacio para escribir');
  });

  it.each([
    ['the CMS down', 'network-error' as const],
    ['a 500', { status: 500, body: { data: null, error: { status: 500 } } }],
    ['a 429', { status: 429, body: { data: null, error: { status: 429 } } }],
  ])('with %s it says it could not send and offers to try again', async (_name, outcome) => {
    const remove = cms.override('/api/page-feedbacks', outcome);
    const { wrapper } = await mountApp('/faq');
    await wrapper.get('[data-testid="page-feedback"]').findAll('button')[0]!.trigger('click');
    await settle();
    const widget = wrapper.get('[data-testid="page-feedback"]');
    expect(widget.get('[role="status"]').text()).toBe(
      'Your answer could not be sent. Please try again later.',
    );
    // The rest of the page is intact.
    expect(wrapper.findAll('main button[aria-expanded]')).toHaveLength(4);
    remove();
    await widget.get('button').trigger('click');
    await settle();
    expect(wrapper.get('[data-testid="page-feedback"] [role="status"]').text()).toBe(
      'Thank you for your answer.',
    );
  });

  it('is not on the home page or the glossary', async () => {
    expect((await mountApp('/')).wrapper.find('[data-testid="page-feedback"]').exists()).toBe(
      false,
    );
    document.body.innerHTML = '';
    expect(
      (await mountApp('/glossary')).wrapper.find('[data-testid="page-feedback"]').exists(),
    ).toBe(false);
  });
});

describe('related reading', () => {
  const other = {
    id: 90,
    documentId: 'related-article',
    locale: 'en',
    title: 'Depression and sleep',
    slug: 'depression-and-sleep',
    summary: 'How sleep and mood affect each other.',
    body: [],
    faqs: [],
  };

  it('an article lists its related articles that are published, and nothing when none', async () => {
    let { wrapper } = await mountApp('/articles/ketamine-for-depression');
    expect(wrapper.find('[data-testid="related-articles"]').exists()).toBe(false);
    expect(wrapper.text()).not.toContain('Related articles');

    document.body.innerHTML = '';
    cms.publish(ARTICLE, 'en', other.documentId, other);
    cms.publish(ARTICLE, 'en', ARTICLE_DOCUMENT_ID, {
      relatedArticles: [{ documentId: other.documentId }, { documentId: 'never-published' }],
    });
    ({ wrapper } = await mountApp('/articles/ketamine-for-depression'));
    const list = wrapper.get('[data-testid="related-articles"]');
    expect(list.findAll('li')).toHaveLength(1);
    expect(list.get('a').attributes('href')).toBe('/articles/depression-and-sleep');
    expect(list.text()).toContain('Depression and sleep');
    expect(list.text()).toContain('How sleep and mood affect each other.');
  });

  it('an FAQ answer links to its article, in its language', async () => {
    const faqId = (cms.content[FAQ]!.es[0] as { documentId: string }).documentId;
    cms.publish(FAQ, 'es', faqId, { article: { documentId: ARTICLE_DOCUMENT_ID } });
    const { wrapper } = await mountApp('/es/faq');
    const links = wrapper.findAll('[data-testid="faq-article"]');
    expect(links).toHaveLength(1);
    expect(links[0]!.text()).toContain('Más información:');
    expect(links[0]!.get('a').attributes('href')).toBe('/es/articles/ketamina-para-la-depresion');
  });
});
