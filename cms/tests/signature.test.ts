import { describe, expect, it } from 'vitest';
import { assertRendererHookSettings } from '../src/content-events/renderer-hook';
import { sign, verify } from '../src/content-events/signature';

const SECRET = 'a-shared-secret';
const BODY =
  '{"events":[{"uid":"api::faq.faq","action":"publish","documentId":"abc","locale":"*","at":"2023-11-14T22:13:20.000Z"}]}';
const NOW = 1_700_000_000_000;

describe('the renderer hook signature', () => {
  it('is t=<ms>,v1=<hex HMAC-SHA256 of "<t>.<body>"> (a fixed vector for the renderer)', () => {
    // printf '%s' "1700000000000.$BODY" | openssl dgst -sha256 -hmac a-shared-secret
    expect(sign(BODY, SECRET, NOW)).toBe(
      't=1700000000000,v1=101dd27c332513bafee4d3f172a1b156b47751cad3704a910ce3537eabb97995',
    );
  });

  it('verifies what it signed', () => {
    expect(verify(sign(BODY, SECRET, NOW), BODY, SECRET, { now: NOW + 1000 })).toEqual({
      ok: true,
      signedAt: NOW,
    });
  });

  it.each([
    ['missing', () => undefined, BODY, SECRET, 'missing'],
    ['not a signature', () => 'sha256=abc', BODY, SECRET, 'malformed'],
    [
      'over another body',
      () => sign(BODY, SECRET, NOW),
      BODY.replace('abc', 'abd'),
      SECRET,
      'bad-signature',
    ],
    ['with another secret', () => sign(BODY, 'other', NOW), BODY, SECRET, 'bad-signature'],
    [
      'with its time changed',
      () => sign(BODY, SECRET, NOW).replace(`t=${NOW}`, `t=${NOW + 1}`),
      BODY,
      SECRET,
      'bad-signature',
    ],
  ])('refuses a signature %s', (_label, header, body, secret, reason) => {
    expect(verify(header(), body, secret, { now: NOW })).toEqual({ ok: false, reason });
  });

  it('refuses a replay older than the tolerance', () => {
    const header = sign(BODY, SECRET, NOW);
    expect(verify(header, BODY, SECRET, { now: NOW + 60_000, toleranceMs: 60_000 }).ok).toBe(true);
    expect(verify(header, BODY, SECRET, { now: NOW + 60_001, toleranceMs: 60_000 })).toEqual({
      ok: false,
      reason: 'too-old',
    });
  });
});

describe('the renderer hook settings', () => {
  const hook = { urls: [], secret: '', timeoutMs: 5000, retries: 3, retryDelayMs: 250 };

  it('need nothing when no RENDERER_HOOK_URL is set', () => {
    expect(() => assertRendererHookSettings(hook)).not.toThrow();
  });

  it('need RENDER_HOOK_SECRET once a RENDERER_HOOK_URL is set', () => {
    expect(() =>
      assertRendererHookSettings({ ...hook, urls: ['http://127.0.0.1:4300/hook'] }),
    ).toThrow(/RENDERER_HOOK_URL is set but RENDER_HOOK_SECRET is not/);
    expect(() =>
      assertRendererHookSettings({ ...hook, urls: ['http://127.0.0.1:4300/hook'], secret: 's' }),
    ).not.toThrow();
  });

  it('refuse something that is not an http(s) URL', () => {
    expect(() =>
      assertRendererHookSettings({ ...hook, urls: ['renderer:4300'], secret: 's' }),
    ).toThrow(/RENDERER_HOOK_URL must be http\(s\) URL\(s\).*"renderer:4300"/);
  });
});
