import { expect, test } from './support/fixtures';
import { cmsApi, getPage, rawStateOf, textOf, waitForPage } from './support/site';

// Content with markup in it, as an editor could type it, is text everywhere the site puts it:
// in the prerendered HTML, in the state the page carries for hydration, and in the browser.
const runId = Date.now().toString(36);
const question = `<script>alert("q-${runId}")</script></script><img src=x onerror=alert(1)> & more?`;
const answer = `</script><script>alert("a-${runId}")</script><!-- comment -->`;

test('markup in CMS content is rendered as text in the HTML file, the state and the page', async ({
  page,
}) => {
  const created = await cmsApi<{ data: { documentId: string } }>(
    'POST',
    '/faqs?locale=en&status=published',
    {
      data: {
        question,
        order: 90,
        answer: [{ type: 'paragraph', children: [{ type: 'text', text: answer }] }],
      },
    },
  );
  try {
    await waitForPage('/faq', (p) => textOf(p.html).includes(question));
    const { html } = await getPage('/faq');

    // The HTML: the markup is escaped text, never an element.
    expect(html).not.toContain(`<script>alert("q-${runId}")`);
    expect(html).not.toContain(`<script>alert("a-${runId}")`);
    expect(html).not.toContain('<img src=x');
    expect(html).toContain('&lt;script&gt;alert(&quot;q-');
    expect(textOf(html)).toContain(answer);

    // The state: no `<` at all, so nothing in it can end its script element; it parses back to
    // exactly what the CMS holds.
    const state = rawStateOf(html);
    expect(state).not.toContain('<');
    expect(state).toContain('\\u003cscript>');
    expect(JSON.stringify(JSON.parse(state))).toContain(JSON.stringify(question).slice(1, -1));

    // The browser: no script runs, and the reader sees the characters as typed.
    const dialogs: string[] = [];
    page.on('dialog', async (dialog) => {
      dialogs.push(dialog.message());
      await dialog.dismiss();
    });
    await page.goto('/faq', { waitUntil: 'networkidle' });
    const button = page.getByRole('button', { name: question });
    await expect(button).toBeVisible();
    await button.click();
    await expect(page.getByText(answer)).toBeVisible();
    expect(dialogs).toEqual([]);
    await expect(page.locator('main img')).toHaveCount(0);
  } finally {
    await cmsApi('DELETE', `/faqs/${created.data.documentId}?locale=en`);
    await waitForPage('/faq', (p) => !textOf(p.html).includes(question));
  }
});
