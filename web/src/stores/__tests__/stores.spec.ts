import { beforeEach, describe, expect, it } from 'vitest';
import { createPinia, setActivePinia } from 'pinia';
import { useContentStore } from '@/stores/content';
import { installFakeCms, type FakeCms } from '@/test/cms';
import { ARTICLE_DOCUMENT_ID, errorBody } from '@/api/__tests__/fixtures/strapi';

let cms: FakeCms;

beforeEach(() => {
  setActivePinia(createPinia());
  cms = installFakeCms();
});

describe('content store: one answer per question', () => {
  it.each([
    ['getFaqs', '/api/faqs'],
    ['getRiskFactors', '/api/risk-factors'],
    ['getSiteSetting', '/api/site-setting'],
    ['getGlossaryTerms', '/api/glossary-terms'],
  ] as const)('%s: kept per locale, no refetch on a second load', async (name, path) => {
    const store = useContentStore();
    expect(store.state(name, 'en').status).toBe('idle');

    const pending = store.load(name, 'en');
    expect(store.state(name, 'en').status).toBe('loading');
    await pending;
    expect(store.state(name, 'en').status).toBe('success');
    expect(cms.requestsTo(path)).toHaveLength(1);

    await store.load(name, 'en');
    expect(cms.requestsTo(path)).toHaveLength(1);

    await store.load(name, 'es');
    expect(cms.requestsTo(path)).toHaveLength(2);
    expect(cms.requestsTo(path).map((r) => r.query.locale)).toEqual(['en', 'es']);
    expect(store.state(name, 'es').data).not.toEqual(store.state(name, 'en').data);
  });

  it('two concurrent loads share one request', async () => {
    const store = useContentStore();
    await Promise.all([
      store.load('getFaqs', 'en'),
      store.load('getFaqs', 'en'),
      store.reload('getFaqs', 'en'),
    ]);
    expect(cms.requestsTo('/api/faqs')).toHaveLength(1);
    expect(store.state('getFaqs', 'en').data).toHaveLength(4);
  });

  it('the store used from two components (two useStore calls) still makes one request', async () => {
    await Promise.all([
      useContentStore().load('getFaqs', 'en'),
      useContentStore().load('getFaqs', 'en'),
    ]);
    expect(cms.requestsTo('/api/faqs')).toHaveLength(1);
  });

  it('keeps the error, then reload fetches again and succeeds', async () => {
    const store = useContentStore();
    cms.override('/faqs', { status: 500, body: errorBody(500) });
    await store.load('getFaqs', 'en');
    const failed = store.state('getFaqs', 'en');
    expect(failed.status).toBe('error');
    expect(failed.error?.kind).toBe('server');
    expect(failed.data).toBeUndefined();

    cms.heal();
    await store.reload('getFaqs', 'en');
    expect(store.state('getFaqs', 'en').status).toBe('success');
    expect(cms.requestsTo('/api/faqs')).toHaveLength(2);
  });

  it('load after an error tries again (errors are not kept as final)', async () => {
    const store = useContentStore();
    const remove = cms.override('/risk-factors', 'network-error');
    await store.load('getRiskFactors', 'en');
    expect(store.state('getRiskFactors', 'en').error?.kind).toBe('offline');
    remove();
    await store.load('getRiskFactors', 'en');
    expect(store.state('getRiskFactors', 'en').status).toBe('success');
  });

  it('keeps articles per locale and slug', async () => {
    const store = useContentStore();
    await Promise.all([
      store.load('getArticleBySlug', 'en', 'ketamine-for-depression'),
      store.load('getArticleBySlug', 'en', 'ketamine-for-depression'),
    ]);
    await store.load('getArticleBySlug', 'en', 'ketamine-for-depression');
    expect(cms.requestsTo('/api/articles')).toHaveLength(1);

    await store.load('getArticleBySlug', 'es', 'ketamina-para-la-depresion');
    expect(cms.requestsTo('/api/articles')).toHaveLength(2);
    expect(store.state('getArticleBySlug', 'es', 'ketamina-para-la-depresion').data?.title).toBe(
      'Ketamina para la depresión cerca de Mountain View, CA',
    );
  });

  it('a definite "not found" is kept: an unknown slug is asked once', async () => {
    const store = useContentStore();
    await store.load('getArticleBySlug', 'en', 'does-not-exist');
    await store.load('getArticleBySlug', 'en', 'does-not-exist');
    expect(store.state('getArticleBySlug', 'en', 'does-not-exist').error?.kind).toBe('not-found');
    expect(cms.requestsTo('/api/articles')).toHaveLength(1);
  });

  it('different questions about one type are kept apart', async () => {
    const store = useContentStore();
    await store.load('getArticles', 'en');
    await store.load('getArticles', 'en');
    expect(cms.requestsTo('/api/articles')).toHaveLength(1);

    await Promise.all([
      store.load('getArticleTranslation', ARTICLE_DOCUMENT_ID, 'es'),
      store.load('getArticleTranslation', ARTICLE_DOCUMENT_ID, 'es'),
    ]);
    expect(cms.requestsTo(`/api/articles/${ARTICLE_DOCUMENT_ID}`)).toHaveLength(1);
    expect(store.state('getArticleTranslation', ARTICLE_DOCUMENT_ID, 'es').data?.slug).toBe(
      'ketamina-para-la-depresion',
    );
  });

  it('its state is plain data keyed by the question, as a prerendered page carries it', async () => {
    const store = useContentStore();
    await store.load('getFaqs', 'es');
    expect(Object.keys(store.entries)).toEqual(['["getFaqs","es"]']);
    expect(JSON.parse(JSON.stringify(store.entries))).toEqual(store.entries);
  });
});
