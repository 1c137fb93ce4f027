import { beforeEach, describe, expect, it } from 'vitest';
import type { VueWrapper } from '@vue/test-utils';
import { deferred, installFakeCms, type FakeCms } from '@/test/cms';
import { arrive, mountApp, settle } from '@/test/app';
import { articles, errorBody } from '@/api/__tests__/fixtures/strapi';

let cms: FakeCms;

beforeEach(() => {
  document.body.innerHTML = '';
  cms = installFakeCms();
});

function h1s(wrapper: VueWrapper) {
  return wrapper.findAll('h1');
}

function expectOneH1(wrapper: VueWrapper, text?: string) {
  const all = h1s(wrapper);
  expect(all).toHaveLength(1);
  if (text !== undefined) expect(all[0]!.text()).toBe(text);
}

/** Every view: skeleton while loading, then content. */
describe.each([
  ['/', '/site-setting', 'Ketamine infusion therapy for depression', 'Clear information'],
  ['/articles', '/articles', 'Articles', 'Learn how ketamine therapy may help.'],
  [
    '/articles/ketamine-for-depression',
    '/articles',
    'Ketamine for Depression Near Mountain View, CA',
    'Depression is more complex than you might think.',
  ],
  ['/faq', '/faqs', 'Questions and answers', 'Is depression a genetic disease?'],
  ['/risk-factors', '/risk-factors', 'Risk factors', 'Social isolation'],
  ['/es/faq', '/faqs', 'Preguntas y respuestas', '¿Cómo funciona la ketamina?'],
  ['/es/risk-factors', '/risk-factors', 'Factores de riesgo', 'Aislamiento social'],
])('%s', (path, resource, heading, content) => {
  it('shows a skeleton while loading, then the content', async () => {
    const gate = deferred();
    cms.override(resource, gate.outcome);
    const { wrapper } = await mountApp(path);
    expect(wrapper.find('main [data-testid="skeleton"]').exists()).toBe(true);
    expect(wrapper.find('main').text()).not.toContain(content);
    expect(wrapper.get('main [data-testid="skeleton"]').attributes('aria-busy')).toBe('true');

    gate.release();
    await settle();
    expect(wrapper.find('main [data-testid="skeleton"]').exists()).toBe(false);
    expectOneH1(wrapper, heading);
    expect(wrapper.get('main').text()).toContain(content);
  });

  it('shows an error with a retry button that loads the content', async () => {
    const remove = cms.override(resource, { status: 500, body: errorBody(500) });
    const { wrapper } = await mountApp(path);
    const error = wrapper.get('main [data-testid="error-state"]');
    expect(error.find('button').exists()).toBe(true);
    expect(wrapper.get('main').text()).not.toContain(content);
    // No raw error details for visitors.
    expect(wrapper.text()).not.toMatch(/InternalServerError|status code|axios|500/i);
    expect(h1s(wrapper)).toHaveLength(1);

    remove();
    const before = cms.requestsTo(resource).length;
    await error.get('button').trigger('click');
    await settle();
    expect(cms.requestsTo(resource).length).toBe(before + 1);
    expect(wrapper.find('main [data-testid="error-state"]').exists()).toBe(false);
    expectOneH1(wrapper, heading);
    expect(wrapper.get('main').text()).toContain(content);
  });
});

