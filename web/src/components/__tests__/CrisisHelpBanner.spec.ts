import { beforeEach, describe, expect, it } from 'vitest';
import { installFakeCms, type FakeCms } from '@/test/cms';
import { mountApp } from '@/test/app';
import { errorBody } from '@/api/__tests__/fixtures/strapi';

let cms: FakeCms;

beforeEach(() => {
  document.body.innerHTML = '';
  cms = installFakeCms();
});

function hrefs(el: {
  findAll(selector: string): { attributes(name: string): string | undefined }[];
}) {
  return el.findAll('a').map((a) => a.attributes('href'));
}

describe('CrisisHelpBanner', () => {
  it('shows the CMS crisis message when the CMS answers', async () => {
    const { wrapper } = await mountApp('/');
    const banner = wrapper.get('[data-testid="crisis-help"]');
    expect(banner.element.tagName).toBe('ASIDE');
    expect(banner.attributes('aria-label')).toBe('Crisis help');
    expect(banner.text()).toContain('CMS crisis message: call or text 988 any time.');
    expect(hrefs(banner)).toEqual(['tel:988']);
    expect(banner.find('[data-testid="crisis-fallback"]').exists()).toBe(false);
  });

  it.each([
    ['a 500', { status: 500, body: errorBody(500) }],
    ['a network failure', 'network-error'],
    ['no settings for the locale (404)', { status: 404, body: errorBody(404) }],
  ] as const)('falls back to the built-in message on %s (English)', async (_name, outcome) => {
    cms.override('/site-setting', outcome);
    const { wrapper } = await mountApp('/faq');
    const banner = wrapper.get('[data-testid="crisis-help"]');
    const fallback = banner.get('[data-testid="crisis-fallback"]');
    expect(fallback.text()).toContain(
      'If you are in crisis, call or text 988 (Suicide & Crisis Lifeline), or call 911 in an emergency.',
    );
    expect(hrefs(fallback)).toEqual(['tel:988', 'sms:988', 'tel:911']);
    // The rest of the page still works.
    expect(wrapper.findAll('main button[aria-expanded]')).toHaveLength(4);
  });

  it('falls back in Spanish with the Lifeline Spanish line', async () => {
    cms.override('/site-setting', 'network-error');
    const { wrapper } = await mountApp('/es/articles');
    const fallback = wrapper.get('[data-testid="crisis-fallback"]');
    expect(fallback.text()).toContain(
      'Si está en crisis, llame o envíe un mensaje de texto al 988',
    );
    expect(fallback.text()).toContain('1-888-628-9454');
    expect(fallback.text()).toContain('911');
    expect(hrefs(fallback)).toEqual(['tel:988', 'sms:988', 'tel:+18886289454', 'tel:911']);
  });

  it('shows the fallback while the settings are still loading (crisis help never waits)', async () => {
    cms.override('/site-setting', 'hang');
    const { wrapper } = await mountApp('/');
    expect(wrapper.find('[data-testid="crisis-fallback"]').exists()).toBe(true);
  });

  it('falls back when the CMS message is empty', async () => {
    cms.override('/site-setting', (req) => ({
      status: 200,
      body: {
        data: {
          id: 1,
          documentId: 'x',
          locale: req.query.locale,
          clinicName: 'C',
          crisisHelp: [{ type: 'paragraph', children: [{ type: 'text', text: ' ' }] }],
          heroTitle: 'H',
        },
        meta: {},
      },
    }));
    const { wrapper } = await mountApp('/');
    expect(wrapper.find('[data-testid="crisis-fallback"]').exists()).toBe(true);
  });

  it('is shown on the 404 page and in error states too', async () => {
    cms.override('/site-setting', { status: 503, body: errorBody(503) });
    cms.override('/faqs', { status: 503, body: errorBody(503) });
    const { wrapper } = await mountApp('/faq');
    expect(wrapper.find('[data-testid="error-state"]').exists()).toBe(true);
    expect(wrapper.find('[data-testid="crisis-fallback"]').exists()).toBe(true);
  });
});
