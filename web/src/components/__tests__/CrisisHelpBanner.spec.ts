import { beforeEach, describe, expect, it, vi } from 'vitest';
import { installFakeCms, type FakeCms } from '@/test/cms';
import { mountApp } from '@/test/app';
import { errorBody } from '@/api/__tests__/fixtures/strapi';
import { renderFixturePage } from '@/test/prerender';

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
    // The compact line's call link, then the message's own link.
    expect(hrefs(banner.get('[data-testid="crisis-compact"]'))).toEqual(['tel:988']);
    expect(hrefs(banner.get('#crisis-help-details'))).toEqual(['tel:988']);
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

/** Small screens: one line with 988 and a disclosure button for the whole message (CSS decides). */
describe('CrisisHelpBanner: compact line', () => {
  it.each([
    ['/', 'Call 988', 'More help'],
    ['/es', 'Llamar al 988', 'Más ayuda'],
    ['/faq', 'Call 988', 'More help'],
    ['/es/articles/ketamina-para-la-depresion', 'Llamar al 988', 'Más ayuda'],
  ])('on %s: a tel:988 link and a button that expands the message', async (path, call, more) => {
    const { wrapper } = await mountApp(path);
    const banner = wrapper.get('aside[data-testid="crisis-help"]');
    const compact = banner.get('[data-testid="crisis-compact"]');
    const link = compact.get('a');
    expect(link.attributes('href')).toBe('tel:988');
    expect(link.text()).toBe(call);

    const toggle = compact.get('[data-testid="crisis-toggle"]');
    expect(toggle.element.tagName).toBe('BUTTON');
    expect(toggle.attributes('type')).toBe('button');
    expect(toggle.text()).toBe(more);
    expect(toggle.attributes('aria-expanded')).toBe('false');
    // It controls the whole message, which is in the page (CSS hides it on small screens).
    const details = banner.get(`#${toggle.attributes('aria-controls')}`);
    expect(details.text()).toContain('988');
    expect(banner.classes()).not.toContain('is-open');

    await toggle.trigger('click');
    expect(toggle.attributes('aria-expanded')).toBe('true');
    expect(banner.classes()).toContain('is-open');

    await toggle.trigger('click');
    expect(toggle.attributes('aria-expanded')).toBe('false');
    expect(banner.classes()).not.toContain('is-open');
  });

  it('expands to the built-in message when the CMS is down', async () => {
    cms.override('/site-setting', 'network-error');
    const { wrapper } = await mountApp('/es/faq');
    const toggle = wrapper.get('[data-testid="crisis-toggle"]');
    const details = wrapper.get(`#${toggle.attributes('aria-controls')}`);
    expect(hrefs(details.get('[data-testid="crisis-fallback"]'))).toEqual([
      'tel:988',
      'sms:988',
      'tel:+18886289454',
      'tel:911',
    ]);
    expect(hrefs(wrapper.get('[data-testid="crisis-compact"]'))).toEqual(['tel:988']);
  });

  it('stays open when the page was opened at the message (the link, before scripts ran)', async () => {
    // The router cannot scroll to it before the app is mounted (as in the browser): not a failure.
    vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const { wrapper } = await mountApp('/#crisis-help-details');
    expect(wrapper.get('[data-testid="crisis-toggle"]').attributes('aria-expanded')).toBe('true');
  });
});

describe('CrisisHelpBanner: prerendered markup (scripts off)', () => {
  it.each([
    ['/', 'Call 988'],
    ['/es', 'Llamar al 988'],
  ])('%s: the control is a link to the whole message, which is in the HTML', async (url, call) => {
    const { html } = await renderFixturePage(url);
    const doc = new DOMParser().parseFromString(html, 'text/html');
    const banner = doc.querySelector('aside[data-testid="crisis-help"]')!;
    expect(banner.className).toBe('crisis');
    const toggle = banner.querySelector('[data-testid="crisis-toggle"]')!;
    expect(toggle.tagName).toBe('A');
    expect(toggle.getAttribute('href')).toBe('#crisis-help-details');
    expect(banner.querySelector('#crisis-help-details a[href="tel:988"]')).not.toBeNull();
    const call988 = banner.querySelector('[data-testid="crisis-compact"] a[href="tel:988"]');
    expect(call988?.textContent).toBe(call);
    expect(html).not.toMatch(/\sstyle="/);
  });
});
