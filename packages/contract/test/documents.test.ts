import { describe, expect, it } from 'vitest';
import { documentProblem, type Doc, type Selected } from '../src/index.js';

const faq = {
  id: 3,
  documentId: 'faq1',
  question: 'Is depression a genetic disease?',
  answer: [{ type: 'paragraph', children: [{ type: 'text', text: 'Researchers believe…' }] }],
  order: 1,
  topic: null,
  locale: 'en',
  createdAt: '2026-11-01T00:00:00.000Z',
  updatedAt: '2026-11-01T00:00:00.000Z',
  publishedAt: '2026-11-01T00:00:00.000Z',
} satisfies Doc<'api::faq.faq'>;

const article = {
  id: 1,
  documentId: 'art1',
  title: 'Ketamine for depression',
  slug: 'ketamine-for-depression',
  summary: 'What it is',
  body: [],
  reviewedBy: null,
  lastReviewed: null,
  nextReviewDue: null,
  references: [{ id: 1, label: 'A source', url: 'https://example.org' }],
  seo: null,
  faqs: [{ id: 9, documentId: 'faq1', question: 'Q?', order: 1 }],
};

describe('documentProblem', () => {
  it('accepts documents as the public API answers them', () => {
    expect(documentProblem('api::faq.faq', faq)).toBeNull();
    expect(documentProblem('api::article.article', article)).toBeNull();
  });

  it('accepts a `fields` selection without the fields it left out', () => {
    const summary = { id: 1, documentId: 'art1', title: 'T', slug: 's' };
    expect(
      documentProblem('api::article.article', summary, { fields: ['title', 'slug'] }),
    ).toBeNull();
    expect(documentProblem('api::article.article', summary)).toBe(
      'api::article.article.body is missing',
    );
  });

  it.each([
    ['a v4-shaped answer', { id: 3, attributes: { question: 'Q' } }, 'has no documentId'],
    [
      'a v4-shaped answer with a documentId',
      { id: 3, documentId: 'x', attributes: { question: 'Q' } },
      '"attributes" wrapper',
    ],
    ['text that is not text', { ...faq, question: 42 }, 'question should be text'],
    ['a number that is not one', { ...faq, order: '1' }, 'order should be a number'],
    ['blocks that are not a list', { ...faq, answer: 'text' }, 'answer should be a list of blocks'],
    ['a missing required field', { ...faq, question: null }, 'question is missing'],
    ['a field the schema does not have', { ...faq, secret: 'x' }, 'does not have: "secret"'],
    ['not an object', ['x'], 'should be an object'],
  ])('refuses %s', (_name, value, problem) => {
    expect(documentProblem('api::faq.faq', value)).toContain(problem);
  });

  it('checks populated relations and components', () => {
    expect(
      documentProblem('api::article.article', { ...article, faqs: [{ id: 9, question: 'Q' }] }),
    ).toContain('faqs[0] has no documentId');
    expect(
      documentProblem('api::article.article', { ...article, references: [{ id: 1, label: 3 }] }),
    ).toContain('references[0].label should be text');
    expect(documentProblem('api::article.article', { ...article, references: {} })).toContain(
      'references should be a list',
    );
  });

  it('refuses text carrying encoded source maps (runs of zero-width characters)', () => {
    const marked = `${faq.question}\u200B\u200B\u200B\u200B\u200C\u200D\uFEFF\u200B`;
    expect(documentProblem('api::faq.faq', { ...faq, question: marked })).toContain(
      'hidden characters',
    );
    // One zero-width space in real text is not a source map.
    expect(documentProblem('api::faq.faq', { ...faq, question: 'Q\u200Bx' })).toBeNull();
  });
});

// Type-level: the site can only read what the schema declares (checked by `typecheck`).
const selected = {} as Selected<'api::article.article', 'title' | 'slug'>;
void selected.title;
// @ts-expect-error: `fields` left the body out
void selected.body;
// @ts-expect-error: no such field in the FAQ schema
void faq.answerText;
const required: string = ({} as Doc<'api::faq.faq'>).question;
const optional: string | null = ({} as Doc<'api::faq.faq'>).topic;
void required;
void optional;
