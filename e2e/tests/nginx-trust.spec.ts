import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startNginx, trustedProxyValues, type NginxProcess } from '../../scripts/lib/nginx.mjs';
import { freePort } from '../../scripts/lib/cms-process.mjs';
import { expect, test } from './support/fixtures';
import { env } from './support/env';
import { requestFrom, type RawResponse } from './support/site';

// Whom nginx believes about a client's address, and what it tells the CMS. Every client here is a
// different address of this machine (Linux routes all of 127/8 to lo); 127.0.0.1, the machine
// itself, is exempt from the rate limits, so no test client uses it.
const header = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);
const statuses = (answers: RawResponse[]) => answers.map((answer) => answer.status);

/**
 * 150 API requests at once from `localAddress`, the i-th to `url(i)` with the X-Forwarded-For
 * `forged(i)`.
 */
function floodApi(url: (i: number) => string, localAddress: string, forged: (i: number) => string) {
  return Promise.all(
    Array.from({ length: 150 }, (_, i) =>
      requestFrom(url(i), { localAddress, headers: { 'x-forwarded-for': forged(i) } }),
    ),
  );
}

/** One failed admin login from `localAddress` claiming to be `forged`. */
function login(url: string, localAddress: string, forged?: string, attempt = 0) {
  return requestFrom(`${url}/admin/login`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      ...(forged ? { 'x-forwarded-for': forged } : {}),
    },
    // A different email each time: Strapi's own limit (per email) is not what is tested.
    body: JSON.stringify({
      email: `nobody-${localAddress}-${attempt}@example.test`,
      password: 'Wrong-1234',
    }),
    localAddress,
  });
}

/** Twelve failed admin logins in a row, one at a time (the limit is 10 a minute, burst 5). */
async function loginFlood(url: string, localAddress: string, forged: (i: number) => string) {
  const answers: RawResponse[] = [];
  for (let attempt = 0; attempt < 12; attempt += 1) {
    answers.push(await login(url, localAddress, forged(attempt), attempt));
  }
  return answers;
}

const randomAddress = (i: number) => `198.18.${Math.floor(Math.random() * 250)}.${(i % 250) + 1}`;

test.describe('the shipped nginx trusts no client-supplied address', () => {
  test('a forged X-Forwarded-For does not escape the API rate limit', async () => {
    const api = () => `${env.webUrl}/api/site-setting?locale=en`;
    // Claiming to be the machine itself (exempt), or a new address on every request.
    const claimingLocal = statuses(await floodApi(api, '127.0.0.21', () => '127.0.0.1'));
    const claimingRandom = statuses(await floodApi(api, '127.0.0.22', randomAddress));
    expect({
      'claiming 127.0.0.1 is limited': claimingLocal.includes(429),
      'claiming random addresses is limited': claimingRandom.includes(429),
    }).toEqual({
      'claiming 127.0.0.1 is limited': true,
      'claiming random addresses is limited': true,
    });
    expect(claimingLocal).toContain(200);
  });

  test('a forged X-Forwarded-For neither escapes the admin login limit nor locks out another client', async () => {
    const claimingLocal = statuses(
      await loginFlood(env.adminProxyUrl, '127.0.0.25', () => '127.0.0.1'),
    );
    const claimingRandom = statuses(
      await loginFlood(env.adminProxyUrl, '127.0.0.26', randomAddress),
    );
    // Claiming to be the next client, to use up its attempts.
    const claimingOther = statuses(
      await loginFlood(env.adminProxyUrl, '127.0.0.27', () => '127.0.0.28'),
    );
    // The client whose address was claimed still gets its own attempts: a refusal, not 429.
    const own = await login(env.adminProxyUrl, '127.0.0.28');
    expect({
      'claiming 127.0.0.1 is limited': claimingLocal.includes(429),
      'claiming random addresses is limited': claimingRandom.includes(429),
      'claiming another client is limited': claimingOther.includes(429),
      "the other client's own attempt": [400, 401].includes(own.status) ? 'refused' : own.status,
    }).toEqual({
      'claiming 127.0.0.1 is limited': true,
      'claiming random addresses is limited': true,
      'claiming another client is limited': true,
      "the other client's own attempt": 'refused',
    });
  });
});

