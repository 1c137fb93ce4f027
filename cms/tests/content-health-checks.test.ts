import { describe, expect, it } from 'vitest';
import { CHECKS } from '../src/content-health/checks';
import { draftCheck } from '../src/content-health/checks/draft';
import { editUrlOf, fieldLabel, localDate } from '../src/content-health/checks/helpers';
import { linksCheck } from '../src/content-health/checks/links';
import { readabilityCheck, readingLevelsOf } from '../src/content-health/checks/readability';
import { reviewCheck } from '../src/content-health/checks/review';
import { scheduleCheck } from '../src/content-health/checks/schedule';
import { findPlaceholder, settingsCheck } from '../src/content-health/checks/settings';
import { signOffCheck } from '../src/content-health/checks/sign-off';
import { translationCheck } from '../src/content-health/checks/translation';
import { DEFAULT_HEALTH_SETTINGS, healthSettingsFromEnv } from '../src/content-health/config';
import { SITE_PAGES } from '../src/content-health/content-types';
import { compareFindings, countFindings } from '../src/content-health/service';
import { siteLinkTarget, sitePageOf } from '../src/content-health/site-links';
import type {
  CheckContext,
  Finding,
  HealthDocument,
  LocaleVersions,
  Version,
} from '../src/content-health/types';
import { link, paragraph } from '../src/seed/blocks';
import { seedContent } from '../src/seed/content';

const ARTICLE = 'api::article.article';
const FAQ = 'api::faq.faq';
const RISK = 'api::risk-factor.risk-factor';
const SETTINGS = 'api::site-setting.site-setting';
const GLOSSARY = 'api::glossary-term.glossary-term';

const NOW = new Date('2026-06-15T12:00:00Z');
const TODAY = '2026-06-15';
const daysAgo = (days: number, from = NOW) =>
  new Date(from.getTime() - days * 24 * 60 * 60 * 1000).toISOString();

function context(overrides: Partial<CheckContext> = {}): CheckContext {
  return {
    mode: 'report',
    now: NOW,
    today: TODAY,
    settings: { ...DEFAULT_HEALTH_SETTINGS, siteUrl: 'https://clinic.example' },
    locales: ['en', 'es'],
    defaultLocale: 'en',
    localeNames: { en: 'English', es: 'Spanish' },
    // As Strapi's schema says (the loader reads them from strapi.contentType(uid)).
    contentTypes: {
      [ARTICLE]: { displayName: 'Article', kind: 'collectionType' },
      [FAQ]: { displayName: 'FAQ', kind: 'collectionType' },
      [RISK]: { displayName: 'Risk factor', kind: 'collectionType' },
      [SETTINGS]: { displayName: 'Site settings', kind: 'singleType' },
      [GLOSSARY]: { displayName: 'Glossary term', kind: 'collectionType' },
    },
    publishedLinkTargets: {
      [ARTICLE]: {
        en: new Set(['ketamine-for-depression']),
        es: new Set(['ketamina-para-la-depresion']),
      },
      [GLOSSARY]: { en: new Set(['cortisol']), es: new Set(['cortisol']) },
    },
    ...overrides,
  };
}

function version(
  locale: string,
  status: Version['status'],
  data: Record<string, unknown>,
  times: { publishedAt?: string; updatedAt?: string } = {},
): Version {
  const updatedAt = times.updatedAt ?? daysAgo(1);
  return {
    status,
    locale,
    title: String(data.title ?? data.question ?? data.name ?? data.term ?? 'Site settings'),
    publishedAt: status === 'published' ? (times.publishedAt ?? updatedAt) : null,
    updatedAt,
    createdById: null,
    data,
  };
}

/** A document whose every locale is published as its draft (no unpublished changes). */
function published(uid: string, byLocale: Record<string, Record<string, unknown>>) {
  const locales: Record<string, LocaleVersions> = {};
  for (const [locale, data] of Object.entries(byLocale)) {
    const updatedAt = daysAgo(2);
    locales[locale] = {
      draft: version(locale, 'draft', data, { updatedAt }),
      published: version(locale, 'published', data, { updatedAt, publishedAt: daysAgo(1) }),
    };
  }
  return { uid, documentId: 'doc1', locales } satisfies HealthDocument;
}

