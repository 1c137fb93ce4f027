import type { Schema } from '@strapi/strapi';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildReport } from '../src/content-health/service';
import type { Finding, Report } from '../src/content-health/types';
import { link, paragraph, type BlockNode } from '../src/seed/blocks';
import { seedContent } from '../src/seed/content';
import { adminToken } from './helpers/admin-users';
import { createTestDatabase, type TestDatabase } from './helpers/database';
import { databaseKind, startCms, type RunningCms } from './helpers/strapi';

/**
 * Content health on the seeded CMS, as a super admin sees it through the admin routes (and
 * through the service itself where the clock matters). Permissions: content-health-routes.test.ts.
 */

const ARTICLE = 'api::article.article';
const FAQ = 'api::faq.faq';
const SETTINGS = 'api::site-setting.site-setting';
const GLOSSARY = 'api::glossary-term.glossary-term';
const ADMIN = { email: 'health.admin@example.com', password: 'Health-Admin-2026' };
const DAY_MS = 24 * 60 * 60 * 1000;
const SIGN_OFF_CODES = ['published-without-sign-off', 'publish-blocked'];

let db: TestDatabase;
let cms: RunningCms;
let token: string;

beforeAll(async () => {
  db = await createTestDatabase(databaseKind);
  cms = await startCms(db, { ADMIN_EMAIL: ADMIN.email, ADMIN_PASSWORD: ADMIN.password });
  token = await adminToken(cms, ADMIN);
});
afterAll(async () => {
  await cms?.stop();
  await db?.drop();
});

const get = (path: string) => cms.request.get(path).set('Authorization', `Bearer ${token}`);

async function report(query = ''): Promise<Report> {
  const response = await get(`/content-health/report${query}`);
  expect(response.status, JSON.stringify(response.body)).toBe(200);
  return response.body.data;
}

const about = (findings: Finding[], uid: string, documentId?: string) =>
  findings.filter(
    (f) => f.entry.uid === uid && (documentId === undefined || f.entry.documentId === documentId),
  );
const codesIn = (findings: Finding[], locale: string) =>
  findings
    .filter((f) => f.entry.locale === locale)
    .map((f) => f.code)
    .sort();
/** Rich text for the typed Document Service (the seed's builders omit a link's optional rel/target). */
const blocks = (...nodes: BlockNode[]) => nodes as unknown as Schema.Attribute.BlocksValue;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function seededArticleId(): Promise<string> {
  const [article] = await cms.strapi
    .documents(ARTICLE)
    .findMany({ locale: 'en', status: 'draft', filters: { slug: seedContent.en.article.slug } });
  return article!.documentId;
}

async function faqId(order: number): Promise<string> {
  const [faq] = await cms.strapi
    .documents(FAQ)
    .findMany({ locale: 'en', status: 'draft', filters: { order } });
  return faq!.documentId;
}

