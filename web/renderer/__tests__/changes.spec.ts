// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { articles, faqs, riskFactors, settings } from '@/api/__tests__/fixtures/strapi';
import type { Article, Locale } from '@/api';
import { ARTICLE, FAQ, pagesTouched, planFor, RISK_FACTOR, SETTINGS } from '../changes';
import { fileForPath, isSafeSlug, sitePages } from '../routes';
import type { Snapshot } from '../snapshot';

function snapshotWith(extra: Partial<Record<Locale, Article[]>> = {}): Snapshot {
  const content = (locale: Locale) => {
    const all = [...articles[locale], ...(extra[locale] ?? [])];
    return {
      settings: settings[locale],
      faqs: faqs[locale],
      riskFactors: riskFactors[locale],
      articleList: all,
      articles: new Map(all.map((a) => [a.documentId, a])),
    };
  };
  return { en: content('en'), es: content('es') };
}

const article = (documentId: string, slug: string, faqIds: string[] = []): Article => ({
  ...articles.en[0]!,
  documentId,
  slug,
  faqs: faqIds.map((id, i) => ({ id: i, documentId: id, question: 'Q?' })),
});

describe('pages and files', () => {
  it.each([
    ['/', 'index.html'],
    ['/es', 'es.html'],
    ['/faq', 'faq.html'],
    ['/es/articles/una-guia', 'es/articles/una-guia.html'],
  ])('%s is written to %s', (path, file) => {
    expect(fileForPath(path)).toBe(file);
  });

  it.each(['ketamine-for-depression', 'a', 'v2.0', 'tilde~ok', 'Under_score'])(
    '%s is a slug that becomes a page',
    (slug) => expect(isSafeSlug(slug)).toBe(true),
  );

  it.each(['..', '.hidden', 'a/b', 'a..b', '', 'a b', 'x'.repeat(201)])(
    '%j never becomes a file',
    (slug) => expect(isSafeSlug(slug)).toBe(false),
  );

  it('lists every public page in both languages, and the 404 pages', () => {
    const files = sitePages(snapshotWith())
      .map((page) => page.file)
      .sort();
    expect(files).toEqual(
      [
        '404.html',
        'articles.html',
        'articles/ketamine-for-depression.html',
        'faq.html',
        'index.html',
        'not-translated.html',
        'preview.html',
        'risk-factors.html',
        'es.html',
        'es/404.html',
        'es/articles.html',
        'es/articles/ketamina-para-la-depresion.html',
        'es/faq.html',
        'es/not-translated.html',
        'es/preview.html',
        'es/risk-factors.html',
      ].sort(),
    );
  });

  it('an article with an unsafe slug gets no page', () => {
    const pages = sitePages(snapshotWith({ en: [article('bad', '..')] }));
    expect(pages.some((page) => page.documentId === 'bad')).toBe(false);
  });
});

describe('what a change re-renders', () => {
  const before = snapshotWith({ en: [article('other', 'other-article', ['faq-2'])] });
  const after = before;
  const pages = sitePages(after);
  const touched = (changes: Parameters<typeof planFor>[0]) => {
    const plan = planFor(changes);
    if (plan.full) return 'full';
    return pagesTouched(plan.refresh, pages, before, after)
      .map((page) => page.path)
      .sort();
  };

  it('an article: its pages, the article list and home, in both languages', () => {
    expect(
      touched([{ uid: ARTICLE, action: 'publish', documentId: articles.en[0]!.documentId }]),
    ).toEqual(
      [
        '/',
        '/articles',
        '/articles/ketamine-for-depression',
        '/es',
        '/es/articles',
        '/es/articles/ketamina-para-la-depresion',
      ].sort(),
    );
  });

  it('an FAQ: home, the FAQ pages and the articles that link it', () => {
    expect(touched([{ uid: FAQ, action: 'update', documentId: 'faq-2' }])).toEqual(
      ['/', '/es', '/faq', '/es/faq', '/articles/other-article'].sort(),
    );
  });

  it('a risk factor: home and the risk factor pages', () => {
    expect(touched([{ uid: RISK_FACTOR, action: 'unpublish', documentId: 'r1' }])).toEqual(
      ['/', '/es', '/risk-factors', '/es/risk-factors'].sort(),
    );
  });

  it('the site settings: every page', () => {
    expect(touched([{ uid: SETTINGS, action: 'publish' }])).toHaveLength(pages.length);
  });

  it.each([
    [{ uid: 'plugin::i18n.locale', action: 'create' }],
    [{ uid: 'plugin::users-permissions.permission', action: 'update' }],
    [{ uid: 'api::new-type.new-type', action: 'publish', documentId: 'x' }],
    [{ uid: ARTICLE, action: 'delete' }],
  ])(
    'anything it does not know, or an article without documentId: a full render (%j)',
    (change) => {
      expect(touched([change])).toBe('full');
    },
  );

  it('several changes add up', () => {
    const both = touched([
      { uid: RISK_FACTOR, action: 'publish', documentId: 'r1' },
      { uid: FAQ, action: 'publish', documentId: 'faq-9' },
    ]);
    expect(both).toEqual(
      ['/', '/es', '/faq', '/es/faq', '/risk-factors', '/es/risk-factors'].sort(),
    );
  });
});
