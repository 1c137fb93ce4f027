import { beforeEach, describe, expect, it } from 'vitest';
import { createPinia, setActivePinia } from 'pinia';
import { useFaqsStore } from '@/stores/faqs';
import { useSettingsStore } from '@/stores/settings';
import { useRiskFactorsStore } from '@/stores/riskFactors';
import { useArticlesStore } from '@/stores/articles';
import { installFakeCms, type FakeCms } from '@/test/cms';
import { ARTICLE_DOCUMENT_ID, errorBody } from '@/api/__tests__/fixtures/strapi';

let cms: FakeCms;

beforeEach(() => {
  setActivePinia(createPinia());
  cms = installFakeCms();
});

describe('list stores', () => {
  it.each([
    ['faqs', () => useFaqsStore(), '/api/faqs'],
    ['risk factors', () => useRiskFactorsStore(), '/api/risk-factors'],
    ['settings', () => useSettingsStore(), '/api/site-setting'],
  ] as const)('%s: cached per locale, no refetch on a second load', async (_name, use, path) => {
    const store = use();
    expect(store.state('en').status).toBe('idle');

    const pending = store.load('en');
    expect(store.state('en').status).toBe('loading');
    await pending;
    expect(store.state('en').status).toBe('success');
    expect(cms.requestsTo(path)).toHaveLength(1);

    await store.load('en');
    expect(cms.requestsTo(path)).toHaveLength(1);

    await store.load('es');
    expect(cms.requestsTo(path)).toHaveLength(2);
    expect(cms.requestsTo(path).map((r) => r.query.locale)).toEqual(['en', 'es']);
    expect(store.state('es').data).not.toEqual(store.state('en').data);
  });

  it('two concurrent loads share one request', async () => {
    const store = useFaqsStore();
    await Promise.all([store.load('en'), store.load('en'), store.reload('en')]);
    expect(cms.requestsTo('/api/faqs')).toHaveLength(1);
    expect(store.state('en').data).toHaveLength(4);
  });

  it('a store used from two components (two useStore calls) still makes one request', async () => {
    await Promise.all([useFaqsStore().load('en'), useFaqsStore().load('en')]);
    expect(cms.requestsTo('/api/faqs')).toHaveLength(1);
  });

  it('keeps the error, then reload fetches again and succeeds', async () => {
    const store = useFaqsStore();
    cms.override('/faqs', { status: 500, body: errorBody(500) });
    await store.load('en');
    const failed = store.state('en');
    expect(failed.status).toBe('error');
    expect(failed.error?.kind).toBe('server');
    expect(failed.data).toBeUndefined();

    cms.heal();
    await store.reload('en');
    expect(store.state('en').status).toBe('success');
    expect(cms.requestsTo('/api/faqs')).toHaveLength(2);
  });

  it('load after an error tries again (errors are not cached as final)', async () => {
    const store = useRiskFactorsStore();
    const remove = cms.override('/risk-factors', 'network-error');
    await store.load('en');
    expect(store.state('en').error?.kind).toBe('offline');
    remove();
    await store.load('en');
    expect(store.state('en').status).toBe('success');
  });
});

describe('articles store', () => {
  it('caches articles per locale and slug', async () => {
    const store = useArticlesStore();
    await Promise.all([
      store.loadArticle('en', 'ketamine-for-depression'),
      store.loadArticle('en', 'ketamine-for-depression'),
    ]);
    await store.loadArticle('en', 'ketamine-for-depression');
    expect(cms.requestsTo('/api/articles')).toHaveLength(1);

    await store.loadArticle('es', 'ketamina-para-la-depresion');
    expect(cms.requestsTo('/api/articles')).toHaveLength(2);
    expect(store.articleState('es', 'ketamina-para-la-depresion').data?.title).toBe(
      'Ketamina para la depresión cerca de Mountain View, CA',
    );
  });

  it('an unknown slug ends in a not-found error', async () => {
    const store = useArticlesStore();
    await store.loadArticle('en', 'does-not-exist');
    expect(store.articleState('en', 'does-not-exist').error?.kind).toBe('not-found');
  });

  it('list and translations are cached separately', async () => {
    const store = useArticlesStore();
    await store.loadList('en');
    await store.loadList('en');
    expect(cms.requestsTo('/api/articles')).toHaveLength(1);

    await Promise.all([
      store.loadTranslation(ARTICLE_DOCUMENT_ID, 'es'),
      store.loadTranslation(ARTICLE_DOCUMENT_ID, 'es'),
    ]);
    expect(cms.requestsTo(`/api/articles/${ARTICLE_DOCUMENT_ID}`)).toHaveLength(1);
    expect(store.translationState(ARTICLE_DOCUMENT_ID, 'es').data?.slug).toBe(
      'ketamina-para-la-depresion',
    );
  });
});
