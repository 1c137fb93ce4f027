import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signedOff } from './helpers/sign-off';
import { startSeededCms, type RunningCms } from './helpers/strapi';

const SIGNED_OFF = signedOff();

let cms: RunningCms;
beforeAll(async () => {
  cms = await startSeededCms();
});
afterAll(() => cms?.stop());

/** Runs `work` and returns the validation error it throws (or fails if it throws none). */
async function validationError(work: () => Promise<unknown>) {
  const error = await work().then(
    () => null,
    (caught: unknown) => caught as { name: string; message: string; details?: unknown },
  );
  expect(error, 'expected a validation error').not.toBeNull();
  expect(error!.name).toBe('ValidationError');
  return error!;
}

describe('schema validation', () => {
  it('rejects publishing a FAQ without a question, naming the field', async () => {
    const error = await validationError(() =>
      cms.strapi.documents('api::faq.faq').create({
        locale: 'en',
        status: 'published',
        // @ts-expect-error -- the missing question is what this test is about
        data: {
          answer: [{ type: 'paragraph', children: [{ type: 'text', text: 'An answer' }] }],
          order: 5,
        },
      }),
    );
    expect(error.message).toMatch(/question/);
  });

  it('rejects publishing a glossary term without a definition, or with one over 600 characters', async () => {
    const terms = cms.strapi.documents('api::glossary-term.glossary-term');
    const missing = await validationError(() =>
      terms.create({
        locale: 'en',
        status: 'published',
        // @ts-expect-error -- the missing definition is what this test is about
        data: { term: 'Neuron', slug: 'neuron' },
      }),
    );
    expect(missing.message).toMatch(/definition/);
    const long = await validationError(() =>
      terms.create({
        locale: 'en',
        data: { term: 'Neuron', slug: 'neuron', definition: 'x'.repeat(601) },
      }),
    );
    expect(long.message).toMatch(/definition must be at most 600 characters/);
    expect(await terms.count({ locale: 'en', filters: { slug: 'neuron' } })).toBe(0);
  });

  it('rejects an over-long article title, naming the limit', async () => {
    const error = await validationError(() =>
      cms.strapi.documents('api::article.article').create({
        locale: 'en',
        data: { title: 'x'.repeat(161), slug: 'too-long', summary: 'A summary', body: [] },
      }),
    );
    expect(error.message).toMatch(/title must be at most 160 characters/);
  });

  // Drafts may be incomplete while an editor works; publishing is the gate that validates fully.
  // The articles below pass the clinical sign-off rule (tests/sign-off.test.ts), so what refuses
  // them is the schema.
  it('rejects publishing a slug that is not URL-safe', async () => {
    const error = await validationError(() =>
      cms.strapi.documents('api::article.article').create({
        locale: 'en',
        status: 'published',
        data: {
          title: 'A title',
          slug: 'not a slug!',
          summary: 'A summary',
          body: [],
          ...SIGNED_OFF,
        },
      }),
    );
    expect(error.message).toMatch(/slug/);
  });

  it('rejects publishing a reference whose URL is not http(s)', async () => {
    const error = await validationError(() =>
      cms.strapi.documents('api::article.article').create({
        locale: 'en',
        status: 'published',
        data: {
          title: 'A title',
          slug: 'a-title',
          summary: 'A summary',
          body: [],
          ...SIGNED_OFF,
          references: [{ label: 'Bad', url: 'javascript:alert(1)' }],
        },
      }),
    );
    expect(error.message).toMatch(/url/);
  });

  it('rejects publishing a negative FAQ order', async () => {
    const error = await validationError(() =>
      cms.strapi.documents('api::faq.faq').create({
        locale: 'en',
        status: 'published',
        data: { question: 'Q?', answer: [], order: -1 },
      }),
    );
    expect(error.message).toMatch(/order/);
  });

  it('stores nothing from a rejected write', async () => {
    const before = await cms.strapi.db.query('api::faq.faq').count();
    await validationError(() =>
      cms.strapi.documents('api::faq.faq').create({
        locale: 'en',
        data: { question: 'q'.repeat(201), answer: [], order: 1 },
      }),
    );
    expect(await cms.strapi.db.query('api::faq.faq').count()).toBe(before);
  });
});