describe('home', () => {
  it('shows hero, the article summary, risk factors, questions and contact from the CMS', async () => {
    const { wrapper } = await mountApp('/');
    const main = wrapper.get('main');
    expectOneH1(wrapper, 'Ketamine infusion therapy for depression');
    expect(main.text()).toContain('Clear information about depression and ketamine treatment.');
    const articleLink = main.get('a[href="/articles/ketamine-for-depression"]');
    expect(articleLink.text()).toBe('Ketamine for Depression Near Mountain View, CA');
    expect(main.text()).toContain(articles.en[0]!.summary!);
    expect(main.findAll('[data-testid="risk-factors"] li')).toHaveLength(9);
    expect(main.findAll('button[aria-expanded]')).toHaveLength(4);
    expect(main.get('a[href="https://clinic.example/contact"]').attributes('rel')).toBe(
      'noopener noreferrer',
    );
  });

  it('says nothing is published yet instead of inventing contact details', async () => {
    cms.override('/site-setting', (req) => {
      const body = {
        data: {
          id: 1,
          documentId: 'x',
          locale: req.query.locale,
          clinicName: 'Clinic',
          location: null,
          contactUrl: null,
          contactText: null,
          crisisHelp: null,
          disclaimer: 'D',
          heroTitle: 'Hero',
          heroText: null,
        },
        meta: {},
      };
      return { status: 200, body };
    });
    const { wrapper } = await mountApp('/');
    expect(wrapper.get('[data-testid="contact"]').text()).toBe(
      'Contact details will be published here soon.',
    );
  });

  it('a failing section shows its own retry while the rest of the page works', async () => {
    const remove = cms.override('/faqs', 'network-error');
    const { wrapper } = await mountApp('/');
    expectOneH1(wrapper, 'Ketamine infusion therapy for depression');
    const error = wrapper.get('main [data-testid="error-state"]');
    expect(error.text()).toContain('You seem to be offline');
    expect(error.find('h3').exists()).toBe(true);
    remove();
    await error.get('button').trigger('click');
    await settle();
    expect(wrapper.findAll('main button[aria-expanded]')).toHaveLength(4);
  });
});

describe('article', () => {
  it('renders the body, and no review info or references when they are not set', async () => {
    const { wrapper } = await mountApp('/articles/ketamine-for-depression');
    const main = wrapper.get('main');
    expect(main.get('.blocks h2').text()).toBe('What is the primary cause of depression?');
    expect(main.findAll('h1')).toHaveLength(1);
    expect(main.findAll('.blocks li')).toHaveLength(2);
    expect(main.find('[data-testid="review-info"]').exists()).toBe(false);
    expect(main.text()).not.toContain('References');
  });

  it('shows review dates (UTC, per locale), reviewer, references and related questions when set', async () => {
    cms.override('/articles', (req) => {
      const [article] = articles.en;
      return {
        status: 200,
        body: {
          data: [
            {
              ...article,
              locale: req.query.locale,
              lastReviewed: '2026-01-01',
              nextReviewDue: '2027-01-01',
              reviewedBy: 'Clinical team',
              references: [
                {
                  id: 1,
                  label: 'NIMH: Depression',
                  url: 'https://www.nimh.nih.gov/health/topics/depression',
                },
                { id: 2, label: 'Bad link', url: 'javascript:alert(1)' },
              ],
              faqs: [
                {
                  id: 11,
                  documentId: 'faqdoc000000000000000002',
                  question: 'Is depression a genetic disease?',
                  order: 2,
                },
              ],
            },
          ],
          meta: { pagination: { page: 1, pageSize: 1, pageCount: 1, total: 1 } },
        },
      };
    });
    const { wrapper } = await mountApp('/articles/ketamine-for-depression');
    const info = wrapper.get('[data-testid="review-info"]');
    const times = info.findAll('time');
    expect(times.map((t) => t.attributes('datetime'))).toEqual(['2026-01-01', '2027-01-01']);
    expect(times.map((t) => t.text())).toEqual(['January 1, 2026', 'January 1, 2027']);
    expect(info.text()).toContain('Last reviewed');
    expect(info.text()).toContain('Next review due');
    expect(info.text()).toContain('Reviewed by');
    expect(info.text()).toContain('Clinical team');
    const refs = wrapper.findAll('.references li');
    expect(refs).toHaveLength(2);
    expect(refs[0]!.get('a').attributes('href')).toBe(
      'https://www.nimh.nih.gov/health/topics/depression',
    );
    expect(refs[1]!.find('a').exists()).toBe(false);
    expect(wrapper.get('a[href="/faq#faq-faqdoc000000000000000002"]').text()).toBe(
      'Is depression a genetic disease?',
    );
  });

  it('shows the cover with its alt text and responsive formats from /uploads', async () => {
    cms.override('/articles', (req) => ({
      status: 200,
      body: {
        data: [
          {
            ...articles.en[0],
            locale: req.query.locale,
            cover: {
              id: 7,
              documentId: 'cover0000000000000000001',
              url: '/uploads/calm_room_1a2b.jpg',
              alternativeText: 'A quiet treatment room',
              width: 1600,
              height: 900,
              formats: {
                small: { url: '/uploads/small_calm_room_1a2b.jpg', width: 500, height: 281 },
                medium: { url: '/uploads/medium_calm_room_1a2b.jpg', width: 750, height: 422 },
              },
            },
          },
        ],
        meta: { pagination: { page: 1, pageSize: 1, pageCount: 1, total: 1 } },
      },
    }));
    const { wrapper } = await mountApp('/articles/ketamine-for-depression');
    const img = wrapper.get('img.article__cover');
    expect(img.attributes('src')).toBe('/uploads/calm_room_1a2b.jpg');
    expect(img.attributes('alt')).toBe('A quiet treatment room');
    expect(img.attributes('width')).toBe('1600');
    expect(img.attributes('srcset')).toBe(
      '/uploads/small_calm_room_1a2b.jpg 500w, /uploads/medium_calm_room_1a2b.jpg 750w, /uploads/calm_room_1a2b.jpg 1600w',
    );
  });

  it('an unknown slug shows the 404 view', async () => {
    const { wrapper } = await mountApp('/articles/no-such-article');
    expect(wrapper.find('[data-testid="not-found"]').exists()).toBe(true);
    expectOneH1(wrapper, 'Page not found');
  });
});

