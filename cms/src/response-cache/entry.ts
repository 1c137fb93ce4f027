import { createHash, createHmac, timingSafeEqual } from 'node:crypto';

/**
 * A cached answer, sealed: it carries the key it was stored under, its ETag and an HMAC over the
 * key, the content version it was stored under, the ETag and the body, keyed with a secret derived
 * from the app's keys (APP_KEYS, shared by every CMS process). Before a hit is served, the entry
 * is opened with the key and the version it was found under: the right key, a seal that matches,
 * a body that is a JSON object. An entry planted by anyone who can write to Redis but does not
 * hold the app's keys, an entry copied from another key, a genuine entry from an earlier content
 * version put back under the current one (an answer from before a change), or one corrupted in
 * storage is not served (the middleware drops it and answers from the database).
 */

/** One cached answer: the exact JSON bytes sent, their ETag (quoted, as sent), key and seal. */
export interface CachedResponse {
  key: string;
  body: Buffer;
  etag: string;
  /** base64url HMAC-SHA256 of key, content version, ETag and body. */
  seal: string;
}

/** The seal's key, from the app's keys (the same in every CMS process that shares a Redis). */
export function sealingKey(appKeys: readonly string[]): Buffer {
  if (appKeys.length === 0) throw new Error('The response cache needs the app keys (APP_KEYS).');
  return createHmac('sha256', appKeys.join(',')).update('cms response cache entries v1').digest();
}

export const etagOf = (body: Buffer) => `"${createHash('sha1').update(body).digest('base64url')}"`;

function sealOf(secret: Buffer, key: string, version: string, etag: string, body: Buffer) {
  return createHmac('sha256', secret)
    .update(JSON.stringify([key, version, etag]))
    .update('\n')
    .update(body)
    .digest('base64url');
}

/** The entry of `body` for `key`, to be stored under the content version `version`. */
export function sealEntry(
  secret: Buffer,
  key: string,
  version: string,
  body: Buffer,
): CachedResponse {
  const etag = etagOf(body);
  return { key, body, etag, seal: sealOf(secret, key, version, etag, body) };
}

/** Why `entry`, found under `key` and `version`, may not be served; `null` when it may. */
export function entryProblem(
  secret: Buffer,
  key: string,
  version: string,
  entry: CachedResponse,
): string | null {
  if (entry.key !== key) return 'it was stored for another key';
  const expected = Buffer.from(sealOf(secret, key, version, entry.etag, entry.body));
  const given = Buffer.from(entry.seal);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) {
    return 'its seal does not match its key, content version, ETag and body';
  }
  // What the middleware stores is always a JSON object; anything else is not ours.
  if (entry.body[0] !== 0x7b || entry.body[entry.body.length - 1] !== 0x7d) {
    return 'its body is not a JSON object';
  }
  return null;
}
