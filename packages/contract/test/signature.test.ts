import { describe, expect, it } from 'vitest';
import { createNotificationVerifier, signNotification } from '../src/index.js';

const SECRET = 'a-test-secret-that-is-long-enough-0123456789';
const body = '{"events":[]}';

describe('notification signatures', () => {
  it('are t=<ms>,v1=<hex HMAC-SHA256 of "<t>.<body>"> (a vector computed with openssl)', async () => {
    const vectorBody =
      '{"events":[{"uid":"api::faq.faq","action":"publish","documentId":"abc","locale":"*","at":"2023-11-14T22:13:20.000Z"}]}';
    // printf '%s' "1700000000000.$BODY" | openssl dgst -sha256 -hmac a-shared-secret
    expect(await signNotification(vectorBody, 'a-shared-secret', 1_700_000_000_000)).toBe(
      't=1700000000000,v1=101dd27c332513bafee4d3f172a1b156b47751cad3704a910ce3537eabb97995',
    );
  });

  it('accepts what was signed with the same secret, once', async () => {
    const verify = createNotificationVerifier(SECRET);
    const header = await signNotification(body, SECRET, 1_000_000);
    expect(header).toMatch(/^t=1000000,v1=[0-9a-f]{64}$/);
    expect(await verify(header, body, 1_000_500)).toEqual({ ok: true });
    expect(await verify(header, body, 1_000_600)).toEqual({
      ok: false,
      reason: 'replayed signature',
    });
  });

  it.each([
    ['no header', undefined, body, 'missing X-Signature'],
    ['a malformed header', 't=1,v1=zz', body, 'malformed X-Signature'],
  ])('refuses %s', async (_name, header, payload, reason) => {
    const verify = createNotificationVerifier(SECRET);
    expect(await verify(header, payload, 1_000_000)).toEqual({ ok: false, reason });
  });

  it('refuses another body, another secret and an old signature', async () => {
    const verify = createNotificationVerifier(SECRET);
    const header = await signNotification(body, SECRET, 1_000_000);
    expect(await verify(header, '{"events":[1]}', 1_000_000)).toMatchObject({
      reason: 'bad signature',
    });
    const other = await signNotification(body, `${SECRET}x`, 1_000_000);
    expect(await verify(other, body, 1_000_000)).toMatchObject({ reason: 'bad signature' });
    expect(await verify(header, body, 1_000_000 + 6 * 60_000)).toMatchObject({
      reason: 'stale signature',
    });
  });
});
