import { createHmac, timingSafeEqual } from 'node:crypto';

/** Base64 of 32 bytes: 43 characters and one `=`. */
const BASE64_DIGEST = /^[A-Za-z0-9+/]{43}=$/;

/**
 * The `hmac-sha256-base64` scheme: `header` is the base64 HMAC-SHA256 of the raw body. True
 * only for an exact match, compared in constant time; false for a missing or malformed header,
 * a changed body or a wrong secret.
 *
 * @example
 * const ok = verifyBase64Hmac(secret, rawBody, req.headers['x-signature']);
 */
export function verifyBase64Hmac(secret: string, rawBody: Buffer, header: string | undefined): boolean {
  if (secret.length === 0 || typeof header !== 'string') return false;
  const value = header.trim();
  if (!BASE64_DIGEST.test(value)) return false;
  const expected = createHmac('sha256', secret).update(rawBody).digest();
  return timingSafeEqual(Buffer.from(value, 'base64'), expected);
}
