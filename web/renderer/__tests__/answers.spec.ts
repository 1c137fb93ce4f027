// @vitest-environment node
import { beforeEach, describe, expect, it } from 'vitest';
import type { ContentChange } from '@clinic/contract';
import { ARTICLE, ARTICLE_POPULATE, FAQ } from '@/api';
import type { ContentQuery } from '@/api/query';
import { articles, faqs } from '@/api/__tests__/fixtures/strapi';
import { fixtureFetcher } from '@/test/cms';
import { BadAnswerError, createAnswers } from '../answers';

/** The fixtures as the CMS, counting what is asked. */
let asked: ContentQuery[];
const counting = (query: ContentQuery) => {
  asked.push(query);
  return fixtureFetcher(query);
};

beforeEach(() => {
  asked = [];
});

const allArticles: ContentQuery = {
  kind: 'all',
  uid: ARTICLE,
  locale: 'en',
  select: { populate: ARTICLE_POPULATE },
};
const bySlug = (slug: string): ContentQuery => ({
  kind: 'lookup',
  uid: ARTICLE,
  locale: 'en',
  by: { field: 'slug', value: slug },
  select: { populate: ARTICLE_POPULATE },
});
const faqList: ContentQuery = {
  kind: 'list',
  uid: FAQ,
  locale: 'en',
  select: { sort: ['order:asc'] },
};
const change = (uid: string, documentId: string, locale = 'en'): ContentChange => ({
  uid,
  action: 'publish',
  documentId,
  locale,
  at: '',
});

describe('answers', () => {
  it('asks each question once, also when asked at the same time', async () => {
    const answers = createAnswers(counting);
    const read = answers.reader(new Set());
    await Promise.all([read(faqList), read(faqList)]);
    await read(faqList);
    expect(asked).toHaveLength(1);
  });

  it('answers a lookup from a whole listing that carries what it asks for', async () => {
    const answers = createAnswers(counting);
    const read = answers.reader(new Set());
    await read(allArticles);
    const article = await read(bySlug('ketamine-for-depression'));
    const translation = await read({
      kind: 'lookup',
      uid: ARTICLE,
      locale: 'en',
      by: { documentId: articles.en[0]!.documentId },
      select: { fields: ['title', 'slug'] },
    });
    expect(asked.map((query) => query.kind)).toEqual(['all']);
    expect(article).toMatchObject({
      slug: 'ketamine-for-depression',
      title: articles.en[0]!.title,
    });
    expect(translation).toEqual({
      id: articles.en[0]!.id,
      documentId: articles.en[0]!.documentId,
      title: articles.en[0]!.title,
      slug: 'ketamine-for-depression',
    });
    expect(await read(bySlug('no-such-article'))).toBeNull();
  });

  it('notes which questions a reader asked', async () => {
    const answers = createAnswers(counting);
    const keys = new Set<string>();
    await answers.reader(keys)(faqList);
    expect([...keys]).toHaveLength(1);
    expect(answers.get([...keys][0]!)?.documents.has(faqs.en[0]!.documentId)).toBe(true);
  });

  it('never keeps an answer of the wrong shape', async () => {
    const v4 = async () => [{ id: 1, attributes: { question: 'Q' } }];
    const answers = createAnswers(v4);
    await expect(answers.reader(new Set())(faqList)).rejects.toBeInstanceOf(BadAnswerError);
    expect(answers.size).toBe(0);
  });

  it('a change asks again only what it could alter, and says which answers differ', async () => {
    let question = faqs.en[0]!.question;
    const fetcher = async (query: ContentQuery) => {
      asked.push(query);
      const value = await fixtureFetcher(query);
      if (query.uid !== FAQ || !Array.isArray(value)) return value;
      return value.map((faq, i) => (i === 0 ? { ...faq, question } : faq));
    };
    const answers = createAnswers(fetcher);
    const keys = new Set<string>();
    const read = answers.reader(keys);
    await read(faqList);
    await read(bySlug('ketamine-for-depression'));
    asked.length = 0;

    // Nothing public changed (a draft saved): asked again, no difference.
    expect(await answers.applyChanges([change(FAQ, faqs.en[0]!.documentId)])).toEqual(new Set());
    expect(asked.map((query) => query.uid)).toEqual([FAQ]);

    question = 'Edited?';
    const altered = await answers.applyChanges([change(FAQ, faqs.en[0]!.documentId)]);
    expect([...altered!].map((key) => answers.get(key)?.query.kind)).toEqual(['list']);

    // Another language's change touches nothing here.
    asked.length = 0;
    expect(await answers.applyChanges([change(FAQ, faqs.en[0]!.documentId, 'es')])).toEqual(
      new Set(),
    );
    expect(asked).toEqual([]);
  });

  it('a change it cannot place (a locale, permissions) asks for a full render', async () => {
    const answers = createAnswers(counting);
    expect(await answers.applyChanges([change('plugin::i18n.locale', 'x')])).toBeNull();
  });
});
