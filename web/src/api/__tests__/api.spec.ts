import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ApiError, cmsApi, toApiError } from '@/api';
import { REQUEST_TIMEOUT_MS } from '@/api/config';
import { installFakeCms, type FakeCms } from '@/test/cms';
import { ARTICLE_DOCUMENT_ID, articles, errorBody } from './fixtures/strapi';

const {
  getAllArticles,
  getArticleBySlug,
  getArticles,
  getArticleTranslation,
  getFaqs,
  getGlossaryTerms,
  getRiskFactors,
  getSiteSetting,
} = cmsApi;

let cms: FakeCms;

beforeEach(() => {
  cms = installFakeCms();
});

afterEach(() => {
  vi.useRealTimers();
});

function only(suffix: string) {
  const reqs = cms.requestsTo(suffix);
  expect(reqs).toHaveLength(1);
  return reqs[0]!;
}

describe('query strings', () => {
  it('asks for the site settings in a locale', async () => {
    const data = await getSiteSetting('es');
    const req = only('/api/site-setting');
    expect(req.method).toBe('GET');
    expect(req.query).toEqual({ locale: 'es' });
    expect(data.heroTitle).toBe('Terapia de infusión de ketamina para la depresión');
  });

  it('lists FAQs sorted by order, 100 per page, without asking for a status', async () => {
    const data = await getFaqs('en');
    const req = only('/api/faqs');
    expect(req.search).toBe(
      'locale=en&populate[article][fields][0]=title&populate[article][fields][1]=slug&sort[0]=order%3Aasc&pagination[pageSize]=100',
    );
    expect(req.query).not.toHaveProperty('status');
    expect(data.map((f) => f.question)).toEqual([
      'What is the primary cause of depression?',
      'Is depression a genetic disease?',
      'What happens in the brain during depression?',
      'How does ketamine work?',
    ]);
  });

  it('reads every glossary term, a page of 100 at a time, in a stable order', async () => {
    const data = await getGlossaryTerms('es');
    const req = only('/api/glossary-terms');
    expect(req.query).toEqual({
      locale: 'es',
      sort: ['documentId:asc'],
      pagination: { page: '1', pageSize: '100' },
    });
    expect(data.map((term) => term.slug).sort()).toEqual([
      'cortisol',
      'terapia-de-infusion-de-ketamina',
    ]);
  });

  it('follows the pages of a whole listing until the last', async () => {
    cms.content['api::article.article']!.en = Array.from({ length: 230 }, (_, i) => ({
      ...articles.en[0]!,
      id: 1000 + i,
      documentId: `article${String(i).padStart(17, '0')}`,
      slug: `article-${i}`,
    }));
    const all = await getAllArticles('en');
    expect(all).toHaveLength(230);
    expect(new Set(all.map((article) => article.documentId)).size).toBe(230);
    expect(cms.requestsTo('/api/articles').map((r) => r.query.pagination)).toEqual([
      { page: '1', pageSize: '100' },
      { page: '2', pageSize: '100' },
      { page: '3', pageSize: '100' },
    ]);
  });

  it('lists risk factors sorted by order', async () => {
    const data = await getRiskFactors('es');
    const req = only('/api/risk-factors');
    expect(req.query).toEqual({
      locale: 'es',
      sort: ['order:asc'],
      pagination: { pageSize: '100' },
    });
    expect(data).toHaveLength(9);
  });

  it('lists articles with the fields the list needs and the cover populated', async () => {
    const data = await getArticles('en');
    const req = only('/api/articles');
    expect(req.query).toEqual({
      locale: 'en',
      fields: ['title', 'slug', 'summary', 'lastReviewed'],
      populate: { cover: 'true' },
      sort: ['title:asc'],
      pagination: { pageSize: '100' },
    });
    expect(data[0]?.slug).toBe('ketamine-for-depression');
  });

  it('finds an article by slug with filters[slug][$eq] and explicit populate', async () => {
    const article = await getArticleBySlug('es', 'ketamina-para-la-depresion');
    const req = only('/api/articles');
    expect(req.search).toContain('filters[slug][$eq]=ketamina-para-la-depresion');
    expect(req.query).toEqual({
      locale: 'es',
      filters: { slug: { $eq: 'ketamina-para-la-depresion' } },
      populate: {
        cover: 'true',
        seo: 'true',
        references: 'true',
        faqs: { fields: ['question', 'order'] },
        relatedArticles: { fields: ['title', 'slug', 'summary'] },
      },
      pagination: { pageSize: '1' },
    });
    expect(article.documentId).toBe(ARTICLE_DOCUMENT_ID);
  });

  it('encodes values (not brackets) so odd slugs stay one value', async () => {
    await expect(getArticleBySlug('en', 'a&b=c d')).rejects.toMatchObject({ kind: 'not-found' });
    const req = only('/api/articles');
    expect(req.search).toContain('filters[slug][$eq]=a%26b%3Dc%20d');
    expect(req.query).toMatchObject({ filters: { slug: { $eq: 'a&b=c d' } } });
  });

  it('looks up a translation by documentId and locale', async () => {
    const ref = await getArticleTranslation(ARTICLE_DOCUMENT_ID, 'es');
    const req = only(`/api/articles/${ARTICLE_DOCUMENT_ID}`);
    expect(req.query).toEqual({ locale: 'es', fields: ['title', 'slug'] });
    expect(ref.slug).toBe('ketamina-para-la-depresion');
  });
});

