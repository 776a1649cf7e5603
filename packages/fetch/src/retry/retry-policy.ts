/** How hard the client tries before giving up on one request. */
export interface RetryPolicy {
  /** Attempts in total, the first one included. */
  maxAttempts: number;
  /** No retry is scheduled whose wait would end later than this after the first attempt began. */
  maxElapsedMs: number;
  /** Backoff ceiling of the first retry; it doubles with each attempt. */
  baseDelayMs: number;
  /** Cap on the backoff ceiling. */
  maxDelayMs: number;
  /** Floor of every wait, server-advised ones included, so "Retry-After: 0" cannot spin. */
  minDelayMs: number;
  /** Response statuses worth another attempt. */
  retryStatuses: readonly number[];
  /** A server asking for a longer wait gets no retry here; the caller learns when to come back. */
  maxRetryAfterMs: number;
}

/**
 * Five attempts within two minutes: enough to ride out a deploy or a brief 429 storm, short
 * enough that a sync job fails while someone is still watching.
 *
 * @example const policy: RetryPolicy = { ...DEFAULT_RETRY_POLICY, maxAttempts: 3 };
 */
export const DEFAULT_RETRY_POLICY: Readonly<RetryPolicy> = Object.freeze({
  maxAttempts: 5,
  maxElapsedMs: 120_000,
  baseDelayMs: 250,
  maxDelayMs: 30_000,
  minDelayMs: 100,
  retryStatuses: Object.freeze([408, 429, 502, 503, 504]),
  maxRetryAfterMs: 60_000,
});