describe('the seeded content', () => {
  it('reports the seeded article: no reviewer, no review date, no references, in both languages', async () => {
    const { findings } = await report();
    const article = about(findings, ARTICLE);
    for (const locale of ['en', 'es']) {
      expect(codesIn(article, locale)).toEqual(
        expect.arrayContaining(['references-missing', 'review-date-missing', 'reviewer-missing']),
      );
    }
    const reviewer = article.find((f) => f.code === 'reviewer-missing' && f.entry.locale === 'en')!;
    expect(reviewer).toMatchObject({
      severity: 'warning',
      kind: 'review',
      message: 'No one is named as the medical reviewer of this article.',
      entry: {
        uid: ARTICLE,
        locale: 'en',
        title: seedContent.en.article.title,
        contentType: 'Article',
      },
    });
    expect(reviewer.id).toBe(`reviewer-missing:${ARTICLE}:${reviewer.entry.documentId}:en`);
    expect(reviewer.editUrl).toBe(
      `/content-manager/collection-types/${ARTICLE}/${reviewer.entry.documentId}?plugins[i18n][locale]=en`,
    );
  });

  it('reports the settings placeholders per field and locale, and the missing contact link', async () => {
    const settings = about((await report()).findings, SETTINGS);
    const placeholders = settings
      .filter((f) => f.code === 'settings-placeholder')
      .map((f) => [f.entry.locale, f.params.field, f.severity, f.params.text]);
    expect(placeholders.sort()).toEqual([
      ['en', 'clinicName', 'error', seedContent.en.settings.clinicName],
      ['en', 'contactText', 'error', seedContent.en.settings.contactText],
      ['es', 'clinicName', 'error', seedContent.es.settings.clinicName],
      ['es', 'contactText', 'error', seedContent.es.settings.contactText],
    ]);
    expect(
      settings.filter((f) => f.code === 'settings-contact-missing').map((f) => f.entry.locale),
    ).toEqual(['en', 'es']);
    expect(settings[0].editUrl).toMatch(
      new RegExp(
        `^/content-manager/single-types/${SETTINGS}\\?plugins\\[i18n\\]\\[locale\\]=e[ns]$`,
      ),
    );
  });

  it('reports hard-to-read English answers with their longest sentences, and nothing of translations', async () => {
    const { findings } = await report();
    const readability = findings.filter((f) => f.kind === 'readability');
    expect(readability.length).toBeGreaterThan(0);
    for (const finding of readability) {
      expect(finding.longestSentences!.length).toBeGreaterThan(0);
      expect(finding.params.formula).toBe(
        finding.entry.locale === 'es' ? 'fernandez-huerta' : 'flesch-kincaid',
      );
    }
    // Everything was published in both languages at once: nothing missing, nothing stale.
    expect(findings.filter((f) => f.kind === 'translation')).toEqual([]);
    expect(findings.filter((f) => f.kind === 'links' || f.kind === 'draft')).toEqual([]);
  });

  it('sorts by severity, kind and title, counts what it lists, and names its targets', async () => {
    const data = await report();
    const rank = { error: 0, warning: 1, info: 2 };
    const ranks = data.findings.map((f) => rank[f.severity]);
    expect(ranks).toEqual([...ranks].sort((a, b) => a - b));
    expect(data.counts.total).toBe(data.findings.length);
    expect(data.counts.bySeverity.error).toBe(
      data.findings.filter((f) => f.severity === 'error').length,
    );
    expect(data.counts.byKind.settings).toBe(
      data.findings.filter((f) => f.kind === 'settings').length,
    );
    expect(data.targets).toEqual({ en: 8, es: 60, reviewWarningDays: 30, draftDays: 14 });
    expect(Date.parse(data.generatedAt)).not.toBeNaN();
  });

  it('filters by locale and by severity (that severity or worse)', async () => {
    const spanish = await report('?locale=es');
    expect(spanish.findings.length).toBeGreaterThan(0);
    expect(spanish.findings.every((f) => f.entry.locale === 'es')).toBe(true);
    const errors = await report('?severity=error');
    expect(errors.findings.map((f) => f.severity)).toEqual(
      Array(errors.findings.length).fill('error'),
    );
    // The four settings placeholders, and the seeded article published without sign-off: four
    // rules in each of its two languages.
    expect(errors.counts.total).toBe(12);
    expect(errors.findings.filter((f) => f.code === 'published-without-sign-off')).toHaveLength(8);
    const warnings = await report('?severity=warning');
    expect(warnings.findings.some((f) => f.severity === 'warning')).toBe(true);
    expect(warnings.findings.some((f) => f.severity === 'info')).toBe(false);
  });

  it.each([
    ['?locale=fr', /Unknown locale "fr"/],
    ['?severity=critical', /Unknown severity "critical"/],
    ['?locale=en&locale=es', /"locale" parameter must be given once/],
  ])('refuses %s with a 400 and a message', async (query, message) => {
    const response = await get(`/content-health/report${query}`);
    expect(response.status).toBe(400);
    expect(response.body.error.message).toMatch(message);
  });
});