describe('errors are normalized into ApiError', () => {
  it.each([
    [404, 'not-found'],
    [400, 'bad-request'],
    [403, 'bad-request'],
    [500, 'server'],
    [502, 'server'],
    [503, 'server'],
    [504, 'timeout'],
  ] as const)('HTTP %i → %s', async (status, kind) => {
    cms.override('/faqs', { status, body: errorBody(status) });
    const error = await getFaqs('en').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ kind, status });
    // Nothing of axios leaks out.
    expect(error).not.toHaveProperty('isAxiosError');
    expect(error).not.toHaveProperty('config');
    expect(error).not.toHaveProperty('response');
  });

  it('an unknown slug (empty list) is not-found', async () => {
    await expect(getArticleBySlug('en', 'nope')).rejects.toMatchObject({
      kind: 'not-found',
      status: 404,
    });
  });

  it('a missing translation (404 from findOne) is not-found', async () => {
    cms.override(`/articles/${ARTICLE_DOCUMENT_ID}`, { status: 404, body: errorBody(404) });
    await expect(getArticleTranslation(ARTICLE_DOCUMENT_ID, 'es')).rejects.toMatchObject({
      kind: 'not-found',
    });
  });

  it('findOne answering { data: null } is not-found too', async () => {
    cms.override('/site-setting', { status: 200, body: { data: null, meta: {} } });
    await expect(getSiteSetting('en')).rejects.toMatchObject({ kind: 'not-found' });
  });

  it('a network failure is offline', async () => {
    cms.override('/faqs', 'network-error');
    await expect(getFaqs('en')).rejects.toMatchObject({ kind: 'offline' });
  });

  it('a hung CMS times out after the configured timeout', async () => {
    vi.useFakeTimers();
    cms.override('/faqs', 'hang');
    const result = getFaqs('en').catch((e: unknown) => e);
    await vi.advanceTimersByTimeAsync(REQUEST_TIMEOUT_MS - 1);
    let settled = false;
    void result.then(() => (settled = true));
    await Promise.resolve();
    expect(settled).toBe(false);
    await vi.advanceTimersByTimeAsync(2);
    const error = await result;
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ kind: 'timeout' });
  });

  it('an HTML page instead of JSON (e.g. a proxy error page) is a server error', async () => {
    cms.override('/faqs', {
      status: 200,
      body: '<!doctype html><p>Bad gateway</p>',
      contentType: 'text/html',
    });
    await expect(getFaqs('en')).rejects.toMatchObject({ kind: 'server' });
  });

  it('toApiError keeps ApiErrors and wraps anything else', () => {
    const original = new ApiError('timeout', 'x');
    expect(toApiError(original)).toBe(original);
    expect(toApiError(new Error('boom'))).toMatchObject({
      kind: 'server',
      message: 'Unexpected error',
    });
  });
});