test.describe('nginx in front of a header echo, behind a trusted front proxy', () => {
  // The front proxy: one address of this machine, configured as TRUSTED_PROXY_CIDR.
  const FRONT_PROXY = '127.0.0.9';
  const dir = fileURLToPath(new URL('../test-results/nginx-echo', import.meta.url));
  let echo: Server;
  let nginx: NginxProcess;
  let siteRoot: string;
  /** The headers of the last request the echo received. */
  let received: IncomingHttpHeaders = {};

  test.beforeAll(async () => {
    echo = createServer((req, res) => {
      received = req.headers;
      res.writeHead(200, { 'content-type': 'application/json', 'cache-control': 'no-store' });
      res.end(JSON.stringify({ ok: true }));
    });
    await new Promise<void>((resolve) => echo.listen(0, '127.0.0.1', resolve));
    siteRoot = mkdtempSync(join(tmpdir(), 'e2e-echo-site-'));
    rmSync(dir, { recursive: true, force: true });
    nginx = await startNginx({
      port: await freePort(),
      adminPort: await freePort(),
      siteRoot,
      cmsUrl: `http://127.0.0.1:${(echo.address() as AddressInfo).port}`,
      trustedProxy: `${FRONT_PROXY}/32`,
      dir,
      logFile: join(dir, 'nginx.log'),
    });
  });

  test.afterAll(async () => {
    await nginx?.stop();
    echo?.close();
    rmSync(siteRoot, { recursive: true, force: true });
  });

  const forgeries = {
    'x-forwarded-for': '127.0.0.1, 203.0.113.66',
    'x-real-ip': '127.0.0.1',
    forwarded: 'for=127.0.0.1;proto=https',
    'x-forwarded-proto': 'https',
    'strapi-response-format': 'v4',
    'strapi-encode-source-maps': 'true',
  };

  test('the CMS is told the address nginx saw, never what a client wrote', async () => {
    const paths = [
      `${nginx.url}/api/faqs?locale=en`,
      `${nginx.url}/uploads/photo.png`,
      `${nginx.adminUrl}/admin/init`,
      `${nginx.adminUrl}/admin/login`,
      `${nginx.adminUrl}/content-manager/collection-types/api::faq.faq`,
      `${nginx.adminUrl}/api/faqs?locale=en`,
    ];
    for (const path of paths) {
      received = {};
      const answer = await requestFrom(path, { localAddress: '127.0.0.31', headers: forgeries });
      expect(answer.status, path).toBe(200);
      expect(
        {
          'x-forwarded-for': received['x-forwarded-for'],
          'x-real-ip': received['x-real-ip'],
          'x-forwarded-proto': received['x-forwarded-proto'],
          forwarded: received.forwarded,
          'strapi-response-format': received['strapi-response-format'],
          'strapi-encode-source-maps': received['strapi-encode-source-maps'],
        },
        path,
      ).toEqual({
        'x-forwarded-for': '127.0.0.31',
        'x-real-ip': '127.0.0.31',
        'x-forwarded-proto': 'http',
        forwarded: undefined,
        'strapi-response-format': undefined,
        'strapi-encode-source-maps': undefined,
      });
      // Not from the trusted proxy: its claim of HTTPS does not earn an HSTS header either.
      expect(answer.headers['strict-transport-security'], path).toBeUndefined();
    }
  });

  test("the trusted front proxy's last X-Forwarded-For address is the visitor (one hop)", async () => {
    received = {};
    const answer = await requestFrom(`${nginx.url}/api/faqs?locale=en`, {
      localAddress: FRONT_PROXY,
      // What the visitor wrote, then the visitor's address as the front proxy appends it.
      headers: { 'x-forwarded-for': '127.0.0.1, 198.51.100.7', 'x-forwarded-proto': 'https' },
    });
    expect(answer.status).toBe(200);
    expect(received['x-forwarded-for']).toBe('198.51.100.7');
    expect(received['x-real-ip']).toBe('198.51.100.7');
    expect(received['x-forwarded-proto']).toBe('https');
    expect(header(answer.headers['strict-transport-security'])).toMatch(/max-age=\d+/);
  });

  test('behind the trusted proxy each visitor has its own limit, and none is exempt', async () => {
    // A URL of its own for each request: the echo's answers are not cacheable, so requests for
    // one URL would wait on nginx's cache lock instead of reaching the limit at once.
    const api = (i: number) => `${nginx.url}/api/faqs?locale=en&request=${i}`;
    const visitor = statuses(await floodApi(api, FRONT_PROXY, () => '198.51.100.10'));
    const visitorLogins = statuses(
      await loginFlood(nginx.adminUrl!, FRONT_PROXY, () => '198.51.100.10'),
    );
    // Another visitor through the same proxy still has its own login attempts.
    const other = await login(nginx.adminUrl!, FRONT_PROXY, '198.51.100.11');
    // A visitor the proxy names as 127.0.0.1 is not the machine itself: limited like anyone.
    const local = statuses(await floodApi(api, FRONT_PROXY, () => '127.0.0.1'));
    const localLogins = statuses(await loginFlood(nginx.adminUrl!, FRONT_PROXY, () => '127.0.0.1'));
    expect({
      'a flooding visitor is limited (API)': visitor.includes(429),
      'a flooding visitor is limited (login)': visitorLogins.includes(429),
      "another visitor's login": other.status,
      "'127.0.0.1' via the proxy is limited (API)": local.includes(429),
      "'127.0.0.1' via the proxy is limited (login)": localLogins.includes(429),
    }).toEqual({
      'a flooding visitor is limited (API)': true,
      'a flooding visitor is limited (login)': true,
      "another visitor's login": 200,
      "'127.0.0.1' via the proxy is limited (API)": true,
      "'127.0.0.1' via the proxy is limited (login)": true,
    });
  });

  test('a TRUSTED_PROXY_CIDR that trusts everyone, or is not an address, is refused', () => {
    expect(trustedProxyValues('')).toEqual({ TRUSTED_PROXY_REAL_IP: '', TRUSTED_PROXY_GEO: '' });
    expect(trustedProxyValues('none')).toEqual({
      TRUSTED_PROXY_REAL_IP: '',
      TRUSTED_PROXY_GEO: '',
    });
    expect(trustedProxyValues('10.1.2.3/32, fd00::5')).toEqual({
      TRUSTED_PROXY_REAL_IP: 'set_real_ip_from 10.1.2.3/32; set_real_ip_from fd00::5; ',
      TRUSTED_PROXY_GEO: '10.1.2.3/32 1; fd00::5 1; ',
    });
    for (const bad of ['0.0.0.0/0', '::/0', '10.0.0.0/8; include /etc/passwd', 'proxy.example']) {
      expect(() => trustedProxyValues(bad), bad).toThrow(/TRUSTED_PROXY_CIDR/);
    }
  });
});