describe('translations', () => {
  it('a translation goes stale when the English is republished, and fresh when it is', async () => {
    const faqs = cms.strapi.documents(FAQ);
    const documentId = await faqId(2);
    const stale = async () =>
      about((await report()).findings, FAQ, documentId).filter(
        (f) => f.code === 'translation-stale',
      );
    expect(await stale()).toEqual([]);

    // More than a second after the seed's publish of both languages.
    const [es] = await faqs.findMany({
      locale: 'es',
      status: 'published',
      filters: { documentId },
    });
    await sleep(Math.max(0, Date.parse(String(es!.publishedAt)) + 1100 - Date.now()));
    await faqs.publish({ documentId, locale: 'en' });
    const [finding] = await stale();
    expect(finding).toMatchObject({
      id: `translation-stale:${FAQ}:${documentId}:es`,
      severity: 'warning',
      kind: 'translation',
      entry: { locale: 'es', title: seedContent.es.faqs[1].question },
      params: { language: 'Spanish', sourceLanguage: 'English' },
    });
    expect(await stale()).toHaveLength(1);

    await faqs.publish({ documentId, locale: 'es' });
    expect(await stale()).toEqual([]);
  });

  it('a document without a Spanish version is reported on the Spanish locale', async () => {
    const created = await cms.strapi.documents(FAQ).create({
      locale: 'en',
      data: { question: 'Only in English?', answer: blocks(paragraph('Yes.')), order: 50 },
    });
    const findings = about((await report()).findings, FAQ, created.documentId);
    expect(findings.map((f) => `${f.code}@${f.entry.locale}`)).toEqual(['translation-missing@es']);
    expect(findings[0]).toMatchObject({
      entry: { title: 'Only in English?', locale: 'es' },
      editUrl: `/content-manager/collection-types/${FAQ}/${created.documentId}?plugins[i18n][locale]=es`,
    });
    await cms.strapi.documents(FAQ).delete({ documentId: created.documentId, locale: '*' });
  });
});

describe('reviews', () => {
  it('a draft with the reviewer and date changes nothing visitors see until it is published', async () => {
    const articles = cms.strapi.documents(ARTICLE);
    const documentId = await seededArticleId();
    // The medical-review findings (the sign-off rule's own: tests/sign-off.test.ts).
    const reviewCodes = async () =>
      codesIn(
        about((await report()).findings, ARTICLE).filter(
          (f) => f.kind === 'review' && !SIGN_OFF_CODES.includes(f.code),
        ),
        'en',
      );
    expect(await reviewCodes()).toEqual([
      'references-missing',
      'review-date-missing',
      'reviewer-missing',
    ]);

    const nextYear = new Date(Date.now() + 365 * DAY_MS).toISOString().slice(0, 10);
    await articles.update({
      documentId,
      locale: 'en',
      data: {
        reviewedBy: 'A. Reviewer, MD',
        lastReviewed: new Date().toISOString().slice(0, 10),
        nextReviewDue: nextYear,
        references: [{ label: 'A source', url: 'https://example.org/source' }],
      },
    });
    // The report is about the published article: unchanged.
    expect(await reviewCodes()).toEqual([
      'references-missing',
      'review-date-missing',
      'reviewer-missing',
    ]);
    // The edit view is about the draft: fixed there.
    const entry = await get(
      `/content-health/entry?uid=${ARTICLE}&documentId=${documentId}&locale=en`,
    );
    expect(entry.status).toBe(200);
    expect(
      codesIn(entry.body.data.findings, 'en').filter((c: string) => c.startsWith('review')),
    ).toEqual([]);

    await articles.publish({ documentId, locale: 'en' });
    expect(await reviewCodes()).toEqual([]);
    // Spanish is its own entry: still unreviewed.
    const spanish = about((await report('?locale=es')).findings, ARTICLE).map((f) => f.code);
    expect(spanish).toEqual(expect.arrayContaining(['review-date-missing', 'reviewer-missing']));
  });

  it('a review date that has passed is an error', async () => {
    // Published while its next review was in the future (the sign-off rule), read days later.
    const articles = cms.strapi.documents(ARTICLE);
    const documentId = await seededArticleId();
    const tomorrow = new Date(Date.now() + DAY_MS).toISOString().slice(0, 10);
    await articles.update({ documentId, locale: 'en', data: { nextReviewDue: tomorrow } });
    await articles.publish({ documentId, locale: 'en' });
    const later = await buildReport(cms.strapi, { now: new Date(Date.now() + 3 * DAY_MS) });
    const overdue = about(later.findings, ARTICLE).find((f) => f.code === 'review-overdue');
    expect(overdue).toMatchObject({ severity: 'error', params: { date: tomorrow } });
  });
});

