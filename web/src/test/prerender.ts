import { renderPage } from '@/entry-server';
import { createCmsApi, type QueryFetcher } from '@/api';
import { fixtureFetcher } from './cms';

/** The smallest template the renderer can fill: the app, its state, the head. */
export const TEMPLATE =
  '<!doctype html><html><head></head><body><div id="app"><!--app-html--></div><!--app-state--></body></html>';

/**
 * A page as the renderer prerenders it (what a visitor gets before, or without, scripts), from
 * the fixtures without a request; `fetcher` to answer differently.
 */
export function renderFixturePage(url: string, fetcher: QueryFetcher = fixtureFetcher) {
  return renderPage(url, {
    api: createCmsApi(fetcher),
    siteUrl: 'https://clinic.example',
    template: TEMPLATE,
  });
}
