import { entryPanel, expectNotification, openCollection } from './support/admin';
import { seeded } from './support/content';
import { env } from './support/env';
import { expect, test } from './support/fixtures';

// Draft preview: Strapi's "Open preview" shows the site's /preview page with a signed,
// short-lived token (cms/config/admin.ts, cms/src/preview/token.ts); GET /api/preview answers the
// one draft that token names. Without a valid token nobody gets a draft.
const runId = Date.now().toString(36);

test.describe('draft preview', () => {
  test('an editor previews a draft from the admin; visitors without a valid link do not see it', async ({
    admin: page,
    page: site,
    request,
  }) => {
    const name = `Preview draft ${runId}`;
    const description = `Unpublished description ${runId}.`;
    await openCollection(page, 'Risk factor');
    await page.getByRole('link', { name: 'Create new entry' }).first().click();
    await page.getByRole('textbox', { name: 'name' }).fill(name);
    await page.getByRole('textbox', { name: 'description' }).fill(description);
    await page.getByRole('textbox', { name: 'order' }).fill('98');
    await entryPanel(page).getByRole('button', { name: 'Save' }).click();
    await expectNotification(page, 'Saved document');

    // The admin's preview: the site's /preview page in a frame, with a token in its URL…
    await page.getByRole('link', { name: 'Open preview' }).click();
    await expect(page.getByRole('banner').getByRole('heading', { level: 1, name })).toBeVisible();
    const frame = page.locator('iframe');
    await expect(frame).toHaveAttribute(
      'src',
      new RegExp(`^${env.webUrl.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}/preview\\?token=`),
    );
    const previewUrl = new URL((await frame.getAttribute('src'))!);
    const token = previewUrl.searchParams.get('token')!;
    expect(token).toMatch(/^[\w-]+\.[\w-]+$/);

    // …which shows the editor the draft, marked as a preview.
    const preview = page.frameLocator('iframe');
    await expect(preview.getByRole('heading', { level: 1 })).toHaveText(name);
    await expect(preview.getByText(description)).toBeVisible();
    await expect(preview.getByTestId('preview-notice')).toContainText('Preview');

    // What the preview page fetches, through the site's origin: this draft, never cached.
    const response = await request.get(`/api/preview?token=${encodeURIComponent(token)}`);
    expect(response.status()).toBe(200);
    expect(response.headers()['cache-control']).toContain('no-store');
    const body = await response.json();
    expect(body.data).toMatchObject({ type: 'risk-factor', locale: 'en', status: 'draft' });
    expect(body.data.document).toMatchObject({ name, description, order: 98, publishedAt: null });
    const documentId = body.data.document.documentId as string;

    // The public site and API do not have it.
    await site.goto('/risk-factors');
    await expect(site.getByText(seeded.en.riskFactors[0])).toBeVisible();
    await expect(site.getByText(name)).toHaveCount(0);
    const list = await request.get('/api/risk-factors?locale=en&pagination[pageSize]=100');
    expect(list.status()).toBe(200);
    const names = ((await list.json()).data as Array<{ name: string }>).map((item) => item.name);
    expect(names).toContain(seeded.en.riskFactors[0]);
    expect(names).not.toContain(name);

    // A visitor on /preview without a link, or with a forged one naming this very draft.
    const [payload, signature] = token.split('.');
    const forgedSignature = `${payload}.${[...signature].reverse().join('')}`;
    const forgedPayload = `${Buffer.from(
      JSON.stringify({
        uid: 'api::risk-factor.risk-factor',
        documentId,
        locale: 'en',
        status: 'draft',
        exp: Math.floor(Date.now() / 1000) + 3600,
      }),
    ).toString('base64url')}.${signature}`;
    for (const path of [
      '/preview',
      `/preview?token=${encodeURIComponent(forgedSignature)}`,
      `/preview?token=${encodeURIComponent(forgedPayload)}`,
    ]) {
      await site.goto(path);
      await expect(site.getByTestId('preview-unavailable'), path).toBeVisible();
      await expect(site.getByRole('heading', { level: 1 })).toHaveText(
        'This preview is not available',
      );
      await expect(site.getByTestId('preview-notice')).toHaveCount(0);
      await expect(site.getByText(name)).toHaveCount(0);
      await expect(site.getByText(description)).toHaveCount(0);
    }
    // The same forged links at the API.
    for (const forged of [forgedSignature, forgedPayload]) {
      const refused = await request.get(`/api/preview?token=${encodeURIComponent(forged)}`);
      expect(refused.status()).toBe(401);
      expect(await refused.text()).not.toContain(description);
    }
  });

  test('a visitor cannot read drafts: no token, a forged token, or status=draft', async ({
    request,
  }) => {
    // No token.
    const none = await request.get('/api/preview');
    expect(none.status()).toBe(401);

    // A token signed with some other secret, naming a seeded FAQ's draft.
    const faqs = await request.get('/api/faqs?locale=en');
    const documentId = (await faqs.json()).data[0].documentId as string;
    const payload = Buffer.from(
      JSON.stringify({
        uid: 'api::faq.faq',
        documentId,
        locale: 'en',
        status: 'draft',
        exp: Math.floor(Date.now() / 1000) + 600,
      }),
    ).toString('base64url');
    const forged = `${payload}.${Buffer.from('not the secret, 32 bytes long....').toString('base64url')}`;
    for (const token of [forged, payload, 'garbage', `${payload}.`]) {
      const response = await request.get(`/api/preview?token=${encodeURIComponent(token)}`);
      expect(response.status(), `token ${token.slice(0, 20)}…`).toBe(401);
      expect(JSON.stringify(await response.json())).not.toContain(seeded.en.faqs[0].answerStart);
    }

    // The public API refuses to serve drafts.
    for (const type of ['faqs', 'risk-factors', 'articles']) {
      const drafts = await request.get(`/api/${type}?locale=en&status=draft`);
      expect(drafts.status(), `/api/${type}?status=draft`).toBe(400);
    }
    // While the same list, published, is readable: the refusals above are about drafts.
    expect((await request.get('/api/faqs?locale=en&status=published')).status()).toBe(200);
  });
});
