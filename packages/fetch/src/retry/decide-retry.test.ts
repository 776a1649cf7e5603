import { describe, it, expect, vi } from 'vitest';
import type { ResponseHeaders } from '../http/request-spec.js';
import { decideRetry, type RetryDecision, type RetryInput, type RetryOutcome } from './decide-retry.js';
import { DEFAULT_RETRY_POLICY, type RetryPolicy } from './retry-policy.js';

const NOW = Date.UTC(2024, 0, 1);
const epochSeconds = (offsetSeconds: number): string => String(NOW / 1000 + offsetSeconds);

const status = (code: number, headers: ResponseHeaders = {}): RetryOutcome => ({ type: 'response', status: code, headers });
const network = (code: string): RetryOutcome => ({ type: 'network', code });
const timeout: RetryOutcome = { type: 'timeout' };

interface Case {
  name: string;
  given: Partial<Omit<RetryInput, 'random'>> & { random?: number; policy?: Partial<RetryPolicy> };
  want: RetryDecision;
}

function decide({ random = 0.5, policy, ...given }: Case['given']): RetryDecision {
  const input: RetryInput = {
    attempt: 1,
    elapsedMs: 0,
    method: 'GET',
    retrySafe: false,
    outcome: status(503),
    now: NOW,
    ...given,
    random: () => random,
  };
  return decideRetry(input, { ...DEFAULT_RETRY_POLICY, ...policy });
}