describe('faq', () => {
  it('questions are disclosures that show and hide their answers', async () => {
    const { wrapper } = await mountApp('/faq');
    const buttons = wrapper.findAll('main button[aria-expanded]');
    expect(buttons).toHaveLength(4);
    const first = buttons[0]!;
    expect(first.text()).toContain('What is the primary cause of depression?');
    expect(first.attributes('aria-expanded')).toBe('false');
    const panel = wrapper.get(`#${first.attributes('aria-controls')}`);
    expect(panel.isVisible()).toBe(false);

    await first.trigger('click');
    expect(first.attributes('aria-expanded')).toBe('true');
    expect(panel.isVisible()).toBe(true);
    expect(panel.text()).toContain('a number of factors are involved');

    await first.trigger('click');
    expect(first.attributes('aria-expanded')).toBe('false');
  });

  it('a #faq-<documentId> link opens that question', async () => {
    const { wrapper } = await mountApp('/faq#faq-faqdoc000000000000000003');
    const opened = wrapper.findAll('main button[aria-expanded="true"]');
    expect(opened).toHaveLength(1);
    expect(opened[0]!.text()).toContain('What happens in the brain during depression?');
  });
});

describe('not found', () => {
  it.each([
    ['/no/such/page', 'Page not found', 'en'],
    ['/es/no-existe', 'Página no encontrada', 'es'],
  ])('%s shows the 404 view with crisis help', async (path, heading, lang) => {
    const { wrapper } = await mountApp(path);
    expectOneH1(wrapper, heading);
    expect(wrapper.find('[data-testid="crisis-help"]').exists()).toBe(true);
    expect(document.documentElement.getAttribute('lang')).toBe(lang);
  });
});

describe('navigation', () => {
  it('moving between pages does not refetch what is already loaded', async () => {
    const { wrapper, router } = await mountApp('/');
    const counts = () => cms.requests.length;
    const afterHome = counts();
    expect(afterHome).toBe(4); // settings, articles, risk factors, FAQs

    await wrapper.get('header nav a[href="/faq"]').trigger('click');
    await arrive(router, '/faq');
    await wrapper.get('header nav a[href="/risk-factors"]').trigger('click');
    await arrive(router, '/risk-factors');
    await wrapper.get('header nav a[href="/"]').trigger('click');
    await arrive(router, '/');
    expect(counts()).toBe(afterHome);
    expect(wrapper.findAll('main button[aria-expanded]')).toHaveLength(4);
  });
});
