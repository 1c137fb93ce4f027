/**
 * How the CMS signs its change notifications and how the renderer checks them:
 *
 *   X-Signature: t=<unix time in milliseconds>,v1=<hex HMAC-SHA256(secret, "<t>.<raw body>")>
 *
 * The HMAC covers the exact bytes of the body (verify before parsing the JSON) and the time, so a
 * captured request cannot be replayed once it is older than the receiver's tolerance, and the
 * receiver refuses a signature it has already seen within it. Web Crypto: the same code runs in
 * Node (the CMS, the renderer) and anywhere else.
 */

export const SIGNATURE_HEADER = 'X-Signature';

export const DEFAULT_TOLERANCE_MS = 5 * 60 * 1000;

const encoder = new TextEncoder();

function key(secret: string, usage: 'sign' | 'verify'): Promise<CryptoKey> {
  return crypto.subtle.importKey(
    'raw',
    encoder.encode(secret),
    { name: 'HMAC', hash: 'SHA-256' },
    false,
    [usage],
  );
}

const toHex = (bytes: ArrayBuffer) =>
  Array.from(new Uint8Array(bytes), (byte) => byte.toString(16).padStart(2, '0')).join('');

function fromHex(hex: string): Uint8Array<ArrayBuffer> {
  const bytes = new Uint8Array(new ArrayBuffer(hex.length / 2));
  for (let i = 0; i < bytes.length; i += 1) bytes[i] = parseInt(hex.slice(i * 2, i * 2 + 2), 16);
  return bytes;
}

/** The X-Signature header value for `body`, signed at `now` (milliseconds since the epoch). */
export async function signNotification(
  body: string,
  secret: string,
  now: number = Date.now(),
): Promise<string> {
  if (!secret) throw new Error('A secret is required to sign a notification.');
  const t = Math.floor(now);
  const mac = await crypto.subtle.sign(
    'HMAC',
    await key(secret, 'sign'),
    encoder.encode(`${t}.${body}`),
  );
  return `t=${t},v1=${toHex(mac)}`;
}

export type Verdict = { ok: true } | { ok: false; reason: string };

/**
 * A verifier for one secret: accepts a header whose HMAC matches the body, whose time is within
 * `toleranceMs` of now, and which it has not accepted before.
 */
export function createNotificationVerifier(secret: string, toleranceMs = DEFAULT_TOLERANCE_MS) {
  if (!secret) throw new Error('A secret is required to verify notifications.');
  const verifyKey = key(secret, 'verify');
  const seen = new Map<string, number>(); // signature → its time, while within the tolerance

  return async function verify(
    header: string | undefined,
    body: string,
    now = Date.now(),
  ): Promise<Verdict> {
    if (!header) return { ok: false, reason: 'missing X-Signature' };
    const match = /^t=(\d{1,16}),v1=([0-9a-f]{64})$/.exec(header.trim());
    if (!match) return { ok: false, reason: 'malformed X-Signature' };
    const [, t = '', given = ''] = match;
    // crypto.subtle.verify compares in constant time.
    const valid = await crypto.subtle.verify(
      'HMAC',
      await verifyKey,
      fromHex(given),
      encoder.encode(`${t}.${body}`),
    );
    if (!valid) return { ok: false, reason: 'bad signature' };
    const time = Number(t);
    if (Math.abs(now - time) > toleranceMs) return { ok: false, reason: 'stale signature' };
    for (const [signature, at] of seen)
      if (Math.abs(now - at) > toleranceMs) seen.delete(signature);
    if (seen.has(given)) return { ok: false, reason: 'replayed signature' };
    seen.set(given, time);
    return { ok: true };
  };
}
