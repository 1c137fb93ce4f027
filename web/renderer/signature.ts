import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * The CMS signs each change notification (cms/src/content-events/signature.ts):
 *   X-Signature: t=<unix ms>,v1=<hex HMAC-SHA256(secret, "<t>.<raw body>")>
 * A call is accepted when the signature matches, its time is within `toleranceMs` of ours, and
 * the same signature was not seen before (a replayed call is refused).
 */
export type Verdict = { ok: true } | { ok: false; reason: string };

export const DEFAULT_TOLERANCE_MS = 5 * 60 * 1000;

export function createSignatureVerifier(secret: string, toleranceMs = DEFAULT_TOLERANCE_MS) {
  if (!secret) throw new Error('RENDER_HOOK_SECRET is required to verify change notifications.');
  const seen = new Map<string, number>(); // signature → its time, while within the tolerance

  return function verify(header: string | undefined, body: string, now = Date.now()): Verdict {
    if (!header) return { ok: false, reason: 'missing X-Signature' };
    const parts = Object.fromEntries(
      header.split(',').map((part) => {
        const at = part.indexOf('=');
        return [part.slice(0, at).trim(), part.slice(at + 1).trim()];
      }),
    );
    const time = Number(parts.t);
    const given = parts.v1 ?? '';
    if (!Number.isSafeInteger(time) || !/^[0-9a-f]{64}$/.test(given)) {
      return { ok: false, reason: 'malformed X-Signature' };
    }
    const expected = createHmac('sha256', secret).update(`${parts.t}.${body}`).digest('hex');
    if (!timingSafeEqual(Buffer.from(expected), Buffer.from(given))) {
      return { ok: false, reason: 'bad signature' };
    }
    if (Math.abs(now - time) > toleranceMs) return { ok: false, reason: 'stale signature' };
    for (const [signature, at] of seen)
      if (Math.abs(now - at) > toleranceMs) seen.delete(signature);
    if (seen.has(given)) return { ok: false, reason: 'replayed signature' };
    seen.set(given, time);
    return { ok: true };
  };
}