describe('drafts', () => {
  it('draft-only changes leave the report as it was, but for a forgotten draft after 14 days', async () => {
    const later = new Date(Date.now() + 15.5 * DAY_MS);
    const ids = (data: Report) =>
      data.findings.filter((f) => f.code !== 'draft-forgotten').map((f) => f.id);
    const before = await buildReport(cms.strapi, { now: later });

    const documentId = await faqId(3);
    await cms.strapi.documents(FAQ).update({
      documentId,
      locale: 'en',
      data: {
        answer: blocks(
          paragraph(
            'See ',
            link('/articles/no-such-article', 'this'),
            '. [Placeholder – replace]. Notwithstanding considerable pharmacological ' +
              'considerations, intravenous administration necessitates comprehensive evaluation.',
          ),
        ),
      },
    });
    const after = await buildReport(cms.strapi, { now: later });
    expect(ids(after)).toEqual(ids(before));
    expect(
      after.findings.filter((f) => f.code === 'draft-forgotten').map((f) => f.entry.documentId),
    ).toEqual([documentId]);
    expect(after.findings.find((f) => f.code === 'draft-forgotten')).toMatchObject({
      severity: 'info',
      kind: 'draft',
      entry: { locale: 'en' },
      params: { days: 15, state: 'unpublished-changes' },
    });
    // Not yet forgotten today.
    const today = await report();
    expect(today.findings.filter((f) => f.kind === 'draft')).toEqual([]);
  });

  it('a never-published draft is checked as it stands, and forgotten after 14 days', async () => {
    const created = await cms.strapi.documents(FAQ).create({
      locale: 'en',
      data: { question: 'Never published?', answer: blocks(paragraph('Not yet.')), order: 60 },
    });
    const codes = (data: Report) =>
      about(data.findings, FAQ, created.documentId).map((f) => `${f.code}@${f.entry.locale}`);
    expect(codes(await report())).toEqual(['translation-missing@es']);
    const later = await buildReport(cms.strapi, { now: new Date(Date.now() + 15 * DAY_MS) });
    expect(codes(later).sort()).toEqual(['draft-forgotten@en', 'translation-missing@es']);
    await cms.strapi.documents(FAQ).delete({ documentId: created.documentId, locale: '*' });
  });
});

describe('links', () => {
  it('a published link to an article that is not published in that language is an error', async () => {
    const faqs = cms.strapi.documents(FAQ);
    const documentId = await faqId(4);
    await faqs.update({
      documentId,
      locale: 'en',
      data: {
        answer: blocks(
          paragraph(
            'Read ',
            link(`/articles/${seedContent.en.article.slug}`, 'the article'),
            ', ',
            link(`http://localhost:5173/es/articles/${seedContent.es.article.slug}`, 'in Spanish'),
            ', ',
            link(`/es/articles/${seedContent.en.article.slug}`, 'a wrong one'),
            ' or ',
            link('https://www.nimh.nih.gov/health/topics/depression', 'NIMH'),
            '.',
          ),
        ),
      },
    });
    await faqs.publish({ documentId, locale: 'en' });
    const broken = about((await report()).findings, FAQ, documentId).filter(
      (f) => f.kind === 'links',
    );
    expect(broken.map((f) => [f.code, f.severity, f.entry.locale, f.params.url])).toEqual([
      ['link-broken', 'error', 'en', `/es/articles/${seedContent.en.article.slug}`],
    ]);
  });
});

