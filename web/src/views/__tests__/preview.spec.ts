import { beforeEach, describe, expect, it } from 'vitest';
import type { VueWrapper } from '@vue/test-utils';
import {
  deferred,
  EXPIRED_PREVIEW_TOKEN,
  GONE_PREVIEW_TOKEN,
  installFakeCms,
  PREVIEW_REFUSALS,
  previewToken,
  type FakeCms,
} from '@/test/cms';
import { arrive, mountApp, settle } from '@/test/app';
import { errorBody } from '@/api/__tests__/fixtures/strapi';

let cms: FakeCms;

beforeEach(() => {
  document.body.innerHTML = '';
  document.documentElement.setAttribute('lang', 'en');
  document.head.querySelectorAll('[data-head]').forEach((el) => el.remove());
  cms = installFakeCms();
});

const NOTICE = 'Preview of unpublished content — visitors cannot see this page';

async function open(token?: string, prefix = '') {
  const path =
    token === undefined
      ? `${prefix}/preview`
      : `${prefix}/preview?token=${encodeURIComponent(token)}`;
  const app = await mountApp(path);
  await settle();
  return app;
}

function expectOneH1(wrapper: VueWrapper, text: string) {
  const all = wrapper.findAll('h1');
  expect(all).toHaveLength(1);
  expect(all[0]!.text()).toBe(text);
}

function robots() {
  return document.head.querySelector('meta[name="robots"]')?.getAttribute('content');
}