const goodArticle = (overrides: Record<string, unknown> = {}) => ({
  title: 'Ketamine',
  slug: 'ketamine',
  body: [paragraph('Short words help. So do short lines.')],
  reviewedBy: 'Dr. A. Reviewer, MD',
  lastReviewed: '2026-06-01',
  nextReviewDue: '2027-06-15',
  references: [{ label: 'A source', url: 'https://example.org' }],
  ...overrides,
});

const codes = (findings: Finding[]) => findings.map((f) => `${f.code}@${f.entry.locale}`).sort();

describe('review check', () => {
  const run = (nextReviewDue: string | null) =>
    reviewCheck(published(ARTICLE, { en: goodArticle({ nextReviewDue }) }), context());

  it('says nothing of a reviewed article due in a year', () => {
    expect(run('2027-06-15')).toEqual([]);
  });

  it('calls a review due yesterday overdue (error)', () => {
    const [finding] = run('2026-06-14');
    expect(finding).toMatchObject({
      code: 'review-overdue',
      severity: 'error',
      kind: 'review',
      params: { date: '2026-06-14', days: 1 },
      id: `review-overdue:${ARTICLE}:doc1:en`,
    });
    expect(finding.message).toBe(
      'The medical review of this article was due on 2026-06-14, 1 days ago. Have it reviewed, then update the review dates.',
    );
  });

  it('calls a review due today due soon, not overdue', () => {
    const [finding] = run(TODAY);
    expect(finding).toMatchObject({
      code: 'review-due-soon',
      severity: 'warning',
      params: { date: TODAY, days: 0 },
    });
    expect(finding.message).toBe('The medical review of this article is due today (2026-06-15).');
  });

  it('calls a review due in 30 days due soon, and one in 31 days nothing', () => {
    expect(run('2026-07-15')).toMatchObject([{ code: 'review-due-soon', params: { days: 30 } }]);
    expect(run('2026-07-16')).toEqual([]);
  });

  it('follows the configured warning days', () => {
    const document = published(ARTICLE, { en: goodArticle({ nextReviewDue: '2026-07-16' }) });
    const settings = { ...context().settings, reviewWarningDays: 31 };
    expect(codes(reviewCheck(document, context({ settings })))).toEqual(['review-due-soon@en']);
  });

  it('reports the seeded article: no date, no reviewer, no references, in both languages', () => {
    const document = published(ARTICLE, {
      en: { ...seedContent.en.article, references: [] },
      es: { ...seedContent.es.article, references: [] },
    });
    expect(codes(reviewCheck(document, context()))).toEqual([
      'references-missing@en',
      'references-missing@es',
      'review-date-missing@en',
      'review-date-missing@es',
      'reviewer-missing@en',
      'reviewer-missing@es',
    ]);
  });

  it('looks at the published version in a report and at the draft in the edit view', () => {
    const document = published(ARTICLE, { en: goodArticle({ reviewedBy: null }) });
    document.locales.en.draft = version('en', 'draft', goodArticle(), { updatedAt: daysAgo(0) });
    expect(codes(reviewCheck(document, context()))).toEqual(['reviewer-missing@en']);
    expect(reviewCheck(document, context({ mode: 'entry' }))).toEqual([]);
  });

  it('is only for articles', () => {
    expect(reviewCheck(published(FAQ, { en: { question: 'Q?' } }), context())).toEqual([]);
  });
});

