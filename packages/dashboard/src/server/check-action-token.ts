import { createHash, timingSafeEqual } from 'node:crypto';

/**
 * Whether an `Authorization` header carries `Bearer <token>`. Compared in constant time (as
 * SHA-256 digests, so the token's length does not leak either).
 *
 * @example checkActionToken(request.headers.authorization, token); // true or false
 */
export function checkActionToken(header: string | undefined, token: string): boolean {
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header ?? '');
  const given = match?.[1] ?? '';
  const digest = (text: string) => createHash('sha256').update(text, 'utf8').digest();
  // Always compare, even without a header, so both paths take the same time.
  return timingSafeEqual(digest(given), digest(token)) && given !== '' && token !== '';
}