describe('/preview', () => {
  it('shows a skeleton under the notice while loading, then the draft', async () => {
    const gate = deferred();
    cms.override('/preview', gate.outcome);
    const { wrapper } = await open(previewToken('faq'));
    expect(wrapper.get('main [data-testid="preview-notice"]').text()).toBe(NOTICE);
    expect(wrapper.find('main [data-testid="skeleton"]').exists()).toBe(true);

    gate.release();
    await settle();
    expect(wrapper.find('main [data-testid="skeleton"]').exists()).toBe(false);
    expectOneH1(wrapper, 'Draft question: can ketamine help?');
  });

  it('renders an article draft like the article page, with notice and noindex', async () => {
    const { wrapper } = await open(previewToken('article'));
    const main = wrapper.get('main');
    expect(main.get('[data-testid="preview-notice"]').text()).toBe(NOTICE);
    expectOneH1(wrapper, 'Draft: Ketamine and depression, updated');
    expect(main.text()).toContain('This draft paragraph is not published yet.');
    // Same pieces as the public article page: related questions, references, review info.
    expect(main.get('#related-faqs').text()).toBe('Related questions');
    const related = main.get('a[href="/faq#faq-faqdoc000000000000000004"]');
    expect(related.text()).toBe('How does ketamine work?');
    expect(main.get('#references-heading').text()).toBe('References');
    expect(main.get('a[href="https://www.nimh.nih.gov/"]').text()).toBe('NIMH: Depression');
    expect(main.get('[data-testid="review-info"]').text()).toContain('Dr. Ana Ruiz');
    expect(document.documentElement.getAttribute('lang')).toBe('en');
    expect(robots()).toBe('noindex');
    expect(document.title).toContain('Draft: Ketamine and depression, updated');
    expect(cms.requestsTo('/api/preview')[0]!.query).toEqual({ token: previewToken('article') });
  });

  it('renders a Spanish draft under /es in Spanish: UI strings and html lang', async () => {
    const { wrapper, router } = await open(previewToken('article', 'es'), '/es');
    const main = wrapper.get('main');
    expectOneH1(wrapper, 'Borrador: la ketamina y la depresión');
    expect(main.text()).toContain('Este párrafo del borrador aún no se ha publicado.');
    expect(main.get('[data-testid="preview-notice"]').text()).toBe(
      'Vista previa de contenido no publicado — los visitantes no pueden ver esta página',
    );
    expect(document.documentElement.getAttribute('lang')).toBe('es');

    // Leaving the preview gives the page back its own language.
    await router.push('/faq');
    await arrive(router, '/faq');
    expect(document.documentElement.getAttribute('lang')).toBe('en');
    expectOneH1(wrapper, 'Questions and answers');
  });

  it('renders a FAQ draft: the question as h1 and the answer', async () => {
    const { wrapper } = await open(previewToken('faq'));
    expect(wrapper.get('main [data-testid="preview-notice"]').text()).toBe(NOTICE);
    expectOneH1(wrapper, 'Draft question: can ketamine help?');
    expect(wrapper.get('main').text()).toContain('Draft answer, not yet published.');
  });

  it('renders a risk factor draft: name as h1 and description', async () => {
    const { wrapper } = await open(previewToken('risk-factor'));
    expect(wrapper.get('main [data-testid="preview-notice"]').text()).toBe(NOTICE);
    expectOneH1(wrapper, 'Draft risk factor: chronic pain');
    expect(wrapper.get('main').text()).toContain(
      'Long-lasting pain can make depression more likely.',
    );
  });

  it('renders a glossary term draft under /es: the term as h1 and its definition', async () => {
    const { wrapper } = await open(previewToken('glossary-term', 'es'), '/es');
    expectOneH1(wrapper, 'Cortisol');
    expect(wrapper.get('main').text()).toContain('Definición en borrador: una hormona.');
  });

  it('renders site settings under /es: hero, crisis help and disclaimer', async () => {
    const { wrapper } = await open(previewToken('site-setting', 'es'), '/es');
    const main = wrapper.get('main');
    expect(main.get('[data-testid="preview-notice"]').text()).toContain('Vista previa');
    expectOneH1(wrapper, 'Portada en borrador: atención con ketamina');
    expect(main.text()).toContain('Texto de portada en borrador.');
    expect(main.get('#preview-crisis').text()).toBe('Ayuda en crisis');
    expect(main.text()).toContain('Ayuda en crisis en borrador: llame o envíe un texto al 988.');
    expect(main.get('#preview-disclaimer').text()).toBe('Aviso médico');
    expect(main.text()).toContain('Aviso en borrador: este sitio es solo educativo.');
  });

  it('without a token sends no request and explains', async () => {
    const { wrapper } = await open();
    expect(cms.requestsTo('/api/preview')).toHaveLength(0);
    expectOneH1(wrapper, 'This preview is not available');
    expect(wrapper.get('main').text()).toContain(PREVIEW_REFUSALS.missing);
    expect(wrapper.find('[data-testid="preview-notice"]').exists()).toBe(false);
    expect(robots()).toBe('noindex');
  });

  it.each([
    ['expired', EXPIRED_PREVIEW_TOKEN, PREVIEW_REFUSALS.expired],
    ['invalid', 'tampered.token', PREVIEW_REFUSALS.invalid],
  ])('with an %s token shows the CMS message, never a draft', async (_, token, message) => {
    const { wrapper } = await open(token);
    expect(cms.requestsTo('/api/preview')).toHaveLength(1);
    const main = wrapper.get('main');
    expectOneH1(wrapper, 'This preview is not available');
    expect(main.get('[data-testid="preview-unavailable"] p').text()).toBe(message);
    expect(main.find('[data-testid="preview-notice"]').exists()).toBe(false);
    expect(main.find('[data-testid="error-state"]').exists()).toBe(false);
    expect(wrapper.text()).not.toMatch(/UnauthorizedError|status code|axios|401/i);
    expect(robots()).toBe('noindex');
  });

  it('falls back to its own words when the 401 has no message', async () => {
    cms.override('/preview', { status: 401, body: 'Unauthorized', contentType: 'text/plain' });
    const { wrapper } = await open(previewToken('faq'));
    expectOneH1(wrapper, 'This preview is not available');
    expect(wrapper.get('main [data-testid="preview-unavailable"] p').text()).toBe(
      'A preview link is needed to see unpublished content.',
    );
  });

  it('says the content no longer exists on 404', async () => {
    const { wrapper } = await open(GONE_PREVIEW_TOKEN);
    expectOneH1(wrapper, 'This content no longer exists');
    expect(wrapper.find('[data-testid="preview-notice"]').exists()).toBe(false);
  });

  it('shows the error state with a retry on other errors', async () => {
    const remove = cms.override('/preview', { status: 500, body: errorBody(500) });
    const { wrapper } = await open(previewToken('faq'));
    const error = wrapper.get('main [data-testid="error-state"]');
    expectOneH1(wrapper, 'This page could not be loaded');
    expect(wrapper.text()).not.toMatch(/InternalServerError|status code|axios|500/i);

    remove();
    await error.get('button').trigger('click');
    await settle();
    expect(cms.requestsTo('/api/preview')).toHaveLength(2);
    expectOneH1(wrapper, 'Draft question: can ketamine help?');
  });

  it('fetches again on every visit (nothing is cached)', async () => {
    const path = `/preview?token=${previewToken('faq')}`;
    const { wrapper, router } = await open(previewToken('faq'));
    expectOneH1(wrapper, 'Draft question: can ketamine help?');
    expect(cms.requestsTo('/api/preview')).toHaveLength(1);

    await router.push('/');
    await arrive(router, '/');
    cms.override('/preview', {
      status: 200,
      body: {
        data: {
          type: 'faq',
          locale: 'en',
          status: 'draft',
          document: { question: 'Edited again', answer: null, order: 1 },
        },
      },
    });
    await router.push(path);
    await arrive(router, '/preview');
    expect(cms.requestsTo('/api/preview')).toHaveLength(2);
    expectOneH1(wrapper, 'Edited again');
  });
});