describe('translation check', () => {
  function faq(enPublishedAt: string, esPublishedAt: string): HealthDocument {
    const document = published(FAQ, { en: { question: 'Why?' }, es: { question: '¿Por qué?' } });
    document.locales.en.published!.publishedAt = enPublishedAt;
    document.locales.es.published!.publishedAt = esPublishedAt;
    return document;
  }

  it('calls a translation published before the English stale, naming both', () => {
    const findings = translationCheck(
      faq('2026-06-10T10:00:00.000Z', '2026-06-10T09:00:00.000Z'),
      context(),
    );
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({
      id: `translation-stale:${FAQ}:doc1:es`,
      code: 'translation-stale',
      severity: 'warning',
      kind: 'translation',
      entry: { locale: 'es', title: '¿Por qué?', contentType: 'FAQ' },
      params: {
        language: 'Spanish',
        sourceLanguage: 'English',
        published: '2026-06-10 09:00 UTC',
        sourcePublished: '2026-06-10 10:00 UTC',
      },
      editUrl: `/content-manager/collection-types/${FAQ}/doc1?plugins[i18n][locale]=es`,
    });
  });

  it('calls a translation republished after the English fresh', () => {
    expect(
      translationCheck(faq('2026-06-10T10:00:00.000Z', '2026-06-10T11:00:00.000Z'), context()),
    ).toEqual([]);
  });

  it('counts locales published together (ms apart, any order) as one publish', () => {
    expect(
      translationCheck(faq('2026-06-10T10:00:00.400Z', '2026-06-10T10:00:00.000Z'), context()),
    ).toEqual([]);
  });

  it('ignores a translation that is only a draft', () => {
    const document = faq('2026-06-10T10:00:00.000Z', '2026-06-10T09:00:00.000Z');
    delete document.locales.es.published;
    expect(translationCheck(document, context())).toEqual([]);
  });

  it('reports a missing locale on that locale, titled after the English source', () => {
    const document = published(ARTICLE, { en: goodArticle({ title: 'Ketamine basics' }) });
    expect(translationCheck(document, context())).toEqual([
      expect.objectContaining({
        id: `translation-missing:${ARTICLE}:doc1:es`,
        code: 'translation-missing',
        severity: 'warning',
        entry: expect.objectContaining({ locale: 'es', title: 'Ketamine basics' }),
        editUrl: `/content-manager/collection-types/${ARTICLE}/doc1?plugins[i18n][locale]=es`,
        message: 'This has no Spanish version yet, so visitors reading in Spanish do not see it.',
      }),
    ]);
  });

  it('reports a missing default locale too, titled after the translation', () => {
    const document = published(SETTINGS, { es: { clinicName: 'Clínica' } });
    const [finding] = translationCheck(document, context());
    expect(finding).toMatchObject({
      code: 'translation-missing',
      entry: { locale: 'en', title: 'Site settings', contentType: 'Site settings' },
      editUrl: `/content-manager/single-types/${SETTINGS}?plugins[i18n][locale]=en`,
      params: { language: 'English', sourceLocale: 'es' },
    });
  });
});

describe('draft check', () => {
  const draftOnly = (updatedAt: string): HealthDocument => ({
    uid: FAQ,
    documentId: 'doc1',
    locales: { en: { draft: version('en', 'draft', { question: 'New?' }, { updatedAt }) } },
  });

  it('notes a never-published draft last saved 15 days ago (info)', () => {
    expect(draftCheck(draftOnly(daysAgo(15)), context())).toEqual([
      expect.objectContaining({
        code: 'draft-forgotten',
        severity: 'info',
        kind: 'draft',
        params: { days: 15, date: daysAgo(15).slice(0, 10), state: 'never-published' },
      }),
    ]);
  });

  it('leaves a draft saved exactly 14 days ago, or less, alone', () => {
    expect(draftCheck(draftOnly(daysAgo(14)), context())).toEqual([]);
    expect(draftCheck(draftOnly(daysAgo(3)), context())).toEqual([]);
  });

  it('notes unpublished changes saved after the last publish, 20 days ago', () => {
    const document = published(FAQ, { en: { question: 'Why?' } });
    document.locales.en.published!.updatedAt = daysAgo(40);
    document.locales.en.draft!.updatedAt = daysAgo(20);
    expect(draftCheck(document, context())).toMatchObject([
      { code: 'draft-forgotten', params: { days: 20, state: 'unpublished-changes' } },
    ]);
  });

  it('leaves an old published document without changes alone', () => {
    const document = published(FAQ, { en: { question: 'Why?' } });
    document.locales.en.published!.updatedAt = daysAgo(100);
    document.locales.en.draft!.updatedAt = daysAgo(100);
    expect(draftCheck(document, context())).toEqual([]);
  });
});

