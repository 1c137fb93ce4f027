import { expect, test } from './support/fixtures';
import { env, purgeNginxCache, startCms, stopCms } from './support/env';
import { requestFrom } from './support/site';

// The site's own nginx configuration (web/nginx), as production runs it: the CMS's public reads
// cached briefly and served stale while the CMS is down; floods get 429 with a message, never a
// hang; the admin login is rate-limited on the CMS's public address.
const api = (path: string) => `${env.webUrl}/api${path}`;
const header = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);

test.describe('nginx in front of the CMS', () => {
  test.afterEach(async () => {
    await startCms();
  });

  test('a public read is cached, and served stale while the CMS is down', async () => {
    await purgeNginxCache();
    const path = api('/faqs?locale=en&sort[0]=order:asc');
    const first = await requestFrom(path, { localAddress: '127.0.0.1' });
    expect(first.status).toBe(200);
    expect(header(first.headers['x-cache-status'])).toBe('MISS');
    const again = await requestFrom(path, { localAddress: '127.0.0.1' });
    expect(['HIT', 'UPDATING', 'REVALIDATED', 'EXPIRED']).toContain(
      header(again.headers['x-cache-status']),
    );
    expect(again.body).toBe(first.body);

    await stopCms();
    // Past the CMS's shared-cache lifetime, nginx asks the CMS, fails, and answers from the cache.
    await new Promise((resolve) => setTimeout(resolve, 2000));
    const stale = await requestFrom(path, { localAddress: '127.0.0.1' });
    expect(stale.status).toBe(200);
    expect(header(stale.headers['x-cache-status'])).toBe('STALE');
    expect(stale.body).toBe(first.body);
    // What was never read is not there: a clear error, not a hang.
    const unknown = await requestFrom(api('/faqs?locale=es&sort[0]=order:asc&pagination[page]=7'), {
      localAddress: '127.0.0.1',
    });
    expect(unknown.status).toBe(502);
  });

  // Strapi reads these to change the shape of a content-API answer (v4 `attributes`, invisible
  // source-map characters in strings); nginx's cache key is the URL only, so nginx drops them.
  for (const { name, value, pageSize } of [
    { name: 'Strapi-Response-Format', value: 'v4', pageSize: 37 },
    { name: 'Strapi-Encode-Source-Maps', value: 'true', pageSize: 38 },
  ]) {
    test(`${name}: ${value} never reaches the CMS: only the canonical body is cached`, async () => {
      await purgeNginxCache();
      // A query nobody has asked for in this run: neither nginx's cache nor the CMS's has it.
      const query = `/faqs?locale=en&sort[0]=question:desc&pagination[pageSize]=${pageSize}`;
      const reshaped = await requestFrom(api(query), {
        localAddress: '127.0.0.1',
        headers: { [name]: value },
      });
      expect(reshaped.status).toBe(200);
      expect(header(reshaped.headers['x-cache-status'])).toBe('MISS');
      const plain = await requestFrom(api(query), { localAddress: '127.0.0.1' });
      expect(plain.status).toBe(200);
      expect(header(plain.headers['x-cache-status'])).not.toBe('MISS');
      // The canonical answer: the same data asked of the CMS directly under another cache key
      // (an explicit first page), without the header.
      const canonical = await fetch(`${env.cmsUrl}/api${query}&pagination[page]=1`);
      expect(canonical.status).toBe(200);
      const canonicalBody = await canonical.text();
      const faqs = (JSON.parse(canonicalBody) as { data: Array<Record<string, unknown>> }).data;
      expect(faqs.length).toBeGreaterThan(0);
      expect(faqs[0]).toHaveProperty('question');
      expect(faqs[0]).not.toHaveProperty('attributes');
      expect(reshaped.body === canonicalBody, `${name} was passed on to the CMS`).toBe(true);
      expect(plain.body === canonicalBody, `the cache kept what ${name} asked for`).toBe(true);
    });
  }

  test('reads with credentials and the draft preview are never cached', async () => {
    const preview = api('/preview?token=not-a-token');
    for (let i = 0; i < 2; i += 1) {
      const answer = await requestFrom(preview, { localAddress: '127.0.0.1' });
      expect(answer.status).toBe(401);
      expect(header(answer.headers['x-cache-status'])).not.toBe('HIT');
    }
    const withToken = await requestFrom(api('/faqs?locale=en'), {
      localAddress: '127.0.0.1',
      headers: { authorization: `Bearer ${env.apiToken}` },
    });
    expect(withToken.status).toBe(200);
    expect(header(withToken.headers['x-cache-status'])).toBe('BYPASS');
  });

  test('a flood of API requests gets 429 with a message, quickly, and the site recovers', async () => {
    const started = Date.now();
    const answers = await Promise.all(
      Array.from({ length: 150 }, () => requestFrom(api('/site-setting?locale=en'))),
    );
    const limited = answers.filter((answer) => answer.status === 429);
    expect(limited.length).toBeGreaterThan(0);
    expect(answers.filter((answer) => answer.status === 200).length).toBeGreaterThan(0);
    expect(JSON.parse(limited[0]!.body).error.message).toMatch(/Too many requests/);
    expect(header(limited[0]!.headers['retry-after'])).toBe('1');
    expect(Date.now() - started).toBeLessThan(10_000);

    // A moment later the visitor is served again.
    await new Promise((resolve) => setTimeout(resolve, 2500));
    expect((await requestFrom(api('/site-setting?locale=en'))).status).toBe(200);
  });

  test("the CMS's own port serves the API as the site does: cached, header-stripped, rate-limited", async () => {
    const cmsApi = (path: string) => `${env.adminProxyUrl}/api${path}`;
    await purgeNginxCache();
    // A query nobody has asked for in this run, with a header that would reshape the answer.
    const query = '/faqs?locale=en&sort[0]=question:desc&pagination[pageSize]=39';
    const reshaped = await requestFrom(cmsApi(query), {
      localAddress: '127.0.0.1',
      headers: { 'strapi-response-format': 'v4' },
    });
    expect(reshaped.status).toBe(200);
    expect(header(reshaped.headers['x-cache-status'])).toBe('MISS');
    const again = await requestFrom(cmsApi(query), { localAddress: '127.0.0.1' });
    expect(header(again.headers['x-cache-status'])).not.toBe('MISS');
    expect(again.body).toBe(reshaped.body);
    const faqs = (JSON.parse(reshaped.body) as { data: Array<Record<string, unknown>> }).data;
    expect(faqs[0]).toHaveProperty('question');
    expect(faqs[0]).not.toHaveProperty('attributes');
    expect(header(reshaped.headers['x-content-type-options'])).toBe('nosniff');

    // The same limit as the site's /api, whatever the path's case (Strapi's router ignores it).
    // Pages of their own: an answer nginx may not cache (the CMS's cache, and so its
    // Cache-Control, only knows the lower-case paths) would make requests for one URL wait on
    // nginx's cache lock.
    for (const [client, path] of [
      ['127.0.0.41', '/api/faqs?locale=en'],
      ['127.0.0.42', '/API/faqs?locale=en'],
    ] as const) {
      const answers = await Promise.all(
        Array.from({ length: 150 }, (_, i) =>
          requestFrom(`${env.adminProxyUrl}${path}&pagination[page]=${i + 1}`, {
            localAddress: client,
          }),
        ),
      );
      expect(answers.map((answer) => answer.status)).toContain(200);
      const limited = answers.filter((answer) => answer.status === 429);
      expect(limited.length, `${path} was not limited`).toBeGreaterThan(0);
      expect(JSON.parse(limited[0]!.body).error.message).toMatch(/Too many requests/);
    }
  });

  test('repeated admin logins from one address get 429 with a message', async () => {
    const statuses: number[] = [];
    let message = '';
    for (let attempt = 0; attempt < 12; attempt += 1) {
      const answer = await requestFrom(`${env.adminProxyUrl}/admin/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        // A different address each time: Strapi's own limit (per email) is not what is tested.
        body: JSON.stringify({ email: `nobody-${attempt}@example.test`, password: 'Wrong-1234' }),
        localAddress: '127.0.0.3',
      });
      statuses.push(answer.status);
      if (answer.status === 429) message = JSON.parse(answer.body).error.message;
    }
    // Wrong credentials are refused (400/401) until the limit, then 429.
    expect(statuses.slice(0, 3).every((status) => status === 400 || status === 401)).toBe(true);
    expect(statuses).toContain(429);
    expect(message).toMatch(/Too many login attempts/);
  });
});
