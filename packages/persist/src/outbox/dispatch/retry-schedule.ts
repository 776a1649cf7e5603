import { PortageError } from '@portage/core';

/**
 * Failed deliveries after which an event goes to the dead-letter queue. With the default
 * schedule the eighth failure comes about a minute (at most about two) after the first:
 * enough to ride out a receiver restart, short enough that a broken endpoint shows up in
 * `listDead` quickly. Raise it (or `baseMs`) for receivers that go away for longer.
 *
 * @example
 * createOutboxDispatcher({ database, endpoint, maxAttempts: DEFAULT_MAX_ATTEMPTS * 2 });
 */
export const DEFAULT_MAX_ATTEMPTS = 8;

/**
 * Shape of the backoff; every field has a default.
 *
 * @example const slow: RetryScheduleOptions = { baseMs: 30_000, maxMs: 6 * 3_600_000 };
 */
export interface RetryScheduleOptions {
  /** Upper bound of the first delay. */
  baseMs?: number;
  /** No delay is ever longer than this. */
  maxMs?: number;
  /** Uniform in [0, 1); injected by tests. */
  random?: () => number;
}

/**
 * How long to wait before the next delivery attempt, given how many attempts have failed so
 * far (1 after the first failure): exponential backoff with full jitter, a uniform pick in
 * `[0, min(maxMs, baseMs * 2^(attempts - 1)))`. Full jitter spreads the retries of many
 * events that failed together (a receiver outage) instead of sending them back in one wave.
 *
 * @example
 * nextAttemptDelayMs(1, { random: () => 0.5 }); // 500
 * nextAttemptDelayMs(3, { random: () => 0.5 }); // 2000
 * nextAttemptDelayMs(40);                       // somewhere in [0, 3_600_000)
 */
export function nextAttemptDelayMs(attempts: number, options: RetryScheduleOptions = {}): number {
  const baseMs = options.baseMs ?? 1000;
  const maxMs = options.maxMs ?? 3_600_000;
  const random = options.random ?? Math.random;
  if (!Number.isFinite(attempts) || attempts < 0) {
    throw new PortageError('CONFIG_INVALID', `attempts must be a finite number >= 0, got ${String(attempts)}`);
  }
  if (!(baseMs > 0) || !(maxMs >= baseMs) || !Number.isFinite(maxMs)) {
    throw new PortageError('CONFIG_INVALID', `the retry schedule needs 0 < baseMs <= maxMs, got baseMs=${baseMs} maxMs=${maxMs}`);
  }
  // 2 ** 1100 is Infinity, which Math.min turns back into maxMs: no overflow to guard.
  const ceiling = Math.min(maxMs, baseMs * 2 ** Math.max(0, Math.floor(attempts) - 1));
  // A custom random outside [0, 1) must not produce a negative delay or one past the cap.
  const r = Math.min(Math.max(random(), 0), 1);
  return Math.min(Math.floor(r * ceiling), Math.max(0, Math.ceil(ceiling) - 1));
}