describe('readability check', () => {
  const hardEnglish =
    'Pharmacological interventions utilizing intravenous ketamine administration demonstrate ' +
    'considerable efficacy regarding treatment-resistant depressive symptomatology, notwithstanding ' +
    'occasional dissociative phenomena experienced transiently.';

  it('reports an English FAQ answer above grade 8 with its longest sentences', () => {
    const document = published(FAQ, {
      en: { question: 'Does it work?', answer: [paragraph(hardEnglish), paragraph('Yes.')] },
    });
    const [finding] = readabilityCheck(document, context());
    expect(finding).toMatchObject({
      id: `reading-level-high:${FAQ}:doc1:en:answer`,
      code: 'reading-level-high',
      severity: 'warning',
      kind: 'readability',
      params: { field: 'answer', formula: 'flesch-kincaid', target: 8, sentences: 2 },
      longestSentences: [
        { text: hardEnglish, words: 19 },
        { text: 'Yes.', words: 1 },
      ],
    });
    expect(finding.params.grade as number).toBeGreaterThan(8);
    expect(finding.message).toMatch(
      /^The answer reads at about US school grade [\d.]+; the target is grade 8 or lower\./,
    );
  });

  it('reports a Spanish risk-factor description below a score of 60, not an easy one', () => {
    const hard =
      'La administración intravenosa de ketamina, supervisada por anestesiólogos certificados, ' +
      'requiere evaluaciones psiquiátricas exhaustivas y monitorización hemodinámica continua.';
    const document = published(RISK, {
      es: { name: 'Dificultad', description: hard },
      en: { name: 'Easy', description: 'It is fine. You can read it.' },
    });
    const findings = readabilityCheck(document, context());
    expect(codes(findings)).toEqual(['reading-level-high@es']);
    expect(findings[0].params).toMatchObject({ formula: 'fernandez-huerta', target: 60 });
    expect(findings[0].message).toMatch(/Fernández-Huerta reading-ease score of [\d.-]+, which is/);
  });

  it('follows the configured targets', () => {
    const answer = seedContent.en.faqs[2].answer; // grade 12.0
    const document = published(FAQ, { en: { question: 'Q', answer } });
    expect(readabilityCheck(document, context())).toMatchObject([{ params: { grade: 12 } }]);
    const settings = { ...context().settings, gradeTargetEn: 12 };
    expect(readabilityCheck(document, context({ settings }))).toEqual([]);
  });

  it('measures a glossary definition, plain text, line by line', () => {
    const definition = 'A word you may read.\nIt means this. It is short.';
    const [level] = readingLevelsOf(
      GLOSSARY,
      version('en', 'draft', { term: 'Word', definition }),
      DEFAULT_HEALTH_SETTINGS,
    );
    expect(level).toMatchObject({ uid: GLOSSARY, field: 'definition', words: 11, sentences: 3 });
    const hard = published(GLOSSARY, { en: { term: 'Hard', definition: hardEnglish } });
    expect(readabilityCheck(hard, context())).toMatchObject([
      { code: 'reading-level-high', params: { field: 'definition', fieldLabel: 'definition' } },
    ]);
  });

  it('gives the reading levels of the measured fields, above target or not', () => {
    const levels = readingLevelsOf(
      ARTICLE,
      version('es', 'draft', { body: seedContent.es.article.body }),
      DEFAULT_HEALTH_SETTINGS,
    );
    expect(levels).toEqual([
      expect.objectContaining({
        uid: ARTICLE,
        field: 'body',
        locale: 'es',
        formula: 'fernandez-huerta',
        target: 60,
      }),
    ]);
    expect(levels[0].longestSentences).toHaveLength(3);
    expect(levels[0].words).toBeGreaterThan(400);
  });

  it('skips locales without a formula and empty fields', () => {
    const document = published(FAQ, {
      fr: { question: 'Q', answer: [paragraph(hardEnglish)] },
      en: { question: 'Q', answer: [] },
    });
    expect(readabilityCheck(document, context({ locales: ['en', 'es', 'fr'] }))).toEqual([]);
  });
});

