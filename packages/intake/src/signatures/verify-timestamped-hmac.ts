import { verifySignature } from '@portage/persist';

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
  // The scheme is the one the outbox signs its own deliveries with: one implementation, in persist.
  if (secret.length === 0 || typeof header !== 'string') return false;
  return verifySignature(secret, rawBody, header, { toleranceSeconds: options.toleranceSeconds, now: () => options.now });
}
