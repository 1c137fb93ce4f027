import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * How the CMS signs what it POSTs to the renderer, and how a receiver checks it. The renderer
 * (web/) implements the same scheme on its side:
 *
 *   X-Signature: t=<unix time in milliseconds>,v1=<hex HMAC-SHA256(secret, "<t>.<raw body>")>
 *
 * The HMAC covers the exact bytes of the body (verify before parsing the JSON) and the time, so a
 * captured request cannot be replayed once it is older than the receiver's tolerance.
 */

export const SIGNATURE_HEADER = 'X-Signature';

const hmac = (t: number, body: string, secret: string) =>
  createHmac('sha256', secret).update(`${t}.${body}`).digest('hex');

/** The X-Signature header value for `body`, signed at `now` (milliseconds since the epoch). */
export function sign(body: string, secret: string, now: number = Date.now()): string {
  const t = Math.floor(now);
  return `t=${t},v1=${hmac(t, body, secret)}`;
}

export type VerifyResult =
  | { ok: true; signedAt: number }
  | { ok: false; reason: 'missing' | 'malformed' | 'bad-signature' | 'too-old' };

/**
 * Checks an X-Signature header against the raw body: the reference for the renderer's side. A
 * signature older (or further in the future) than `toleranceMs` is refused.
 */
export function verify(
  header: string | undefined,
  body: string,
  secret: string,
  { now = Date.now(), toleranceMs = 5 * 60_000 }: { now?: number; toleranceMs?: number } = {},
): VerifyResult {
  if (!header) return { ok: false, reason: 'missing' };
  const match = /^t=(\d{1,16}),v1=([0-9a-f]{64})$/.exec(header.trim());
  if (!match) return { ok: false, reason: 'malformed' };
  const t = Number(match[1]);
  const expected = Buffer.from(hmac(t, body, secret), 'hex');
  if (!timingSafeEqual(expected, Buffer.from(match[2], 'hex'))) {
    return { ok: false, reason: 'bad-signature' };
  }
  if (Math.abs(now - t) > toleranceMs) return { ok: false, reason: 'too-old' };
  return { ok: true, signedAt: t };
}