describe('settings check', () => {
  it('finds the seed’s placeholders in both languages, and not ordinary brackets', () => {
    for (const locale of ['en', 'es'] as const) {
      expect(findPlaceholder(seedContent[locale].settings.clinicName)).toBe(
        seedContent[locale].settings.clinicName,
      );
      expect(findPlaceholder(seedContent[locale].settings.contactText)).toBe(
        seedContent[locale].settings.contactText,
      );
    }
    expect(findPlaceholder('Call us at [TBD].')).toBe('[TBD]');
    expect(findPlaceholder('[Texto – sustituir por el horario]')).not.toBeNull();
    expect(findPlaceholder('See the study [1] and [sic].')).toBeNull();
    expect(findPlaceholder('Replace nothing here')).toBeNull();
  });

  it('reports each placeholder field (error) and the missing contact link (warning), per locale', () => {
    const document = published(SETTINGS, {
      en: { ...seedContent.en.settings },
      es: { ...seedContent.es.settings },
    });
    const findings = settingsCheck(document, context());
    expect(findings.map((f) => [f.id, f.severity])).toEqual([
      [`settings-placeholder:${SETTINGS}:doc1:en:clinicName`, 'error'],
      [`settings-placeholder:${SETTINGS}:doc1:en:contactText`, 'error'],
      [`settings-contact-missing:${SETTINGS}:doc1:en`, 'warning'],
      [`settings-placeholder:${SETTINGS}:doc1:es:clinicName`, 'error'],
      [`settings-placeholder:${SETTINGS}:doc1:es:contactText`, 'error'],
      [`settings-contact-missing:${SETTINGS}:doc1:es`, 'warning'],
    ]);
    expect(findings[0].message).toBe(
      'The “clinic name” setting still holds placeholder text, which visitors see: [Clinic name – replace in Site settings]',
    );
    expect(findings[0].params).toMatchObject({ field: 'clinicName', fieldLabel: 'clinic name' });
  });

  it('finds a placeholder inside the crisis-help rich text', () => {
    const document = published(SETTINGS, {
      en: {
        clinicName: 'Clinic',
        contactUrl: 'https://clinic.example/contact',
        crisisHelp: [paragraph('Call ', link('tel:988', '988'), '. [Local line – replace]')],
      },
    });
    expect(settingsCheck(document, context()).map((f) => f.params.field)).toEqual(['crisisHelp']);
  });

  it('says nothing of finished settings', () => {
    const document = published(SETTINGS, {
      en: { clinicName: 'Clinic', contactUrl: 'tel:+16505550100', disclaimer: 'General info.' },
    });
    expect(settingsCheck(document, context())).toEqual([]);
  });
});

