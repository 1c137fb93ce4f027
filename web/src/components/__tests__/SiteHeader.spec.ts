import { beforeEach, describe, expect, it, vi } from 'vitest';
import { installFakeCms } from '@/test/cms';
import { arrive, mountApp } from '@/test/app';
import { renderFixturePage } from '@/test/prerender';

beforeEach(() => {
  document.body.innerHTML = '';
  installFakeCms();
});

/** Small screens: the navigation is behind a menu button (CSS decides when it is shown). */
describe('SiteHeader: menu button', () => {
  it.each([
    ['/', 'Menu', 'Main', ['Home', 'Articles', 'Questions', 'Risk factors', 'Glossary']],
    [
      '/es/faq',
      'Menú',
      'Principal',
      ['Inicio', 'Artículos', 'Preguntas', 'Factores de riesgo', 'Glosario'],
    ],
  ])(
    'on %s: a disclosure button named %j shows and hides the navigation',
    async (path, name, navName, links) => {
      const { wrapper } = await mountApp(path);
      const header = wrapper.get('header');
      const button = header.get('[data-testid="menu-button"]');
      expect(button.element.tagName).toBe('BUTTON');
      expect(button.attributes('type')).toBe('button');
      expect(button.text()).toBe(name);
      expect(button.attributes('aria-expanded')).toBe('false');

      const nav = header.get(`#${button.attributes('aria-controls')}`);
      expect(nav.element.tagName).toBe('NAV');
      expect(nav.attributes('aria-label')).toBe(navName);
      expect(nav.findAll('a').map((a) => a.text())).toEqual(links);
      expect(header.classes()).not.toContain('is-open');

      await button.trigger('click');
      expect(button.attributes('aria-expanded')).toBe('true');
      expect(header.classes()).toContain('is-open');

      await button.trigger('click');
      expect(button.attributes('aria-expanded')).toBe('false');
      expect(header.classes()).not.toContain('is-open');
    },
  );

  it('Escape closes the menu and puts focus back on the button', async () => {
    const { wrapper } = await mountApp('/');
    const button = wrapper.get('[data-testid="menu-button"]');
    await button.trigger('click');
    const link = wrapper.get('#site-nav a');
    (link.element as HTMLElement).focus();
    await link.trigger('keydown', { key: 'Escape' });
    expect(button.attributes('aria-expanded')).toBe('false');
    expect(document.activeElement).toBe(button.element);
  });

  it('following a link closes the menu', async () => {
    const { wrapper, router } = await mountApp('/');
    const button = wrapper.get('[data-testid="menu-button"]');
    await button.trigger('click');
    await wrapper.get('#site-nav a[href="/faq"]').trigger('click', { button: 0 });
    await arrive(router, '/faq');
    expect(button.attributes('aria-expanded')).toBe('false');
    expect(wrapper.get('header').classes()).not.toContain('is-open');
  });

  it('stays open when the page was opened at the navigation (the link, before scripts ran)', async () => {
    // The router cannot scroll to it before the app is mounted (as in the browser): not a failure.
    vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const { wrapper } = await mountApp('/es#site-nav');
    expect(wrapper.get('[data-testid="menu-button"]').attributes('aria-expanded')).toBe('true');
  });
});

describe('SiteHeader: prerendered markup (scripts off)', () => {
  it.each([
    ['/', 'Menu', 'Questions'],
    ['/es/articles', 'Menú', 'Preguntas'],
  ])(
    '%s: the menu control is a link to the navigation, whose links are in the HTML',
    async (url, name, faq) => {
      const { html } = await renderFixturePage(url);
      const doc = new DOMParser().parseFromString(html, 'text/html');
      const header = doc.querySelector('header')!;
      expect(header.className).toBe('site-header');
      const toggle = header.querySelector('[data-testid="menu-button"]')!;
      expect(toggle.tagName).toBe('A');
      expect(toggle.getAttribute('href')).toBe('#site-nav');
      expect(toggle.textContent?.trim()).toBe(name);
      const nav = header.querySelector('nav#site-nav')!;
      expect([...nav.querySelectorAll('a')].map((a) => a.textContent?.trim())).toContain(faq);
    },
  );
});
