import { createHmac, timingSafeEqual } from 'node:crypto';

/** A SHA-256 HMAC is 32 bytes: 64 hex digits. */
const HEX_DIGEST = /^[0-9a-f]{64}$/i;
/** Whole unix seconds; a sign, fraction or exponent means a forged or broken header. */
const UNIX_SECONDS = /^\d{1,12}$/;
/** Longer headers are not from a platform: refuse before splitting them. */
const MAX_HEADER_LENGTH = 4096;

/**
 * Tolerance and clock of {@link verifyTimestampedHmac}.
 *
 * @example const options: TimestampedHmacOptions = { toleranceSeconds: 300, now: new Date() };
 */
export interface TimestampedHmacOptions {
  /** Largest accepted distance between the signed timestamp and `now`, either way. */
  toleranceSeconds: number;
  now: Date;
}

/**
 * The `hmac-sha256-timestamped` scheme: `header` is `t=<unix seconds>,v1=<hex>[,v1=<hex>...]`
 * where the hex is HMAC-SHA256 of `"<t>.<raw body>"`. True when some `v1` matches and `t` is
 * within the tolerance (a captured delivery cannot be replayed later); false for a missing or
 * malformed header, a stale timestamp, a changed body or a wrong secret. Other keys (`v0`, a
 * future `v2`) are ignored. Every candidate is compared in constant time.
 *
 * @example
 * const ok = verifyTimestampedHmac(secret, rawBody, req.headers['x-signature'], { toleranceSeconds: 300, now: new Date() });
 */
export function verifyTimestampedHmac(secret: string, rawBody: Buffer, header: string | undefined, options: TimestampedHmacOptions): boolean {
  if (secret.length === 0 || typeof header !== 'string' || header.length === 0 || header.length > MAX_HEADER_LENGTH) return false;

  let timestamp: string | undefined;
  const candidates: Buffer[] = [];
  for (const part of header.split(',')) {
    const separator = part.indexOf('=');
    if (separator <= 0) return false;
    const key = part.slice(0, separator).trim();
    const value = part.slice(separator + 1).trim();
    if (key === 't') {
      if (timestamp !== undefined || !UNIX_SECONDS.test(value)) return false;
      timestamp = value;
    } else if (key === 'v1' && HEX_DIGEST.test(value)) {
      candidates.push(Buffer.from(value, 'hex'));
    }
  }
  if (timestamp === undefined || candidates.length === 0) return false;

  const nowSeconds = Math.floor(options.now.getTime() / 1000);
  if (!(Math.abs(nowSeconds - Number(timestamp)) <= options.toleranceSeconds)) return false;

  const expected = createHmac('sha256', secret).update(`${timestamp}.`).update(rawBody).digest();
  // Every candidate is compared, so the time taken does not tell which one matched.
  let matched = false;
  for (const candidate of candidates) {
    if (timingSafeEqual(candidate, expected)) matched = true;
  }
  return matched;
}
