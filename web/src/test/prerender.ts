import { renderPage } from '@/entry-server';
import { articles, faqs, riskFactors, settings } from '@/api/__tests__/fixtures/strapi';
import type { Locale } from '@/api';
import { snapshotApi, type Snapshot } from '../../renderer/snapshot';

/** The fixtures (the fake CMS's content) as the renderer's snapshot of the CMS. */
export function fixtureSnapshot(): Snapshot {
  const content = (locale: Locale) => ({
    settings: settings[locale],
    faqs: faqs[locale],
    riskFactors: riskFactors[locale],
    articleList: articles[locale],
    articles: new Map(articles[locale].map((a) => [a.documentId, a])),
  });
  return { en: content('en'), es: content('es') };
}

/** The smallest template the renderer can fill: the app, its state, the head. */
export const TEMPLATE =
  '<!doctype html><html><head></head><body><div id="app"><!--app-html--></div><!--app-state--></body></html>';

/** A page as the renderer prerenders it: what a visitor gets before (or without) scripts. */
export function renderFixturePage(url: string, snapshot: Snapshot = fixtureSnapshot()) {
  return renderPage(url, {
    api: snapshotApi(snapshot),
    siteUrl: 'https://clinic.example',
    template: TEMPLATE,
  });
}
