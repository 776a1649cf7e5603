import type { HttpMethod, ResponseHeaders } from '../http/request-spec.js';
import { parseRateLimitHeaders } from '../rate-limit/rate-limit-headers.js';
import { fullJitterDelay } from './backoff.js';
import { readServerWait, type ServerWait } from './retry-after.js';
import type { RetryPolicy } from './retry-policy.js';
import { RETRYABLE_NETWORK_CODES, UNSENT_NETWORK_CODES } from './retryable-network-codes.js';

/** How the attempt that just ended failed. */
export type RetryOutcome =
  | { type: 'response'; status: number; headers: ResponseHeaders }
  /** `code` as the network library reports it: ECONNRESET, ECONNREFUSED, UND_ERR_SOCKET, ... */
  | { type: 'network'; code: string }
  | { type: 'timeout' };

export interface RetryInput {
  /** Attempts made so far, the failed one included (>= 1). */
  attempt: number;
  /** Since the first attempt began. */
  elapsedMs: number;
  method: HttpMethod;
  /** The caller made a POST or PATCH safe to repeat, e.g. with an idempotency key. */
  retrySafe: boolean;
  /** Whether repeating the request is harmless; by default, by method (GET, HEAD, PUT, DELETE). */
  idempotent?: boolean;
  outcome: RetryOutcome;
  /** Epoch ms. */
  now: number;
  /** A number in [0, 1); `Math.random` in production. */
  random: () => number;
}

export type RetryDecision =
  | { retry: true; delayMs: number; reason: string }
  /**
   * `waitUntil` (epoch ms) is set when the server said when to come back: the caller can pause
   * the connection until then instead of hammering a platform that already said no.
   */
  | { retry: false; reason: string; waitUntil?: number };

const IDEMPOTENT_METHODS: ReadonlySet<HttpMethod> = new Set(['GET', 'HEAD', 'PUT', 'DELETE']);

/**
 * Whether to try a failed request again, and after how long. Pure: the clock and the random
 * source come in with the input, so every branch is testable without waiting.
 *
 * Transient failures (retryable network codes, timeouts, `policy.retryStatuses`) are retried;
 * POST and PATCH only when `retrySafe` or when the connection never came up. A server-advised
 * wait (Retry-After, or a quota reset on a 429 or an exhausted quota) replaces the jittered
 * backoff, floored at `minDelayMs`; one longer than `maxRetryAfterMs` ends the retries with
 * `waitUntil`. No retry is scheduled past `maxAttempts` or `maxElapsedMs`.
 *
 * @example
 * decideRetry(
 *   { attempt: 1, elapsedMs: 300, method: 'GET', retrySafe: false, now: Date.now(), random: Math.random,
 *     outcome: { type: 'response', status: 429, headers: { 'retry-after': '2' } } },
 *   DEFAULT_RETRY_POLICY,
 * ); // { retry: true, delayMs: 2000, reason: '429 with Retry-After 2s' }
 */
export function decideRetry(input: RetryInput, policy: RetryPolicy): RetryDecision {
  const { outcome, now } = input;
  const cause = describe(outcome);
  if (!isRetryable(outcome, policy, now)) return { retry: false, reason: `${cause} is not retryable` };

  const wait = outcome.type === 'response' ? serverWait(outcome.status, outcome.headers, now) : undefined;
  const stop = (reason: string): RetryDecision =>
    wait ? { retry: false, reason, waitUntil: now + wait.delayMs } : { retry: false, reason };

  if (!(input.idempotent ?? IDEMPOTENT_METHODS.has(input.method)) && !input.retrySafe && !neverSent(outcome)) {
    return stop(`${input.method} not marked retry-safe`);
  }
  if (input.attempt >= policy.maxAttempts) return stop(`max attempts ${policy.maxAttempts} reached`);
  if (wait && wait.delayMs > policy.maxRetryAfterMs) {
    return stop(`${cause} with ${wait.header} ${seconds(wait.delayMs)} exceeds max ${seconds(policy.maxRetryAfterMs)}`);
  }
  const delayMs = wait ? Math.max(wait.delayMs, policy.minDelayMs) : fullJitterDelay(input.attempt, policy, input.random);
  if (input.elapsedMs + delayMs > policy.maxElapsedMs) {
    return stop(`max elapsed ${seconds(policy.maxElapsedMs)} would be exceeded`);
  }
  return { retry: true, delayMs, reason: wait ? `${cause} with ${wait.header} ${seconds(wait.delayMs)}` : cause };
}

function isRetryable(outcome: RetryOutcome, policy: RetryPolicy, now: number): boolean {
  switch (outcome.type) {
    case 'timeout':
      return true;
    case 'network':
      return RETRYABLE_NETWORK_CODES.has(outcome.code);
    case 'response':
      if (policy.retryStatuses.includes(outcome.status)) return true;
      // GitHub answers an exhausted quota with 403, not 429: treat it as the 429 it means.
      return outcome.status === 403 && policy.retryStatuses.includes(429) && isRateLimited(outcome.headers, now);
  }
}

function isRateLimited(headers: ResponseHeaders, now: number): boolean {
  return (
    parseRateLimitHeaders(headers, now).remaining === 0 ||
    readServerWait(headers, now, { resetHeaders: false }) !== undefined
  );
}

/**
 * Quota reset headers ride on every response of some platforms (GitHub's reset is up to an
 * hour away); they only mean "wait" on a 429 or when the quota is spent.
 */
function serverWait(status: number, headers: ResponseHeaders, now: number): ServerWait | undefined {
  const exhausted = status === 429 || parseRateLimitHeaders(headers, now).remaining === 0;
  return readServerWait(headers, now, { resetHeaders: exhausted });
}

function neverSent(outcome: RetryOutcome): boolean {
  return outcome.type === 'network' && UNSENT_NETWORK_CODES.has(outcome.code);
}

function describe(outcome: RetryOutcome): string {
  switch (outcome.type) {
    case 'response':
      return String(outcome.status);
    case 'network':
      return outcome.code;
    case 'timeout':
      return 'timeout';
  }
}

function seconds(ms: number): string {
  return `${Number((ms / 1000).toFixed(1))}s`;
}
