import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildReport } from '../src/content-health/service';
import { seedContent } from '../src/seed/content';
import { monthsBefore, signOffProblems } from '../src/sign-off/rules';
import { CONTENT_MODEL } from '../src/content-model';
import { adminToken, createAdminUser } from './helpers/admin-users';
import { createTestDatabase, type TestDatabase } from './helpers/database';
import { databaseKind, startCms, type RunningCms } from './helpers/strapi';

/**
 * Clinical sign-off (src/sign-off): the rule itself, then on a seeded CMS through the admin API as
 * an Editor and as a Clinical reviewer, through bulk publish and through the document service.
 */

const ARTICLE = 'api::article.article';
const FAQ = 'api::faq.faq';
const RULE = CONTENT_MODEL[ARTICLE].signOff;
const SETTINGS = { today: '2026-11-30', reviewIntervalMonths: 12 };
const SIGNED = {
  reviewedBy: 'Dr. Test Reviewer',
  lastReviewed: '2026-11-01',
  nextReviewDue: '2027-11-01',
  references: [{ label: 'A source', url: 'https://example.org/source' }],
};

describe('the sign-off rule', () => {
  const codes = (data: Record<string, unknown>) =>
    signOffProblems(RULE, data, SETTINGS).map((problem) => problem.code);

  it('passes a signed article', () => {
    expect(codes(SIGNED)).toEqual([]);
  });

  it.each([
    [{ reviewedBy: '  ' }, ['reviewer-missing']],
    [{ lastReviewed: null }, ['last-reviewed-missing']],
    [{ lastReviewed: '2026-12-01' }, ['last-reviewed-in-future']],
    [{ lastReviewed: '2025-11-29' }, ['last-reviewed-too-old']],
    [{ lastReviewed: '2025-11-30' }, []],
    [{ nextReviewDue: undefined }, ['next-review-missing']],
    [{ nextReviewDue: '2026-11-30' }, ['next-review-not-in-future']],
    [{ references: [] }, ['references-missing']],
  ])('with %j fails %j', (change, expected) => {
    expect(codes({ ...SIGNED, ...change })).toEqual(expected);
  });

  it('lists every failed rule of an empty article, naming its field', () => {
    expect(signOffProblems(RULE, {}, SETTINGS)).toEqual([
      { code: 'reviewer-missing', field: 'reviewedBy' },
      { code: 'last-reviewed-missing', field: 'lastReviewed' },
      { code: 'next-review-missing', field: 'nextReviewDue' },
      { code: 'references-missing', field: 'references' },
    ]);
  });

  it('counts months on the calendar', () => {
    expect(monthsBefore('2026-11-30', 12)).toBe('2025-11-30');
    expect(monthsBefore('2026-03-31', 1)).toBe('2026-02-28');
    expect(monthsBefore('2026-01-15', 3)).toBe('2025-10-15');
  });
});