// With random() = 0.5 and the default policy the backoff is 125, 250, 500, 1000 ms for attempts 1-4.
describe('decideRetry', () => {
  describe('what is transient', () => {
    it.each<Case>([
      { name: '503', given: { outcome: status(503) }, want: { retry: true, delayMs: 125, reason: '503' } },
      { name: '502', given: { outcome: status(502) }, want: { retry: true, delayMs: 125, reason: '502' } },
      { name: '504', given: { outcome: status(504) }, want: { retry: true, delayMs: 125, reason: '504' } },
      { name: '408', given: { outcome: status(408) }, want: { retry: true, delayMs: 125, reason: '408' } },
      { name: '429 without headers backs off', given: { outcome: status(429) }, want: { retry: true, delayMs: 125, reason: '429' } },
      { name: '500', given: { outcome: status(500) }, want: { retry: false, reason: '500 is not retryable' } },
      { name: '400', given: { outcome: status(400) }, want: { retry: false, reason: '400 is not retryable' } },
      { name: '404', given: { outcome: status(404) }, want: { retry: false, reason: '404 is not retryable' } },
      { name: '401', given: { outcome: status(401) }, want: { retry: false, reason: '401 is not retryable' } },
      { name: 'plain 403', given: { outcome: status(403) }, want: { retry: false, reason: '403 is not retryable' } },
      {
        name: '403 with quota left',
        given: { outcome: status(403, { 'x-ratelimit-remaining': '12', 'x-ratelimit-reset': epochSeconds(30) }) },
        want: { retry: false, reason: '403 is not retryable' },
      },
      { name: 'ECONNRESET', given: { outcome: network('ECONNRESET') }, want: { retry: true, delayMs: 125, reason: 'ECONNRESET' } },
      { name: 'ECONNREFUSED', given: { outcome: network('ECONNREFUSED') }, want: { retry: true, delayMs: 125, reason: 'ECONNREFUSED' } },
      { name: 'EPIPE', given: { outcome: network('EPIPE') }, want: { retry: true, delayMs: 125, reason: 'EPIPE' } },
      { name: 'ETIMEDOUT', given: { outcome: network('ETIMEDOUT') }, want: { retry: true, delayMs: 125, reason: 'ETIMEDOUT' } },
      { name: 'EAI_AGAIN', given: { outcome: network('EAI_AGAIN') }, want: { retry: true, delayMs: 125, reason: 'EAI_AGAIN' } },
      { name: 'UND_ERR_SOCKET', given: { outcome: network('UND_ERR_SOCKET') }, want: { retry: true, delayMs: 125, reason: 'UND_ERR_SOCKET' } },
      {
        name: 'UND_ERR_CONNECT_TIMEOUT',
        given: { outcome: network('UND_ERR_CONNECT_TIMEOUT') },
        want: { retry: true, delayMs: 125, reason: 'UND_ERR_CONNECT_TIMEOUT' },
      },
      { name: 'timeout', given: { outcome: timeout }, want: { retry: true, delayMs: 125, reason: 'timeout' } },
      {
        name: 'certificate errors',
        given: { outcome: network('CERT_HAS_EXPIRED') },
        want: { retry: false, reason: 'CERT_HAS_EXPIRED is not retryable' },
      },
      { name: 'unknown host', given: { outcome: network('ENOTFOUND') }, want: { retry: false, reason: 'ENOTFOUND is not retryable' } },
      { name: 'unknown codes', given: { outcome: network('UNKNOWN') }, want: { retry: false, reason: 'UNKNOWN is not retryable' } },
      {
        name: 'a custom status list',
        given: { outcome: status(500), policy: { retryStatuses: [500] } },
        want: { retry: true, delayMs: 125, reason: '500' },
      },
      {
        name: 'a custom status list replaces the default',
        given: { outcome: status(503), policy: { retryStatuses: [500] } },
        want: { retry: false, reason: '503 is not retryable' },
      },
    ])('$name', ({ given, want }) => {
      expect(decide(given)).toEqual(want);
    });
  });

  describe('which methods may repeat', () => {
    it.each<Case>([
      { name: 'GET', given: { method: 'GET' }, want: { retry: true, delayMs: 125, reason: '503' } },
      { name: 'HEAD', given: { method: 'HEAD' }, want: { retry: true, delayMs: 125, reason: '503' } },
      { name: 'PUT', given: { method: 'PUT' }, want: { retry: true, delayMs: 125, reason: '503' } },
      { name: 'DELETE', given: { method: 'DELETE' }, want: { retry: true, delayMs: 125, reason: '503' } },
      { name: 'POST', given: { method: 'POST' }, want: { retry: false, reason: 'POST not marked retry-safe' } },
      { name: 'PATCH', given: { method: 'PATCH' }, want: { retry: false, reason: 'PATCH not marked retry-safe' } },
      { name: 'POST marked retry-safe', given: { method: 'POST', retrySafe: true }, want: { retry: true, delayMs: 125, reason: '503' } },
      { name: 'PATCH marked retry-safe', given: { method: 'PATCH', retrySafe: true }, want: { retry: true, delayMs: 125, reason: '503' } },
      {
        name: 'POST timing out may have been applied',
        given: { method: 'POST', outcome: timeout },
        want: { retry: false, reason: 'POST not marked retry-safe' },
      },
      {
        name: 'POST losing its connection may have been applied',
        given: { method: 'POST', outcome: network('ECONNRESET') },
        want: { retry: false, reason: 'POST not marked retry-safe' },
      },
      {
        name: 'POST whose connection was refused never reached the server',
        given: { method: 'POST', outcome: network('ECONNREFUSED') },
        want: { retry: true, delayMs: 125, reason: 'ECONNREFUSED' },
      },
      {
        name: 'PATCH whose connect timed out never reached the server',
        given: { method: 'PATCH', outcome: network('UND_ERR_CONNECT_TIMEOUT') },
        want: { retry: true, delayMs: 125, reason: 'UND_ERR_CONNECT_TIMEOUT' },
      },
      {
        name: 'POST told when to come back still reports it',
        given: { method: 'POST', outcome: status(429, { 'retry-after': '2' }) },
        want: { retry: false, reason: 'POST not marked retry-safe', waitUntil: NOW + 2_000 },
      },
      {
        name: 'a non-retryable POST says so first',
        given: { method: 'POST', outcome: status(404) },
        want: { retry: false, reason: '404 is not retryable' },
      },
    ])('$name', ({ given, want }) => {
      expect(decide(given)).toEqual(want);
    });
  });

  describe('server-advised waits', () => {
    it.each<Case>([
      {
        name: '429 with Retry-After seconds',
        given: { outcome: status(429, { 'retry-after': '2' }) },
        want: { retry: true, delayMs: 2_000, reason: '429 with Retry-After 2s' },
      },
      {
        name: 'Retry-After 0 waits minDelayMs, not a hot loop',
        given: { outcome: status(429, { 'retry-after': '0' }) },
        want: { retry: true, delayMs: 100, reason: '429 with Retry-After 0s' },
      },
      {
        name: 'Retry-After below minDelayMs',
        given: { outcome: status(503, { 'retry-after': '0.05' }) },
        want: { retry: true, delayMs: 100, reason: '503 with Retry-After 0.1s' },
      },
      {
        name: '503 with Retry-After',
        given: { outcome: status(503, { 'retry-after': '30' }) },
        want: { retry: true, delayMs: 30_000, reason: '503 with Retry-After 30s' },
      },
      {
        name: 'Retry-After as an HTTP-date',
        given: { outcome: status(503, { 'retry-after': 'Mon, 01 Jan 2024 00:00:10 GMT' }) },
        want: { retry: true, delayMs: 10_000, reason: '503 with Retry-After 10s' },
      },
      {
        name: 'Retry-After as a past HTTP-date',
        given: { outcome: status(503, { 'retry-after': 'Sun, 31 Dec 2023 00:00:00 GMT' }) },
        want: { retry: true, delayMs: 100, reason: '503 with Retry-After 0s' },
      },
      {
        name: 'an unreadable Retry-After falls back to backoff',
        given: { outcome: status(429, { 'retry-after': 'soon' }) },
        want: { retry: true, delayMs: 125, reason: '429' },
      },
      {
        name: 'the server advice replaces the backoff, not adds to it',
        given: { attempt: 4, outcome: status(429, { 'retry-after': '1' }) },
        want: { retry: true, delayMs: 1_000, reason: '429 with Retry-After 1s' },
      },
      {
        name: 'Retry-After exactly maxRetryAfterMs',
        given: { outcome: status(429, { 'retry-after': '60' }) },
        want: { retry: true, delayMs: 60_000, reason: '429 with Retry-After 60s' },
      },
      {
        name: 'Retry-After beyond maxRetryAfterMs',
        given: { outcome: status(429, { 'retry-after': '61' }) },
        want: { retry: false, reason: '429 with Retry-After 61s exceeds max 60s', waitUntil: NOW + 61_000 },
      },
      {
        name: 'Retry-After of an hour',
        given: { outcome: status(503, { 'retry-after': '3600' }) },
        want: { retry: false, reason: '503 with Retry-After 3600s exceeds max 60s', waitUntil: NOW + 3_600_000 },
      },
      {
        name: '429 with an epoch x-ratelimit-reset',
        given: { outcome: status(429, { 'x-ratelimit-reset': epochSeconds(20) }) },
        want: { retry: true, delayMs: 20_000, reason: '429 with x-ratelimit-reset 20s' },
      },
      {
        name: '429 with ratelimit-reset',
        given: { outcome: status(429, { 'ratelimit-remaining': '0', 'ratelimit-reset': '5' }) },
        want: { retry: true, delayMs: 5_000, reason: '429 with ratelimit-reset 5s' },
      },
      {
        name: '429 whose reset is far away',
        given: { outcome: status(429, { 'x-ratelimit-reset': epochSeconds(900) }) },
        want: { retry: false, reason: '429 with x-ratelimit-reset 900s exceeds max 60s', waitUntil: NOW + 900_000 },
      },
      {
        name: 'a reset header on a 503 with quota left is not advice',
        given: { outcome: status(503, { 'x-ratelimit-remaining': '4000', 'x-ratelimit-reset': epochSeconds(3_000) }) },
        want: { retry: true, delayMs: 125, reason: '503' },
      },
      {
        name: 'a reset header on a 503 with the quota spent is advice',
        given: { outcome: status(503, { 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': epochSeconds(10) }) },
        want: { retry: true, delayMs: 10_000, reason: '503 with x-ratelimit-reset 10s' },
      },
      {
        name: 'GitHub primary limit: 403, quota spent, reset soon',
        given: { outcome: status(403, { 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': epochSeconds(30) }) },
        want: { retry: true, delayMs: 30_000, reason: '403 with x-ratelimit-reset 30s' },
      },
      {
        name: 'GitHub primary limit: 403, quota spent, reset in 20 minutes',
        given: { outcome: status(403, { 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': epochSeconds(1_200) }) },
        want: { retry: false, reason: '403 with x-ratelimit-reset 1200s exceeds max 60s', waitUntil: NOW + 1_200_000 },
      },
      {
        name: 'GitHub secondary limit: 403 with Retry-After',
        given: { outcome: status(403, { 'retry-after': '60', 'x-ratelimit-remaining': '4000' }) },
        want: { retry: true, delayMs: 60_000, reason: '403 with Retry-After 60s' },
      },
      {
        name: 'a rate-limited 403 is not retried when 429 is not',
        given: {
          outcome: status(403, { 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': epochSeconds(30) }),
          policy: { retryStatuses: [503] },
        },
        want: { retry: false, reason: '403 is not retryable' },
      },
    ])('$name', ({ given, want }) => {
      expect(decide(given)).toEqual(want);
    });
  });

  describe('limits', () => {
    it.each<Case>([
      { name: 'attempt 4 of 5 may retry', given: { attempt: 4 }, want: { retry: true, delayMs: 1_000, reason: '503' } },
      { name: 'attempt 5 of 5', given: { attempt: 5 }, want: { retry: false, reason: 'max attempts 5 reached' } },
      { name: 'past max attempts', given: { attempt: 9 }, want: { retry: false, reason: 'max attempts 5 reached' } },
      {
        name: 'a custom maxAttempts',
        given: { attempt: 2, policy: { maxAttempts: 2 } },
        want: { retry: false, reason: 'max attempts 2 reached' },
      },
      {
        name: 'maxAttempts 1 never retries',
        given: { attempt: 1, policy: { maxAttempts: 1 } },
        want: { retry: false, reason: 'max attempts 1 reached' },
      },
      {
        name: 'out of attempts with advice keeps the advice',
        given: { attempt: 5, outcome: status(429, { 'retry-after': '2' }) },
        want: { retry: false, reason: 'max attempts 5 reached', waitUntil: NOW + 2_000 },
      },
      {
        name: 'a delay ending exactly at maxElapsedMs',
        given: { elapsedMs: 119_875 },
        want: { retry: true, delayMs: 125, reason: '503' },
      },
      {
        name: 'a delay ending past maxElapsedMs',
        given: { elapsedMs: 119_876 },
        want: { retry: false, reason: 'max elapsed 120s would be exceeded' },
      },
      {
        name: 'advice ending past maxElapsedMs',
        given: { elapsedMs: 100_000, outcome: status(429, { 'retry-after': '30' }) },
        want: { retry: false, reason: 'max elapsed 120s would be exceeded', waitUntil: NOW + 30_000 },
      },
      {
        name: 'the minDelayMs floor counts against maxElapsedMs',
        given: { elapsedMs: 119_950, outcome: status(429, { 'retry-after': '0' }) },
        want: { retry: false, reason: 'max elapsed 120s would be exceeded', waitUntil: NOW },
      },
      {
        name: 'a zero draw waits minDelayMs',
        given: { attempt: 3, random: 0 },
        want: { retry: true, delayMs: 100, reason: '503' },
      },
      {
        name: 'a late attempt is capped at maxDelayMs',
        given: { attempt: 12, random: 0.999, policy: { maxAttempts: 20 } },
        want: { retry: true, delayMs: 29_970, reason: '503' },
      },
    ])('$name', ({ given, want }) => {
      expect(decide(given)).toEqual(want);
    });
  });

  it('is pure: the same input gives the same decision and is left untouched', () => {
    const input: RetryInput = {
      attempt: 2,
      elapsedMs: 1_000,
      method: 'GET',
      retrySafe: false,
      outcome: status(503),
      now: NOW,
      random: () => 0.25,
    };
    const snapshot = structuredClone({ ...input, random: undefined });
    const first = decideRetry(input, DEFAULT_RETRY_POLICY);
    expect(decideRetry(input, DEFAULT_RETRY_POLICY)).toEqual(first);
    expect({ ...input, random: undefined }).toEqual(snapshot);
  });

  it('draws no random number when the server said how long to wait', () => {
    const random = vi.fn(() => 0.5);
    decideRetry(
      { attempt: 1, elapsedMs: 0, method: 'GET', retrySafe: false, outcome: status(429, { 'retry-after': '1' }), now: NOW, random },
      DEFAULT_RETRY_POLICY,
    );
    expect(random).not.toHaveBeenCalled();
  });
});
