import AxeBuilder from '@axe-core/playwright';
import { describeViolations, WCAG_TAGS } from './support/axe';
import { seeded } from './support/content';
import { env, recordTiming } from './support/env';
import { expect, test } from './support/fixtures';
import { cmsApi, getPage, textOf, waitForPage } from './support/site';

// Scheduled publish (cms/src/schedules): an Editor schedules a draft FAQ's publish in the edit
// view's "Schedule" panel, in their own time zone; the CMS's cron task (every 5 s in this run,
// e2e/run.mjs) publishes it as the scheduler and the prerendered site shows it, like any publish.

const FAQ = 'api::faq.faq';
/** The question the first test creates: removed after it, so other specs see the seed's FAQ. */
let created: { documentId: string; question: string } | null = null;

test.afterAll(async () => {
  if (!created) return;
  const { documentId, question } = created;
  await cmsApi('DELETE', `/faqs/${documentId}?locale=en`);
  await waitForPage('/faq', (p) => !textOf(p.html).includes(question));
});

test('an Editor schedules an FAQ’s publish in the edit view; it reaches the prerendered site', async ({
  admin: page,
}) => {
  test.setTimeout(150_000);
  const question = `Scheduled e2e question ${Date.now()}?`;
  const { data } = await cmsApi<{ data: { documentId: string } }>(
    'POST',
    '/faqs?locale=en&status=draft',
    {
      data: {
        question,
        order: 99,
        answer: [{ type: 'paragraph', children: [{ type: 'text', text: 'Scheduled answer.' }] }],
      },
    },
  );
  created = { documentId: data.documentId, question };
  expect(textOf((await getPage('/faq')).html)).not.toContain(question);

  await page.goto(
    `${env.cmsUrl}/admin/content-manager/collection-types/${FAQ}/${data.documentId}?plugins[i18n][locale]=en`,
  );
  await expect(page.getByRole('heading', { level: 1, name: question })).toBeVisible();
  const panel = page.getByTestId('schedule-panel');
  await expect(panel).toContainText('Nothing is scheduled in this language.');

  // The field takes minutes: the next whole minute at least 20 s away, in the browser's zone.
  const { value, at } = await page.evaluate(() => {
    const when = new Date(Date.now() + 20_000);
    when.setSeconds(0, 0);
    when.setMinutes(when.getMinutes() + 1);
    const two = (n: number) => String(n).padStart(2, '0');
    return {
      value: `${when.getFullYear()}-${two(when.getMonth() + 1)}-${two(when.getDate())}T${two(when.getHours())}:${two(when.getMinutes())}`,
      at: when.getTime(),
    };
  });
  const form = panel.getByRole('group', { name: 'Publish at', exact: true });
  await form.getByLabel('Publish at', { exact: true }).fill(value);
  const answered = page.waitForResponse(
    (response) => response.request().method() === 'POST' && response.url().endsWith('/schedules'),
  );
  await form.getByRole('button', { name: 'Schedule' }).click();
  expect((await answered).status()).toBe(201);
  await expect(panel.getByRole('status')).toHaveText('Scheduled.');
  await expect(panel.getByRole('listitem')).toContainText('Publish on');
  await expect(panel.getByRole('button', { name: 'Cancel' })).toBeVisible();
  // Axe on the panel (Strapi's own blocks editor beside it has an unnamed textbox of its own).
  const axe = await new AxeBuilder({ page })
    .include('[data-testid="schedule-panel"]')
    .withTags(WCAG_TAGS)
    .analyze();
  expect(axe.passes.length).toBeGreaterThan(0);
  expect(axe.violations, describeViolations(axe.violations)).toEqual([]);

  // Not before its time; then on the site within 60 s of it (the precision asked).
  await page.waitForTimeout(Math.max(0, at - Date.now() - 2_000));
  expect(textOf((await getPage('/faq')).html)).not.toContain(question);
  const late = await waitForPage('/faq', (p) => textOf(p.html).includes(question), {
    since: at,
    timeoutMs: 60_000,
  });
  recordTiming('scheduled publish: time set → in the HTML', late);

  // The panel, asked again, has nothing pending.
  await page.reload();
  await expect(page.getByTestId('schedule-panel')).toContainText(
    'Nothing is scheduled in this language.',
  );
});

test('a Clinical reviewer’s scheduled publish that fails the sign-off rule is refused in the panel', async ({
  reviewer: page,
}) => {
  const found = await cmsApi<{ data: Array<{ documentId: string }> }>(
    'GET',
    `/articles?locale=en&filters[slug][$eq]=${seeded.en.article.slug}&fields[0]=title`,
  );
  await page.goto(
    `${env.cmsUrl}/admin/content-manager/collection-types/api::article.article/${found.data[0]!.documentId}?plugins[i18n][locale]=en`,
  );
  await expect(
    page.getByRole('heading', { level: 1, name: seeded.en.article.title }),
  ).toBeVisible();
  const panel = page.getByTestId('schedule-panel');
  const group = panel.getByRole('group', { name: 'Publish at', exact: true });
  await group.getByLabel('Publish at', { exact: true }).fill('2099-01-01T09:00');
  await group.getByRole('button', { name: 'Schedule' }).click();
  // The rule's own words (the seeded article names no reviewer), in English and Spanish.
  const alert = panel.getByRole('alert');
  await expect(alert).toContainText('Not scheduled: Publishing refused (clinical sign-off)');
  await expect(alert).toContainText('no clinical reviewer is named');
  await expect(alert).toContainText('Publicación rechazada (firma clínica)');
  await expect(panel).toContainText('Nothing is scheduled in this language.');
});