describe('clinical sign-off on a seeded CMS', () => {
  const EDITOR = { email: 'signoff.editor@example.com', password: 'Sign-Off-Editor-2026' };
  const REVIEWER = { email: 'signoff.reviewer@example.com', password: 'Sign-Off-Reviewer-2026' };
  let db: TestDatabase;
  let cms: RunningCms;
  let editor: string;
  let reviewer: string;
  let articleId: string;

  beforeAll(async () => {
    db = await createTestDatabase(databaseKind);
    cms = await startCms(db);
    await createAdminUser(cms.strapi, 'strapi-editor', EDITOR);
    await createAdminUser(cms.strapi, 'clinical-reviewer', REVIEWER);
    editor = await adminToken(cms, EDITOR);
    reviewer = await adminToken(cms, REVIEWER);
    const [article] = await cms.strapi
      .documents(ARTICLE)
      .findMany({ locale: 'en', filters: { slug: seedContent.en.article.slug } });
    articleId = article!.documentId;
  });
  afterAll(async () => {
    await cms?.stop();
    await db?.drop();
  });

  const as = (token: string) => ({
    post: (path: string) => cms.request.post(path).set('Authorization', `Bearer ${token}`),
    put: (path: string) => cms.request.put(path).set('Authorization', `Bearer ${token}`),
  });
  const articlePath = (documentId: string, action = '') =>
    `/content-manager/collection-types/${ARTICLE}/${documentId}${action}`;

  async function publishedFindings(locale: string) {
    const report = await buildReport(cms.strapi, {});
    return report.findings
      .filter(
        (f) =>
          f.entry.documentId === articleId &&
          f.entry.locale === locale &&
          f.code === 'published-without-sign-off',
      )
      .map((f) => f.params.rule)
      .sort();
  }

  it('published the seeded article without sign-off, and content health says so', async () => {
    const published = await cms.strapi
      .documents(ARTICLE)
      .findOne({ documentId: articleId, locale: 'en', status: 'published' });
    expect(published).not.toBeNull();
    for (const locale of ['en', 'es']) {
      expect(await publishedFindings(locale)).toEqual([
        'last-reviewed-missing',
        'next-review-missing',
        'references-missing',
        'reviewer-missing',
      ]);
    }
    const report = await buildReport(cms.strapi, {});
    const finding = report.findings.find(
      (f) => f.code === 'published-without-sign-off' && f.entry.documentId === articleId,
    );
    expect(finding?.severity).toBe('error');
  });

  it('created the Clinical reviewer role; only it publishes articles, Editors still publish FAQs', async () => {
    const permissions = async (code: string) => {
      const role = await cms.strapi.db.query('admin::role').findOne({ where: { code } });
      return (
        await cms.strapi.db.query('admin::permission').findMany({
          where: { role: role.id, action: 'plugin::content-manager.explorer.publish' },
        })
      ).map((p: { subject: string; properties: { locales?: string[] } }) => p);
    };
    const reviewerPublish = await permissions('clinical-reviewer');
    expect(reviewerPublish.find((p) => p.subject === ARTICLE)?.properties.locales).toEqual([
      'en',
      'es',
    ]);
    const editorPublish = (await permissions('strapi-editor')).map((p) => p.subject);
    expect(editorPublish).not.toContain(ARTICLE);
    expect(editorPublish).toContain(FAQ);

    const refused = await as(editor)
      .post(`${articlePath(articleId, '/actions/publish')}?locale=en`)
      .send({});
    expect(refused.status).toBe(403);
  });

  it('refuses a Clinical reviewer’s publish that fails the rule, naming each rule in both languages', async () => {
    const response = await as(reviewer)
      .post(`${articlePath(articleId, '/actions/publish')}?locale=en`)
      .send({});
    expect(response.status).toBe(400);
    const { error } = response.body;
    expect(error.name).toBe('ValidationError');
    expect(error.message).toContain('Publishing refused (clinical sign-off)');
    expect(error.message).toContain('no clinical reviewer is named');
    expect(error.message).toContain('no figura ningún revisor clínico');
    expect(error.details.code).toBe('SIGN_OFF_REFUSED');
    expect(error.details.refusals).toEqual([
      {
        locale: 'en',
        problems: [
          'reviewer-missing',
          'last-reviewed-missing',
          'next-review-missing',
          'references-missing',
        ],
      },
    ]);
    // One per field: the edit view marks them.
    expect(error.details.errors.map((e: { path: string[] }) => e.path[0])).toEqual([
      'reviewedBy',
      'lastReviewed',
      'nextReviewDue',
      'references',
    ]);
  });

  it('words the refusal in the admin language the reviewer chose in their profile', async () => {
    const publish = () =>
      as(reviewer)
        .post(`${articlePath(articleId, '/actions/publish')}?locale=en`)
        .send({});
    const me = () => cms.request.put('/admin/users/me').set('Authorization', `Bearer ${reviewer}`);
    try {
      expect((await me().send({ preferedLanguage: 'es' })).status).toBe(200);
      const spanish = (await publish()).body.error;
      expect(spanish.message).toMatch(/^Publicación rechazada \(firma clínica\): /);
      expect(spanish.message).not.toContain('Publishing refused');
      expect(spanish.details.errors[0].message).toBe('no figura ningún revisor clínico');

      expect((await me().send({ preferedLanguage: 'en' })).status).toBe(200);
      const english = (await publish()).body.error;
      expect(english.message).toMatch(/^Publishing refused \(clinical sign-off\): /);
      expect(english.message).not.toContain('Publicación rechazada');
      expect(english.details.errors[0].message).toBe('no clinical reviewer is named');
    } finally {
      await me().send({ preferedLanguage: null });
    }
  });

  it('refuses a bulk publish from the list view the same way', async () => {
    const response = await as(reviewer)
      .post(`/content-manager/collection-types/${ARTICLE}/actions/bulkPublish?locale=en`)
      .send({ documentIds: [articleId] });
    expect(response.status).toBe(400);
    expect(response.body.error.details.code).toBe('SIGN_OFF_REFUSED');
  });

  it('refuses scripts: publish, and create or update with status published', async () => {
    const articles = cms.strapi.documents(ARTICLE);
    await expect(articles.publish({ documentId: articleId, locale: 'es' })).rejects.toThrow(
      /clinical sign-off/,
    );
    await expect(
      articles.create({
        locale: 'en',
        status: 'published',
        data: {
          title: 'Unsigned',
          slug: 'unsigned-sign-off-test',
          summary: 'Unsigned.',
          body: [{ type: 'paragraph', children: [{ type: 'text', text: 'Unsigned.' }] }],
          ...SIGNED,
          nextReviewDue: '2020-01-01',
        },
      }),
    ).rejects.toThrow(/next review date is not in the future/);
    expect(await articles.count({ filters: { slug: 'unsigned-sign-off-test' } })).toBe(0);
    await expect(
      articles.update({
        documentId: articleId,
        locale: 'en',
        status: 'published',
        data: { reviewedBy: 'Dr. Test Reviewer' },
      }),
    ).rejects.toThrow(/last review date is missing/);
  });

  it('shows what blocks a draft, and lets a Clinical reviewer publish once it passes', async () => {
    const save = await as(reviewer)
      .put(`${articlePath(articleId)}?locale=en`)
      .send({ ...SIGNED, lastReviewed: new Date().toISOString().slice(0, 10), references: [] });
    expect(save.status, JSON.stringify(save.body)).toBe(200);

    const blocked = (await buildReport(cms.strapi, {})).findings.filter(
      (f) => f.code === 'publish-blocked' && f.entry.documentId === articleId,
    );
    expect(blocked.map((f) => [f.entry.locale, f.params.rule])).toEqual([
      ['en', 'references-missing'],
    ]);

    const complete = await as(reviewer)
      .put(`${articlePath(articleId)}?locale=en`)
      .send({ references: SIGNED.references });
    expect(complete.status, JSON.stringify(complete.body)).toBe(200);
    const publish = await as(reviewer)
      .post(`${articlePath(articleId, '/actions/publish')}?locale=en`)
      .send({});
    expect(publish.status, JSON.stringify(publish.body)).toBe(200);

    // Signed off in English; Spanish is still as seeded.
    expect(await publishedFindings('en')).toEqual([]);
    expect(await publishedFindings('es')).toHaveLength(4);
  });
});
