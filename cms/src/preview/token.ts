import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * Short-lived, signed preview tokens. The admin's preview handler (config/admin.ts) puts one in the
 * site's /preview URL; the site hands it to GET /api/preview, which returns that one draft. The
 * token names exactly one document, expires quickly, and is signed with PREVIEW_SECRET, which
 * never leaves the server: nothing in the public site's bundle can read drafts.
 */

export interface PreviewTarget {
  uid: string;
  documentId: string;
  locale: string;
  status: 'draft' | 'published';
}

interface Payload extends PreviewTarget {
  exp: number; // seconds since the epoch
}

export const DEFAULT_TTL_SECONDS = 10 * 60;

const base64url = (value: Buffer | string) => Buffer.from(value).toString('base64url');
const sign = (body: string, secret: string) =>
  createHmac('sha256', secret).update(body).digest('base64url');

export function createPreviewToken(
  target: PreviewTarget,
  secret: string,
  { ttlSeconds = DEFAULT_TTL_SECONDS, now = Date.now() } = {},
): string {
  if (!secret) throw new Error('PREVIEW_SECRET is required to create preview links.');
  const payload: Payload = { ...target, exp: Math.floor(now / 1000) + ttlSeconds };
  const body = base64url(JSON.stringify(payload));
  return `${body}.${sign(body, secret)}`;
}

export type VerifyResult =
  | { ok: true; target: PreviewTarget }
  | { ok: false; reason: 'missing' | 'malformed' | 'bad-signature' | 'expired' };

export function verifyPreviewToken(
  token: unknown,
  secret: string,
  { now = Date.now() } = {},
): VerifyResult {
  if (typeof token !== 'string' || token === '') return { ok: false, reason: 'missing' };
  const [body, signature, ...rest] = token.split('.');
  if (!body || !signature || rest.length > 0) return { ok: false, reason: 'malformed' };

  const expected = Buffer.from(sign(body, secret));
  const given = Buffer.from(signature);
  if (!secret || expected.length !== given.length || !timingSafeEqual(expected, given)) {
    return { ok: false, reason: 'bad-signature' };
  }
  let payload: Payload;
  try {
    payload = JSON.parse(Buffer.from(body, 'base64url').toString('utf8'));
  } catch {
    return { ok: false, reason: 'malformed' };
  }
  if (typeof payload.exp !== 'number' || payload.exp * 1000 <= now) {
    return { ok: false, reason: 'expired' };
  }
  const { uid, documentId, locale, status } = payload;
  return { ok: true, target: { uid, documentId, locale, status } };
}