describe('glossary terms', () => {
  it('a link to a glossary term is checked in its language; a term unpublished breaks it', async () => {
    const [cortisol, infusion] = seedContent.es.glossary;
    const documentId = await faqId(3);
    const faqs = cms.strapi.documents(FAQ);
    await faqs.update({
      documentId,
      locale: 'es',
      data: {
        answer: blocks(
          paragraph(
            link(`/es/glossary#${cortisol.slug}`, 'cortisol'),
            ', ',
            link(`/es/glossary#${infusion.slug}`, 'infusión'),
            ', ',
            link(`/glossary#${cortisol.slug}`, 'cortisol'),
            ', ',
            link('/es/glossary#neuronas', 'neuronas'),
          ),
        ),
      },
    });
    await faqs.publish({ documentId, locale: 'es' });
    const linksOf = async () =>
      about((await report('?locale=es')).findings, FAQ, documentId)
        .filter((f) => f.kind === 'links')
        .map((f) => [f.params.slug, f.params.targetLocale, f.params.targetType, f.params.lands]);
    // No term "neuronas"; the others are published in Spanish (cortisol also in English).
    expect(await linksOf()).toEqual([['neuronas', 'es', 'glossary term', 'page-without-it']]);

    const [term] = await cms.strapi
      .documents(GLOSSARY)
      .findMany({ locale: 'es', status: 'published', filters: { slug: infusion.slug } });
    await cms.strapi.documents(GLOSSARY).unpublish({ documentId: term!.documentId, locale: 'es' });
    expect(await linksOf()).toEqual([
      ['neuronas', 'es', 'glossary term', 'page-without-it'],
      [infusion.slug, 'es', 'glossary term', 'page-without-it'],
    ]);
  });

  it('are named by their type and term, and their definitions measured', async () => {
    const glossary = about((await report()).findings, GLOSSARY);
    const readability = glossary.filter((f) => f.kind === 'readability');
    expect(readability.length).toBeGreaterThan(0);
    for (const finding of readability) {
      expect(finding.entry.contentType).toBe('Glossary term');
      expect(finding.params.field).toBe('definition');
      expect(finding.editUrl).toMatch(
        new RegExp(`^/content-manager/collection-types/${GLOSSARY}/${finding.entry.documentId}\\?`),
      );
    }
    expect(readability.map((f) => f.entry.title)).toContain('Ketamine infusion therapy');
  });
});

describe('the entry endpoint', () => {
  it('gives the draft’s findings and reading levels, in the locale asked for', async () => {
    const documentId = await seededArticleId();
    const response = await get(
      `/content-health/entry?uid=${ARTICLE}&documentId=${documentId}&locale=es`,
    );
    expect(response.status).toBe(200);
    const { findings, readingLevels } = response.body.data;
    expect(findings.every((f: Finding) => f.entry.locale === 'es')).toBe(true);
    expect(findings.map((f: Finding) => f.code)).toEqual(
      expect.arrayContaining(['reviewer-missing', 'review-date-missing']),
    );
    expect(readingLevels).toEqual([
      expect.objectContaining({
        uid: ARTICLE,
        field: 'body',
        locale: 'es',
        formula: 'fernandez-huerta',
        target: 60,
      }),
    ]);
    expect(readingLevels[0].longestSentences).toHaveLength(3);
    expect(readingLevels[0].words).toBeGreaterThan(400);
  });

  it('takes a single type without documentId', async () => {
    const response = await get(`/content-health/entry?uid=${SETTINGS}&locale=en`);
    expect(response.status).toBe(200);
    expect(response.body.data.readingLevels).toEqual([]);
    expect(response.body.data.findings.map((f: Finding) => f.code).sort()).toEqual([
      'settings-contact-missing',
      'settings-placeholder',
      'settings-placeholder',
    ]);
  });

  it('follows a save: the draft just saved is what it checks', async () => {
    const documentId = await faqId(1);
    const faqs = cms.strapi.documents(FAQ);
    const entry = async () =>
      (await get(`/content-health/entry?uid=${FAQ}&documentId=${documentId}&locale=en`)).body.data;
    expect((await entry()).readingLevels[0]).toMatchObject({
      field: 'answer',
      formula: 'flesch-kincaid',
    });
    await faqs.update({
      documentId,
      locale: 'en',
      data: { answer: blocks(paragraph('It can help. Ask us. We can talk.')) },
    });
    const after = await entry();
    expect(after.readingLevels[0]).toMatchObject({ aboveTarget: false, words: 8, sentences: 3 });
    expect(after.findings.filter((f: Finding) => f.kind === 'readability')).toEqual([]);
  });
});
