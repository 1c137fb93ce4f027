// @vitest-environment node
import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { createSignatureVerifier, DEFAULT_TOLERANCE_MS } from '../signature';

const SECRET = 'test-secret';
const sign = (body: string, t: number, secret = SECRET) =>
  `t=${t},v1=${createHmac('sha256', secret).update(`${t}.${body}`).digest('hex')}`;

describe('change notification signatures', () => {
  const body = '{"events":[{"uid":"api::faq.faq","action":"publish"}]}';
  const now = 1_800_000_000_000;

  it('accepts a fresh call signed with the shared secret', () => {
    const verify = createSignatureVerifier(SECRET);
    expect(verify(sign(body, now - 1000), body, now)).toEqual({ ok: true });
  });

  it.each([
    ['no header', undefined, 'missing X-Signature'],
    ['garbage', 'hello', 'malformed X-Signature'],
    ['a short digest', `t=${now},v1=abc`, 'malformed X-Signature'],
    ['another secret', sign(body, now, 'other-secret'), 'bad signature'],
    ['another body', sign('{"events":[]}', now), 'bad signature'],
    ['a stale time', sign(body, now - DEFAULT_TOLERANCE_MS - 1), 'stale signature'],
    ['a future time', sign(body, now + DEFAULT_TOLERANCE_MS + 1), 'stale signature'],
  ])('refuses %s', (_name, header, reason) => {
    const verify = createSignatureVerifier(SECRET);
    expect(verify(header, body, now)).toEqual({ ok: false, reason });
  });

  it('refuses the same signed call twice (a replay)', () => {
    const verify = createSignatureVerifier(SECRET);
    const header = sign(body, now);
    expect(verify(header, body, now)).toEqual({ ok: true });
    expect(verify(header, body, now + 10)).toEqual({ ok: false, reason: 'replayed signature' });
  });

  it('needs a secret', () => {
    expect(() => createSignatureVerifier('')).toThrow(/RENDER_HOOK_SECRET/);
  });
});
