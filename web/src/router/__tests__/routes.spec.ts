import { describe, expect, it } from 'vitest';
import { routes } from '@/router';
import { staticPath } from '@/router/paths';
import en from '@/i18n/en';
import es from '@/i18n/es';
import { prerenderedRoutes } from '../../../renderer/pages';

/** The routes are the one list of the site's pages: what they declare must hold together. */
describe('routes', () => {
  it.each(routes.map((route) => [String(route.name), route] as const))(
    '%s: a page that loads content is prerendered',
    (_name, route) => {
      if (route.meta?.load) expect(route.meta.prerender).toBeDefined();
    },
  );

  it('a prerendered route with parameters lists its paths (the renderer refuses one that does not)', () => {
    const withParams = routes.filter(
      (route) => route.meta?.prerender && staticPath(route.path) === null,
    );
    expect(withParams.map((route) => route.name)).toEqual(['article', 'not-found']);
    for (const route of withParams) expect(route.meta?.prerender?.paths).toBeTypeOf('function');
    const broken = [{ ...routes[2]!, meta: { prerender: {} } }];
    expect(() => prerenderedRoutes(broken)).toThrow(/needs `paths`/);
  });

  it('the navigation links only pages without parameters, each with a label in both languages', () => {
    const linked = routes.filter((route) => route.meta?.nav);
    expect(linked.map((route) => route.name)).toEqual([
      'home',
      'articles',
      'faq',
      'risk-factors',
      'glossary',
    ]);
    const lookup = (messages: object, key: string) =>
      key
        .split('.')
        .reduce<unknown>((node, part) => (node as Record<string, unknown>)?.[part], messages);
    for (const route of linked) {
      expect(staticPath(route.path)).not.toBeNull();
      expect(lookup(en, route.meta!.nav!)).toBeTypeOf('string');
      expect(lookup(es, route.meta!.nav!)).toBeTypeOf('string');
    }
  });
});
