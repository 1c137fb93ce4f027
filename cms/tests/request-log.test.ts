import { describe, expect, it } from 'vitest';
import { requestLogSettings } from '../src/middlewares/request-log';

describe('request log settings', () => {
  it('log every request in development, only slow or failed ones in production', () => {
    expect(requestLogSettings({}, false)).toEqual({ mode: 'all', slowMs: 1000 });
    expect(requestLogSettings({}, true)).toEqual({ mode: 'slow', slowMs: 1000 });
    expect(requestLogSettings({ mode: 'all', slowMs: 250 }, true)).toEqual({
      mode: 'all',
      slowMs: 250,
    });
    expect(requestLogSettings({ mode: 'off' }, false).mode).toBe('off');
  });

  it('refuse a mode that does not exist', () => {
    expect(() => requestLogSettings({ mode: 'verbose' }, true)).toThrow(/REQUEST_LOG/);
    expect(() => requestLogSettings({ slowMs: -1 }, true)).toThrow(/REQUEST_LOG_SLOW_MS/);
  });
});
