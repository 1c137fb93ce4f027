import { describe, expect, it } from 'vitest';
import { assertRendererHookSettings } from '../src/content-events/renderer-hook';

// The signature scheme itself is @clinic/contract's (packages/contract/test/signature.test.ts).
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
