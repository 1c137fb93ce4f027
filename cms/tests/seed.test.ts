import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSeededCms, type RunningCms } from './helpers/strapi';

// The clinic's material, as handed over (a copy of shared/seed-content).
const source = readFileSync(join(__dirname, 'fixtures', 'ketamine-for-depression.txt'), 'utf8');
const lines = source.split('\n').map((line) => line.trim());
const sourceTitle = lines[0];
const sourceQuestions = lines.filter((line) => line.endsWith('?'));
const sourceFactors = lines.filter((line) => line.startsWith('•')).map((l) => l.slice(1).trim());
/** The document's sentences, whole (a sentence ends at . ? or ! before a space or the end). */
const sourceSentences = lines.flatMap((line) => line.split(/(?<=[.?!])\s+/)).filter(Boolean);
const sentencesOf = (text: string) => text.split(/(?<=[.?!])\s+/).filter(Boolean);

let cms: RunningCms;
beforeAll(async () => {
  cms = await startSeededCms();
});
afterAll(() => cms?.stop());

const get = async (path: string) => {
  const response = await cms.request.get(path);
  expect(response.status, path).toBe(200);
  return response.body;
};

/** The plain text of a blocks value, paragraphs and list items joined by new lines. */
const plainText = (blocks: Array<{ children?: unknown[]; text?: string }>): string =>
  blocks
    .map((node) =>
      node.text !== undefined
        ? node.text
        : plainText((node.children ?? []) as Array<{ children?: unknown[]; text?: string }>),
    )
    .join(blocks.some((node) => node.text !== undefined) ? '' : '\n');

describe('seed content', () => {
  it('reads the source document as expected', () => {
    expect(sourceQuestions).toHaveLength(4);
    expect(sourceFactors).toHaveLength(9);
  });

  it('has the four questions of the document, word for word and in order, in English', async () => {
    const { data } = await get('/api/faqs?locale=en&sort=order');
    expect(data.map((faq: { question: string }) => faq.question)).toEqual(sourceQuestions);
    for (const [index, faq] of data.entries()) {
      const next = sourceQuestions[index + 1];
      const start = lines.indexOf(faq.question) + 1;
      const end = next ? lines.indexOf(next) : lines.length;
      const answerLines = lines
        .slice(start, end)
        .filter(Boolean)
        .map((l) => l.replace(/^•\s*/, ''));
      expect(plainText(faq.answer).split('\n').filter(Boolean)).toEqual(answerLines);
    }
  });

  it('has the four questions translated into Spanish, as localizations of the same documents', async () => {
    const english = (await get('/api/faqs?locale=en&sort=order')).data;
    const spanish = (await get('/api/faqs?locale=es&sort=order')).data;
    expect(spanish).toHaveLength(4);
    expect(spanish.map((faq: { documentId: string }) => faq.documentId)).toEqual(
      english.map((faq: { documentId: string }) => faq.documentId),
    );
    expect(spanish[0].question).toBe('¿Cuál es la causa principal de la depresión?');
    for (const [index, faq] of spanish.entries()) {
      expect(faq.locale).toBe('es');
      expect(faq.question).toMatch(/^¿.+\?$/);
      expect(faq.question).not.toBe(english[index].question);
      expect(plainText(faq.answer).length).toBeGreaterThan(100);
    }
  });

  it('has the risk factors in the order of the document, in both languages', async () => {
    const english = (await get('/api/risk-factors?locale=en&sort=order')).data;
    expect(english.map((factor: { name: string }) => factor.name)).toEqual(sourceFactors);
    const spanish = (await get('/api/risk-factors?locale=es&sort=order')).data;
    expect(spanish).toHaveLength(sourceFactors.length);
    expect(spanish[1].name).toBe('La pérdida de un ser querido');
  });

  it('has the article with its slug, body and related questions, in both languages', async () => {
    const { data } = await get(
      '/api/articles?locale=en&filters[slug][$eq]=ketamine-for-depression&populate=faqs',
    );
    expect(data).toHaveLength(1);
    const [article] = data;
    expect(article.title).toBe(sourceTitle);
    expect(plainText(article.body)).toContain(lines[2]);
    expect(article.body.filter((block: { type: string }) => block.type === 'heading')).toHaveLength(
      4,
    );
    expect(article.faqs).toHaveLength(4);
    // No invented reviewer, review dates or references.
    expect(article.reviewedBy).toBeNull();
    expect(article.lastReviewed).toBeNull();

    const spanish = await get(`/api/articles/${article.documentId}?locale=es`);
    expect(spanish.data.slug).toBe('ketamina-para-la-depresion');
    expect(spanish.data.title).toBe('Ketamina para la depresión cerca de Mountain View, CA');
  });

  it('has the site settings with crisis help and a disclaimer, in both languages', async () => {
    const english = (await get('/api/site-setting?locale=en')).data;
    expect(english.location).toBe('Mountain View, CA');
    expect(english.clinicName).toMatch(/^\[.*\]$/); // an obvious placeholder, not an invented name
    expect(english.contactUrl).toBeNull();
    expect(plainText(english.crisisHelp)).toContain('988');
    expect(plainText(english.crisisHelp)).toContain('911');
    expect(english.disclaimer).toMatch(/not medical advice/);
    const spanish = (await get('/api/site-setting?locale=es')).data;
    expect(plainText(spanish.crisisHelp)).toContain('1-888-628-9454');
    expect(spanish.heroTitle).toBe('Ketamina para la depresión');
  });

  it('has only glossary terms the document explains, defined in its own sentences', async () => {
    const { data } = await get('/api/glossary-terms?locale=en&sort=term');
    expect(data.map((term: { term: string }) => term.term)).toEqual([
      'Cortisol',
      'Ketamine infusion therapy',
    ]);
    for (const term of data as Array<{ term: string; slug: string; definition: string }>) {
      // The term is the document's, and each sentence of its definition is one of the
      // document's sentences, word for word, naming the term.
      expect(source.toLowerCase()).toContain(term.term.toLowerCase());
      const sentences = sentencesOf(term.definition);
      expect(sentences.length).toBeGreaterThan(0);
      for (const sentence of sentences) expect(sourceSentences).toContain(sentence);
      expect(sentences[0].toLowerCase()).toContain(term.term.toLowerCase());
      expect(term.slug).toBe(term.term.toLowerCase().replace(/\s+/g, '-'));
    }
  });

  it('has the glossary translated into Spanish, as localizations of the same documents', async () => {
    const english = (await get('/api/glossary-terms?locale=en&sort=term')).data;
    const spanish = (await get('/api/glossary-terms?locale=es&sort=term')).data;
    expect(spanish.map((term: { term: string }) => term.term)).toEqual([
      'Cortisol',
      'Terapia de infusión de ketamina',
    ]);
    expect(spanish.map((t: { documentId: string }) => t.documentId)).toEqual(
      english.map((t: { documentId: string }) => t.documentId),
    );
    expect(spanish[1].slug).toBe('terapia-de-infusion-de-ketamina');
    // The Spanish definitions are the seed's Spanish translation of the same sentences (in the
    // FAQ answers), not new text.
    const answers = (await get('/api/faqs?locale=es&sort=order')).data
      .map((faq: { answer: Array<{ children?: unknown[]; text?: string }> }) =>
        plainText(faq.answer),
      )
      .join('\n');
    for (const term of spanish as Array<{ definition: string }>) {
      for (const sentence of sentencesOf(term.definition)) expect(answers).toContain(sentence);
    }
  });
});
