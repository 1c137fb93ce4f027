import { beforeEach, describe, expect, it } from 'vitest';
import { getPreview } from '@/api/preview';
import { ApiError } from '@/api';
import {
  EXPIRED_PREVIEW_TOKEN,
  GONE_PREVIEW_TOKEN,
  installFakeCms,
  PREVIEW_REFUSALS,
  previewToken,
  type FakeCms,
} from '@/test/cms';
import { errorBody } from './fixtures/strapi';

let cms: FakeCms;

beforeEach(() => {
  cms = installFakeCms();
});

async function rejection(promise: Promise<unknown>): Promise<ApiError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ApiError);
  return error as ApiError;
}

describe('getPreview', () => {
  it('sends the token, and nothing else, to GET /api/preview', async () => {
    const token = 'eyJ1aWQiOiJhcGk6OmFydGljbGUuYXJ0aWNsZSJ9.c2ln+/=';
    cms.override('/preview', (req) => ({
      status: 200,
      body: {
        data: {
          type: 'faq',
          locale: 'en',
          status: 'draft',
          document: { question: req.query.token },
        },
      },
    }));
    const preview = await getPreview(token);
    const reqs = cms.requestsTo('/api/preview');
    expect(reqs).toHaveLength(1);
    expect(reqs[0]!.method).toBe('GET');
    expect(reqs[0]!.query).toEqual({ token });
    expect(reqs[0]!.search).toBe(`token=${encodeURIComponent(token)}`);
    expect(preview.type === 'faq' && preview.document.question).toBe(token);
  });

  it.each([
    ['article', 'en', 'Draft: Ketamine and depression, updated'],
    ['faq', 'es', 'Pregunta en borrador: ¿puede ayudar la ketamina?'],
    ['risk-factor', 'en', 'Draft risk factor: chronic pain'],
    ['site-setting', 'es', 'Portada en borrador: atención con ketamina'],
  ] as const)('returns a %s draft (%s) typed by `type`', async (type, locale, text) => {
    const preview = await getPreview(previewToken(type, locale));
    expect(preview.type).toBe(type);
    expect(preview.locale).toBe(locale);
    expect(preview.status).toBe('draft');
    expect(JSON.stringify(preview.document)).toContain(text);
  });

  it.each([
    ['an expired token', EXPIRED_PREVIEW_TOKEN, PREVIEW_REFUSALS.expired],
    ['an invalid token', 'not-a-token', PREVIEW_REFUSALS.invalid],
    ['no token', '', PREVIEW_REFUSALS.missing],
  ])('maps 401 for %s to unauthorized with the CMS message', async (_, token, message) => {
    const error = await rejection(getPreview(token));
    expect(error.kind).toBe('unauthorized');
    expect(error.status).toBe(401);
    expect(error.message).toBe(message);
  });

  it('maps 401 without a message body to unauthorized', async () => {
    cms.override('/preview', { status: 401, body: 'nope', contentType: 'text/plain' });
    const error = await rejection(getPreview(previewToken('faq')));
    expect(error.kind).toBe('unauthorized');
    expect(error.message).toBe('');
  });

  it('maps 404 (deleted or not in that language) to not-found', async () => {
    const error = await rejection(getPreview(GONE_PREVIEW_TOKEN));
    expect(error.kind).toBe('not-found');
  });

  it.each([
    [400, 'bad-request'],
    [500, 'server'],
  ] as const)('maps %i to %s', async (status, kind) => {
    cms.override('/preview', { status, body: errorBody(status) });
    expect((await rejection(getPreview(previewToken('faq')))).kind).toBe(kind);
  });

  it('maps a network failure to offline', async () => {
    cms.override('/preview', 'network-error');
    expect((await rejection(getPreview(previewToken('faq')))).kind).toBe('offline');
  });

  it.each([
    ['no data', { data: null }],
    ['an unknown type', { data: { type: 'page', locale: 'en', status: 'draft', document: {} } }],
    ['an unknown locale', { data: { type: 'faq', locale: 'fr', status: 'draft', document: {} } }],
    ['no document', { data: { type: 'faq', locale: 'en', status: 'draft' } }],
  ])('rejects a 200 with %s as a server error', async (_, body) => {
    cms.override('/preview', { status: 200, body });
    expect((await rejection(getPreview(previewToken('faq')))).kind).toBe('server');
  });
});
