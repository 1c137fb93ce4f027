import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSeededCms, type RunningCms } from './helpers/strapi';

let cms: RunningCms;
beforeAll(async () => {
  cms = await startSeededCms();
});
afterAll(() => cms?.stop());

describe('bad input gets a 4xx with a message, never a 5xx', () => {
  it.each([
    ['unknown locale', '/api/faqs?locale=xx', /unknown locale/i],
    ['unknown locale on a single type', '/api/site-setting?locale=fr', /unknown locale/i],
    ['locale as a list', '/api/faqs?locale[0]=en', /unknown locale/i],
    ['huge page size', '/api/faqs?pagination[pageSize]=100000', /pageSize/],
    ['negative page', '/api/faqs?pagination[page]=-1', /pagination\[page\]/],
    ['zero page size', '/api/faqs?pagination[pageSize]=0', /pageSize/],
    ['non-numeric page', '/api/faqs?pagination[page]=abc', /pagination\[page\]/],
    ['negative start', '/api/faqs?pagination[start]=-5', /start/],
    ['pagination as text', '/api/faqs?pagination=10', /pagination/],
    ['unknown pagination key', '/api/faqs?pagination[foo]=1', /foo/],
    ['filters as text', '/api/faqs?filters=abc', /filters/],
    ['filter on an unknown field', '/api/faqs?filters[nope][$eq]=1', /nope/],
    ['unknown filter operator', '/api/faqs?filters[question][$nope]=1', /\$nope/],
    ['$or given a value', '/api/faqs?filters[$or]=1', /\$or/],
    ['nested $and given a value', '/api/faqs?filters[$or][0][$and]=x', /\$and/],
    ['$not given a value', '/api/faqs?filters[$not]=x', /\$not/],
    ['unknown query key', '/api/faqs?bogus=1', /bogus/],
    ['sort on an unknown field', '/api/faqs?sort=nope', /nope/],
    ['populate of an unknown relation', '/api/articles?populate=nope', /nope/],
    ['fields that do not exist', '/api/faqs?fields[0]=nope', /nope/],
    ['draft status', '/api/articles?status=draft', /published/],
    // PostgreSQL refuses NUL in text: Strapi would answer 500 (found by tests/read-fuzz.test.ts).
    ['a NUL in the documentId', '/api/faqs/%00', /NUL/],
    [
      'a NUL in a filter value',
      '/api/faqs?filters[question][$eq]=a%00b',
      /filters\[question\]\[\$eq\].*NUL/,
    ],
    ['a NUL in a query key', '/api/faqs?filters[que%00stion][$eq]=a', /NUL/],
    ['draft metadata', '/api/faqs?publicationFilter=modified', /"publicationFilter"/],
    // Filter values that do not fit their field: PostgreSQL refuses the query, Strapi would
    // answer 500 (found by tests/read-fuzz.test.ts; SQLite took them).
    [
      'a word for a number',
      '/api/faqs?filters[order][$eq]=abc',
      /filters\[order\]\[\$eq\] must be a whole number/,
    ],
    ['a word for a number, no operator', '/api/faqs?filters[order]=abc', /whole number/],
    ['a word for an id', '/api/faqs?filters[id][$in][0]=x', /filters\[id\]\[\$in\]/],
    ['an integer out of range', '/api/faqs?filters[order][$gt]=99999999999', /whole number from/],
    ['a fraction for an integer', '/api/faqs?filters[order][$lt]=1.5', /whole number/],
    [
      'text operator on a number',
      '/api/faqs?filters[order][$contains]=1',
      /\$contains compares text/,
    ],
    ['text operator on a date', '/api/faqs?filters[publishedAt][$startsWith]=2', /compares text/],
    [
      'rich text compared',
      '/api/faqs?filters[answer][$eq]=x',
      /only be filtered with \$null or \$notNull/,
    ],
    ['one bound for $between', '/api/faqs?filters[order][$between][0]=1', /two bounds/],
    ['a word for a related id', '/api/articles?filters[faqs][id][$eq]=x', /filters\[faqs\]\[id\]/],
    ['a word for a component id', '/api/articles?filters[seo][id][$eq]=x', /filters\[seo\]\[id\]/],
    ['a word for a relation', '/api/articles?filters[cover]=x', /filters\[cover\]/],
    ['inside $or', '/api/faqs?filters[$or][0][order][$eq]=x', /filters\[\$or\]\[0\]\[order\]/],
    ['an object for a value', '/api/faqs?filters[question][$eq][a]=b', /single value/],
    [
      'inside populate',
      '/api/articles?populate[faqs][filters][order][$eq]=x',
      /populate\[faqs\]\[filters\]\[order\]\[\$eq\] must be a whole number/,
    ],
    [
      'deeper inside populate',
      '/api/articles?populate[faqs][populate][localizations][filters][id][$in][0]=x',
      /populate\[faqs\]\[populate\]\[localizations\]\[filters\]\[id\]/,
    ],
    ['$or given a value inside populate', '/api/articles?populate[faqs][filters][$or]=1', /\$or/],
  ])('%s', async (_label, path, message) => {
    const response = await cms.request.get(path);
    expect(response.status, JSON.stringify(response.body)).toBe(400);
    expect(response.body.error.message).toMatch(message);
  });

  it.each([
    '/api/faqs?filters[order][$eq]=1',
    '/api/faqs?filters[order][$between][0]=1&filters[order][$between][1]=3',
    '/api/faqs?filters[order][$in][0]=1&filters[order][$in][1]=2',
    '/api/faqs?filters[id][$gte]=1',
    '/api/faqs?filters[question][$containsi]=depression',
    '/api/faqs?filters[publishedAt][$gt]=2020-01-01',
    '/api/faqs?filters[answer][$notNull]=true',
    '/api/articles?filters[faqs][order][$lte]=4&filters[seo][metaTitle][$contains]=a',
    '/api/articles?filters[cover][$null]=true',
    '/api/articles?populate[faqs][filters][order][$gte]=2&populate[faqs][fields][0]=question',
  ])('filter values that fit their fields still answer 200: %s', async (path) => {
    const response = await cms.request.get(path);
    expect(response.status, JSON.stringify(response.body)).toBe(200);
  });

  it('an unknown documentId is a 404', async () => {
    const response = await cms.request.get('/api/faqs/not-a-real-document?locale=en');
    expect(response.status).toBe(404);
    expect(response.body.error.message).toBe('Not Found');
  });

  it('a malformed JSON body is a 400 even before permissions', async () => {
    const response = await cms.request
      .post('/api/faqs')
      .set('Content-Type', 'application/json')
      .send('{"data": ');
    expect(response.status).toBeGreaterThanOrEqual(400);
    expect(response.status).toBeLessThan(500);
  });

  it('the largest allowed page still answers', async () => {
    const response = await cms.request.get('/api/risk-factors?pagination[pageSize]=100');
    expect(response.status).toBe(200);
    expect(response.body.meta.pagination.pageSize).toBe(100);
  });

  it('a locale an editor adds is accepted at once', async () => {
    expect((await cms.request.get('/api/faqs?locale=de')).status).toBe(400);
    await cms.strapi.plugin('i18n').service('locales').create({ code: 'de', name: 'German (de)' });
    const response = await cms.request.get('/api/faqs?locale=de');
    expect(response.status).toBe(200);
    expect(response.body.data).toEqual([]);
  });
});