describe('links check', () => {
  const site = { locales: ['en', 'es'], defaultLocale: 'en', siteUrl: 'https://clinic.example' };
  const article = (locale: string, slug: string) => ({
    uid: ARTICLE,
    field: 'slug',
    locale,
    value: slug,
    inFragment: false,
  });
  const term = (locale: string, slug: string) => ({
    uid: GLOSSARY,
    field: 'slug',
    locale,
    value: slug,
    inFragment: true,
  });

  it('reads the site paths of the content model', () => {
    expect(SITE_PAGES.map((page) => [page.uid, page.template, page.field])).toEqual([
      [ARTICLE, '/articles/:slug', 'slug'],
      [GLOSSARY, '/glossary#:slug', 'slug'],
    ]);
    expect(sitePageOf(FAQ, '/faq')).toBeNull();
    expect(sitePageOf(ARTICLE, 'articles/:slug')).toBeNull();
    expect(sitePageOf(ARTICLE, '/a/:x/b/:y')).toBeNull();
    expect(sitePageOf(ARTICLE, '/topics/:slug/print')?.path.exec('/topics/abc/print')?.[1]).toBe(
      'abc',
    );
  });

  it.each([
    ['/articles/ketamine', article('en', 'ketamine')],
    ['/articles/ketamine/', article('en', 'ketamine')],
    ['/articles/ketamine?ref=faq#top', article('en', 'ketamine')],
    ['/es/articles/ketamina', article('es', 'ketamina')],
    ['https://clinic.example/articles/ketamine', article('en', 'ketamine')],
    ['https://clinic.example/es/articles/ketamina#x', article('es', 'ketamina')],
    ['HTTPS://CLINIC.EXAMPLE/articles/ketamine', article('en', 'ketamine')],
    ['/articles/caf%C3%A9', article('en', 'café')],
    ['/glossary#cortisol', term('en', 'cortisol')],
    ['/glossary/#cortisol', term('en', 'cortisol')],
    ['/glossary?x=1#cortisol', term('en', 'cortisol')],
    ['/es/glossary#terapia-de-infusion', term('es', 'terapia-de-infusion')],
    ['https://clinic.example/es/glossary#cortisol', term('es', 'cortisol')],
  ])('%s names a document', (url, target) => {
    expect(siteLinkTarget(url, site, SITE_PAGES)).toEqual(target);
  });

  it.each([
    'https://other.example/articles/ketamine',
    'http://clinic.example:8080/articles/ketamine',
    '/articles',
    '/articles/a/b',
    '/faq',
    '/es/faq',
    '/en/articles/ketamine',
    '/fr/articles/ketamine',
    'articles/ketamine',
    '//other.example/articles/x',
    '/glossary',
    '/glossary#',
    '/es/glossary',
    '/glossary/cortisol',
    'https://other.example/glossary#cortisol',
    'tel:988',
    'mailto:care@clinic.example',
    'not a url',
  ])('%s does not', (url) => {
    expect(siteLinkTarget(url, site, SITE_PAGES)).toBeNull();
  });

  it('follows a SITE_URL with a path', () => {
    const sub = { ...site, siteUrl: 'https://clinic.example/site' };
    expect(siteLinkTarget('https://clinic.example/site/articles/x', sub, SITE_PAGES)).toEqual(
      article('en', 'x'),
    );
    expect(siteLinkTarget('https://clinic.example/articles/x', sub, SITE_PAGES)).toBeNull();
  });

  it('reports links to unpublished articles once each (error), ignoring the rest', () => {
    const answer = [
      paragraph(
        'Read ',
        link('/articles/ketamine-for-depression', 'the article'),
        ', ',
        link('/articles/old-article', 'an old one'),
        ', again ',
        link('https://clinic.example/articles/old-article', 'the old one'),
        ', ',
        link('/es/articles/ketamine-for-depression', 'in Spanish'),
        ', ',
        link('https://nimh.nih.gov/articles/depression', 'NIMH'),
        ' or call ',
        link('tel:988', '988'),
        '.',
      ),
    ];
    const document = published(FAQ, { en: { question: 'Where?', answer } });
    const findings = linksCheck(document, context());
    expect(findings.map((f) => [f.id, f.severity, f.params.url])).toEqual([
      [
        `link-broken:${FAQ}:doc1:en:answer:article:en/old-article`,
        'error',
        '/articles/old-article',
      ],
      [
        `link-broken:${FAQ}:doc1:en:answer:article:es/ketamine-for-depression`,
        'error',
        '/es/articles/ketamine-for-depression',
      ],
    ]);
    expect(findings[0].message).toBe(
      'A link in the answer (“an old one”) goes to /articles/old-article, but no published English article has the address “old-article”: visitors get a “page not found”.',
    );
  });

  it('reports a link to a redirected old address (warning) instead of a broken one', () => {
    const answer = [
      paragraph(
        link('/articles/old-article', 'the old one'),
        ', ',
        link('https://clinic.example/articles/old-article/', 'again'),
        ', ',
        link('/es/old-leaflet?x=1', 'un folleto'),
        ', ',
        link('/articles/ketamine-for-depression', 'the article'),
      ),
    ];
    const redirects = new Map([
      ['/articles/old-article', '/articles/ketamine-for-depression'],
      ['/es/old-leaflet', '/es/faq'],
    ]);
    const findings = linksCheck(
      published(FAQ, { en: { question: 'Where?', answer } }),
      context({ redirects }),
    );
    expect(findings.map((f) => [f.code, f.severity, f.params.url, f.params.target])).toEqual([
      ['link-redirected', 'warning', '/articles/old-article', '/articles/ketamine-for-depression'],
      ['link-redirected', 'warning', '/es/old-leaflet?x=1', '/es/faq'],
    ]);
    expect(findings[0].message).toBe(
      'A link in the answer (“the old one”) goes to /articles/old-article, an old address that now redirects to /articles/ketamine-for-depression: link to /articles/ketamine-for-depression instead.',
    );
    // Without the redirect it is a broken link, as before.
    expect(
      linksCheck(published(FAQ, { en: { question: 'Where?', answer } }), context()).map(
        (f) => f.code,
      ),
    ).toContain('link-broken');
  });

  it('reports links to unpublished glossary terms, in the locale of the link', () => {
    const answer = [
      paragraph(
        link('/glossary#cortisol', 'cortisol'),
        ', ',
        link('/es/glossary#cortisol', 'cortisol'),
        ', ',
        link('/es/glossary#ketamina', 'ketamina'),
        ', ',
        link('/glossary', 'the glossary'),
      ),
    ];
    const findings = linksCheck(published(FAQ, { en: { question: 'What?', answer } }), context());
    expect(findings.map((f) => f.id)).toEqual([
      `link-broken:${FAQ}:doc1:en:answer:glossary-term:es/ketamina`,
    ]);
    expect(findings[0].params).toMatchObject({
      slug: 'ketamina',
      targetLocale: 'es',
      targetUid: GLOSSARY,
      targetType: 'glossary term',
      lands: 'page-without-it',
    });
    expect(findings[0].message).toBe(
      'A link in the answer (“ketamina”) goes to /es/glossary#ketamina, but no published Spanish glossary term has the address “ketamina”: visitors find the page without it.',
    );
  });

  it('checks the settings’ crisis help and the article body, not risk factors', () => {
    const broken = [paragraph(link('/articles/gone', 'gone'))];
    expect(linksCheck(published(SETTINGS, { en: { crisisHelp: broken } }), context())).toHaveLength(
      1,
    );
    expect(
      linksCheck(published(ARTICLE, { en: goodArticle({ body: broken }) }), context()),
    ).toHaveLength(1);
    expect(
      linksCheck(published(RISK, { en: { name: 'x', description: '/articles/gone' } }), context()),
    ).toEqual([]);
  });
});

