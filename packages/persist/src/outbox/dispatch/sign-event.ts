import { createHmac, timingSafeEqual } from 'node:crypto';
import { PortageError } from '@portage/core';

/**
 * Name of the header that carries {@link signPayload}'s value on every delivery.
 *
 * @example const header = String(req.headers[SIGNATURE_HEADER] ?? '');
 */
export const SIGNATURE_HEADER = 'portage-signature';

/** A SHA-256 HMAC is 32 bytes: 64 lower- or upper-case hex digits. */
const HEX_DIGEST = /^[0-9a-f]{64}$/i;
/** Unix seconds, no sign, no fraction, no exponent: anything else is a forged or broken header. */
const UNIX_SECONDS = /^\d{1,12}$/;

function requireSecret(secret: string): void {
  // An empty key still yields a valid-looking HMAC, so a missing secret would silently sign
  // (or accept) everything: fail loudly instead. The secret itself never goes in the message.
  if (typeof secret !== 'string' || secret.length === 0) {
    throw new PortageError('CONFIG_INVALID', 'the webhook signing secret is empty');
  }
}

function digest(secret: string, body: string | Buffer, timestampSeconds: number): Buffer {
  // The timestamp is part of the signed text so a captured request cannot be replayed later
  // with a fresh `t=`.
  return createHmac('sha256', secret).update(`${timestampSeconds}.`, 'utf8').update(body).digest();
}

/**
 * Signs a webhook body. Returns the `portage-signature` header value
 * `t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<body>">`.
 *
 * @example
 * const body = JSON.stringify(event);
 * const header = signPayload(process.env.WEBHOOK_SECRET!, body, Math.floor(Date.now() / 1000));
 * // -> 't=1767225600,v1=5f0c...'
 */
export function signPayload(secret: string, body: string, timestampSeconds: number): string {
  requireSecret(secret);
  if (!Number.isSafeInteger(timestampSeconds) || timestampSeconds < 0) {
    throw new PortageError('CONFIG_INVALID', `the signature timestamp must be whole unix seconds, got ${String(timestampSeconds)}`);
  }
  return `t=${timestampSeconds},v1=${digest(secret, body, timestampSeconds).toString('hex')}`;
}

/**
 * Tolerance and clock of {@link verifySignature}.
 *
 * @example verifySignature(secret, rawBody, header, { toleranceSeconds: 60 });
 */
export interface VerifySignatureOptions {
  /** Largest accepted distance between the signed timestamp and `now`, either way. */
  toleranceSeconds?: number;
  /** The receiver's clock (tests inject one). */
  now?: () => Date;
}

/**
 * Checks a `portage-signature` header against the raw request body, as a webhook receiver
 * does before trusting a delivery. False for a wrong secret, a changed body, a timestamp
 * further than `toleranceSeconds` from now (replays) and any malformed header. Several `v1=`
 * entries are allowed (any one matching is enough) so senders can rotate secrets.
 *
 * Pass the body exactly as received (its bytes, or them as UTF-8 text), not a re-serialised
 * object. Webhook intake checks platforms that sign this way with this same function.
 *
 * @example
 * const ok = verifySignature(secret, rawBody, req.headers['portage-signature'] ?? '');
 * if (!ok) return res.writeHead(401).end();
 */
export function verifySignature(
  secret: string,
  body: string | Buffer,
  header: string,
  options: VerifySignatureOptions = {},
): boolean {
  requireSecret(secret);
  const toleranceSeconds = options.toleranceSeconds ?? 300;
  if (typeof header !== 'string' || header.length === 0 || header.length > 4096) return false;

  let timestamp: number | undefined;
  const candidates: Buffer[] = [];
  for (const part of header.split(',')) {
    const separator = part.indexOf('=');
    if (separator <= 0) return false;
    const key = part.slice(0, separator).trim();
    const value = part.slice(separator + 1).trim();
    if (key === 't') {
      if (timestamp !== undefined || !UNIX_SECONDS.test(value)) return false;
      timestamp = Number(value);
    } else if (key === 'v1') {
      if (!HEX_DIGEST.test(value)) return false;
      candidates.push(Buffer.from(value, 'hex'));
    }
    // Other keys (a future v2 scheme) are ignored, so receivers keep working when one is added.
  }
  if (timestamp === undefined || candidates.length === 0) return false;

  const nowSeconds = Math.floor((options.now?.() ?? new Date()).getTime() / 1000);
  if (!(Math.abs(nowSeconds - timestamp) <= toleranceSeconds)) return false;

  const expected = digest(secret, body, timestamp);
  // Compare every candidate, without stopping at the first match, so the time taken says
  // nothing about which one matched. Lengths are equal (the regex pinned them to 32 bytes),
  // which timingSafeEqual requires.
  let matched = false;
  for (const candidate of candidates) {
    if (timingSafeEqual(candidate, expected)) matched = true;
  }
  return matched;
}
