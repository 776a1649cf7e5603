import type { RetryPolicy } from './retry-policy.js';

/**
 * Exponential backoff with full jitter: a uniform draw between 0 and
 * min(maxDelayMs, baseDelayMs * 2^(attempt - 1)), never below minDelayMs. Drawing from the whole
 * range, rather than adding a little noise to a fixed delay, spreads clients that failed
 * together so they do not come back together.
 *
 * @param attempt attempts made so far (1 after the first failure)
 * @param random a number in [0, 1), `Math.random` in production
 * @example fullJitterDelay(3, DEFAULT_RETRY_POLICY, () => 0.5) // 500 (half of 250 * 2^2)
 */
export function fullJitterDelay(
  attempt: number,
  policy: Pick<RetryPolicy, 'baseDelayMs' | 'maxDelayMs' | 'minDelayMs'>,
  random: () => number,
): number {
  const exponent = Math.max(0, Math.floor(attempt) - 1);
  // 2 ** exponent overflows to Infinity after ~1000 attempts; min() keeps that harmless.
  const ceiling = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** exponent);
  return Math.max(policy.minDelayMs, Math.floor(random() * ceiling));
}