describe('sign-off check', () => {
  const onlyDraft = (data: Record<string, unknown>) => {
    const document = published(ARTICLE, { en: data });
    delete document.locales.en.published;
    return document;
  };

  it('says nothing of a signed article, published or not', () => {
    expect(signOffCheck(published(ARTICLE, { en: goodArticle() }), context())).toEqual([]);
    expect(signOffCheck(onlyDraft(goodArticle()), context())).toEqual([]);
  });

  it('reports what visitors see published without sign-off as an error per rule', () => {
    const findings = signOffCheck(
      published(ARTICLE, { en: goodArticle({ reviewedBy: null, references: [] }) }),
      context(),
    );
    expect(findings.map((f) => [f.severity, f.code, f.params.rule, f.params.field])).toEqual([
      ['error', 'published-without-sign-off', 'reviewer-missing', 'reviewedBy'],
      ['error', 'published-without-sign-off', 'references-missing', 'references'],
    ]);
    expect(findings[0].id).toBe(`published-without-sign-off:${ARTICLE}:doc1:en:reviewer-missing`);
  });

  it('reports what blocks a draft from being published, in a report and in the edit view', () => {
    const draft = onlyDraft(goodArticle({ lastReviewed: '2025-06-14' }));
    for (const mode of ['report', 'entry'] as const) {
      expect(
        signOffCheck(draft, context({ mode })).map((f) => [f.severity, f.code, f.params.rule]),
      ).toEqual([['warning', 'publish-blocked', 'last-reviewed-too-old']]);
    }
    // The review interval is a setting.
    const longer = context({
      settings: { ...context().settings, reviewIntervalMonths: 24 },
    });
    expect(signOffCheck(draft, longer)).toEqual([]);
  });

  it('leaves FAQs alone: their content model has no sign-off rule', () => {
    expect(signOffCheck(published(FAQ, { en: { question: 'Q?' } }), context())).toEqual([]);
  });
});

describe('failed schedules', () => {
  it('report each failure of the document, in its locale, as an error', () => {
    const document = published(FAQ, { en: { question: 'Q?' }, es: { question: '¿P?' } });
    const failure = {
      id: 7,
      locale: 'es',
      action: 'unpublish' as const,
      at: '2026-12-24T09:00:00.000Z',
      message: 'No entry.',
    };
    const findings = scheduleCheck(
      document,
      context({ failedSchedules: { [`${FAQ}:${document.documentId}`]: [failure] } }),
    );
    expect(findings).toEqual([
      expect.objectContaining({
        severity: 'error',
        code: 'schedule-failed',
        message: 'The unpublish scheduled for 2026-12-24T09:00:00.000Z did not happen: No entry.',
        params: { scheduledAction: 'unpublish', at: failure.at, reason: 'No entry.' },
        entry: expect.objectContaining({ locale: 'es', title: '¿P?' }),
      }),
    ]);
    expect(scheduleCheck(document, context())).toEqual([]);
  });
});

