import { expect, test } from './support/fixtures';
import { expectNoAxeViolations } from './support/axe';
import { seeded } from './support/content';
import { env, startCms, stopCms } from './support/env';
import { requestFrom } from './support/site';
import enMessages from '../../web/src/i18n/en';
import esMessages from '../../web/src/i18n/es';

// "Was this page helpful?" in the browser, through the site's nginx (/api/) to the real CMS:
// answers stored (read back through the admin API as the Editor role, which may only read
// them), the CMS stopped (the page says it could not send; nothing else breaks), nginx's limit,
// axe on the question in each of its states.

const FEEDBACK_UID = 'api::page-feedback.page-feedback';
interface StoredAnswer {
  path: string;
  pageLocale: string;
  answer: string;
  reason: string | null;
}

let adminJwt = '';
/** The answers the CMS holds, newest first, as an Editor reads them in the admin. */
async function storedAnswers(): Promise<StoredAnswer[]> {
  if (!adminJwt) {
    // One login for the file: Strapi limits logins per email (5 per 5 minutes).
    const login = await fetch(new URL('/admin/login', env.cmsUrl), {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(env.editor),
    });
    expect(login.status).toBe(200);
    adminJwt = ((await login.json()) as { data: { token: string } }).data.token;
  }
  const response = await fetch(
    new URL(
      `/content-manager/collection-types/${FEEDBACK_UID}?page=1&pageSize=100&sort=id:DESC`,
      env.cmsUrl,
    ),
    { headers: { authorization: `Bearer ${adminJwt}` } },
  );
  expect(response.status).toBe(200);
  return ((await response.json()) as { results: StoredAnswer[] }).results;
}

const pick = ({ path, pageLocale, answer, reason }: StoredAnswer) => ({
  path,
  pageLocale,
  answer,
  reason,
});

test.describe('was this page helpful?', () => {
  test.afterEach(async () => {
    await startCms();
  });

  test('Yes on an article is stored, once per page view', async ({ page }) => {
    const before = (await storedAnswers()).length;
    await page.goto(`/articles/${seeded.en.article.slug}`);
    const question = page.getByRole('region', { name: enMessages.feedback.question });
    await expect(question).toContainText(enMessages.feedback.privacy);
    await question.getByRole('button', { name: enMessages.feedback.yes }).click();
    await expect(question.getByRole('status')).toHaveText(enMessages.feedback.thanks);
    await expect(question.getByRole('button')).toHaveCount(0);
    await expect
      .poll(async () => (await storedAnswers()).length, { timeout: 10_000 })
      .toBe(before + 1);
    expect(pick((await storedAnswers())[0]!)).toEqual({
      path: `/articles/${seeded.en.article.slug}`,
      pageLocale: 'en',
      answer: 'yes',
      reason: null,
    });
    await expectNoAxeViolations(page);
  });

  test('an editor sees the article’s answers in the edit view’s panel and the report', async ({
    admin,
  }) => {
    const list = await fetch(
      new URL(`/api/articles?locale=en&filters[slug][$eq]=${seeded.en.article.slug}`, env.cmsUrl),
    );
    const documentId = ((await list.json()) as { data: Array<{ documentId: string }> }).data[0]!
      .documentId;
    await admin.goto(
      `${env.cmsUrl}/admin/content-manager/collection-types/api::article.article/${documentId}?plugins[i18n][locale]=en`,
    );
    const figures = admin.getByTestId('content-health-feedback');
    await expect(figures).toContainText('Was this page helpful?');
    // The test above answered once on this page.
    await expect(figures).toContainText(
      `/articles/${seeded.en.article.slug}: 1 answer in the last 90 days, 0 % “no”.`,
    );
    // The report page lists every page's figures.
    await admin.goto(`${env.cmsUrl}/admin/content-health`);
    const row = admin
      .getByTestId('content-health-feedback-table')
      .getByRole('row')
      .filter({ hasText: `/articles/${seeded.en.article.slug}` });
    await expect(row).toContainText('0 %');
  });

  test('No with a reason on the Spanish FAQ is stored with its reason; axe on each state', async ({
    page,
  }) => {
    await page.goto('/es/faq');
    const question = page.getByRole('region', { name: esMessages.feedback.question });
    await expectNoAxeViolations(page);
    await question.getByRole('button', { name: esMessages.feedback.no }).click();
    const reasons = question.getByRole('group', { name: esMessages.feedback.reasonQuestion });
    await expect(reasons.getByRole('radio')).toHaveCount(4);
    await expectNoAxeViolations(page);
    await reasons.getByRole('radio', { name: esMessages.feedback.reasons['out-of-date'] }).check();
    await question.getByRole('button', { name: esMessages.feedback.sendReason }).click();
    await expect(question.getByRole('status')).toHaveText(esMessages.feedback.thanks);
    await expect
      .poll(async () => pick((await storedAnswers())[0]!), { timeout: 10_000 })
      .toEqual({ path: '/faq', pageLocale: 'es', answer: 'no', reason: 'out-of-date' });
    await expectNoAxeViolations(page);
  });

  test('with the CMS stopped the page says it could not send, and nothing else breaks', async ({
    page,
  }) => {
    await page.goto('/risk-factors');
    await stopCms();
    const question = page.getByRole('region', { name: enMessages.feedback.question });
    await question.getByRole('button', { name: enMessages.feedback.yes }).click();
    await expect(question.getByRole('status')).toHaveText(enMessages.feedback.failed);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(enMessages.riskFactors.title);
    await expect(page.getByTestId('error-state')).toHaveCount(0);
    // Back up: trying again sends it.
    await startCms();
    await question.getByRole('button', { name: enMessages.feedback.retry }).click();
    await expect(question.getByRole('status')).toHaveText(enMessages.feedback.thanks);
  });

  test('nginx limits answers per visitor: 429 with a message, and bad bodies get a 400', async () => {
    const url = `${env.webUrl}/api/page-feedbacks`;
    const post = (body: unknown) =>
      requestFrom(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(body),
        localAddress: '127.0.0.61',
      });
    const bad = await post({ data: { path: '/faq', locale: 'en', answer: 'yes', text: 'hi' } });
    expect(bad.status).toBe(400);
    expect(JSON.parse(bad.body).error.message).toMatch(/Unknown field/);
    const statuses: number[] = [];
    let message = '';
    for (let i = 0; i < 12; i += 1) {
      const answer = await post({ data: { path: '/faq', locale: 'en', answer: 'yes' } });
      statuses.push(answer.status);
      if (answer.status === 429) message = JSON.parse(answer.body).error.message;
    }
    expect(statuses).toContain(201);
    expect(statuses).toContain(429);
    expect(statuses.filter((status) => status >= 500)).toEqual([]);
    expect(message).toMatch(/Too many requests/);
  });
});