describe('the checks together', () => {
  it('are all in the list', () => {
    expect(CHECKS).toEqual([
      reviewCheck,
      signOffCheck,
      scheduleCheck,
      translationCheck,
      draftCheck,
      readabilityCheck,
      settingsCheck,
      linksCheck,
    ]);
  });

  it('sort error, warning, info, then kind, then title, and count by severity and kind', () => {
    const document = published(ARTICLE, {
      en: goodArticle({ title: 'B', reviewedBy: '', nextReviewDue: '2026-01-01' }),
    });
    document.locales.en.published!.updatedAt = daysAgo(40);
    document.locales.en.draft!.updatedAt = daysAgo(30);
    const other = published(SETTINGS, { en: { contactUrl: null } });
    const findings = [document, other]
      .flatMap((doc) => CHECKS.flatMap((check) => check(doc, context())))
      .sort(compareFindings);
    expect(findings.map((f) => `${f.severity} ${f.kind} ${f.code}`)).toEqual([
      'error review published-without-sign-off',
      'error review published-without-sign-off',
      'error review review-overdue',
      'warning review publish-blocked',
      'warning review publish-blocked',
      'warning review reviewer-missing',
      'warning translation translation-missing',
      'warning translation translation-missing',
      'warning settings settings-contact-missing',
      'info draft draft-forgotten',
    ]);
    expect(countFindings(findings)).toEqual({
      total: 10,
      bySeverity: { error: 3, warning: 6, info: 1 },
      byKind: {
        review: 6,
        translation: 2,
        draft: 1,
        readability: 0,
        settings: 1,
        links: 0,
        feedback: 0,
      },
    });
  });

  it('link to the content manager’s edit views', () => {
    expect(editUrlOf(FAQ, 'collectionType', 'abc', 'es')).toBe(
      '/content-manager/collection-types/api::faq.faq/abc?plugins[i18n][locale]=es',
    );
    expect(editUrlOf(SETTINGS, 'singleType', 'abc', 'en')).toBe(
      '/content-manager/single-types/api::site-setting.site-setting?plugins[i18n][locale]=en',
    );
    expect(fieldLabel('contactUrl')).toBe('contact URL');
    expect(localDate(new Date(2026, 0, 5, 23, 59))).toBe('2026-01-05');
  });
});

describe('settings from the environment', () => {
  it('default to 30 days, 14 days, grade 8 and score 60', () => {
    expect(healthSettingsFromEnv({})).toEqual({
      reviewWarningDays: 30,
      draftDays: 14,
      gradeTargetEn: 8,
      scoreTargetEs: 60,
      reviewIntervalMonths: 12,
      siteUrl: 'http://localhost:5173',
    });
  });

  it('take valid values', () => {
    expect(
      healthSettingsFromEnv({
        CONTENT_HEALTH_REVIEW_WARNING_DAYS: '45',
        CONTENT_HEALTH_DRAFT_DAYS: ' 7 ',
        CONTENT_HEALTH_GRADE_TARGET_EN: '9.5',
        CONTENT_HEALTH_SCORE_TARGET_ES: '65',
        SIGN_OFF_REVIEW_INTERVAL_MONTHS: '6',
        SITE_URL: 'https://clinic.example/',
      }),
    ).toEqual({
      reviewWarningDays: 45,
      draftDays: 7,
      gradeTargetEn: 9.5,
      scoreTargetEs: 65,
      reviewIntervalMonths: 6,
      siteUrl: 'https://clinic.example',
    });
  });

  it.each([
    ['CONTENT_HEALTH_REVIEW_WARNING_DAYS', 'thirty'],
    ['CONTENT_HEALTH_REVIEW_WARNING_DAYS', '-1'],
    ['CONTENT_HEALTH_DRAFT_DAYS', '1.5'],
    ['CONTENT_HEALTH_DRAFT_DAYS', '0'],
    ['CONTENT_HEALTH_GRADE_TARGET_EN', '8th'],
    ['CONTENT_HEALTH_GRADE_TARGET_EN', '0'],
    ['CONTENT_HEALTH_SCORE_TARGET_ES', '101'],
    ['CONTENT_HEALTH_SCORE_TARGET_ES', 'Infinity'],
  ])('refuse %s=%s, naming it', (variable, value) => {
    expect(() => healthSettingsFromEnv({ [variable]: value })).toThrow(
      new RegExp(`^${variable} must be a (whole )?number from`),
    );
  });
});
