import { setTimeout as delay } from 'node:timers/promises';
import type { ResponseHeaders } from '../http/request-spec.js';
import { parseRateLimitHeaders } from './rate-limit-headers.js';
import { createSemaphore } from './semaphore.js';
import { createSlidingWindow, type WindowBudget } from './sliding-window.js';

export interface RateLimiterOptions {
  /** Starts allowed per `intervalMs`; give both or neither. Learned from headers when absent. */
  requests?: number;
  intervalMs?: number;
  /** Requests in flight at once (default 5). */
  concurrency?: number;
  /** Epoch ms; injected by tests. */
  now?: () => number;
  /** Must reject when `signal` aborts; injected by tests. */
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
  /**
   * Told of each wait before a start: `paused` for a quota pause (a 429 or exhausted quota
   * headers), `budget` for the rate budget. For metrics; must not throw.
   */
  onWait?: (ms: number, reason: 'paused' | 'budget') => void;
}

export interface RateLimiter {
  /**
   * Waits for a concurrency slot, the rate budget and any pause, then resolves with a release
   * function (calling it twice is harmless). Rejects with `signal.reason` on abort, holding
   * nothing.
   */
  acquire(signal?: AbortSignal): Promise<() => void>;
  /** Learns from a response's quota headers: pauses when none is left, adopts advertised budgets. */
  observe(status: number, headers: ResponseHeaders): void;
  /** Starts no request before this epoch ms (the later of this and any earlier pause wins). */
  pauseUntil(epochMs: number): void;
  /** Acquired and not yet released. */
  readonly inFlight: number;
  /** Epoch ms before which no request starts (-Infinity when not paused). */
  readonly pausedUntil: number;
}

export const DEFAULT_LIMITER_CONCURRENCY = 5;

/**
 * The per-connection gate in front of the transport: a FIFO concurrency cap, a sliding-window
 * rate budget (configured, or adopted from `ratelimit-policy`-style headers) and a pause that
 * quota headers and 429s set.
 *
 * @example
 * const limiter = createRateLimiter({ requests: 100, intervalMs: 60_000, concurrency: 4 });
 * const release = await limiter.acquire(signal);
 * try {
 *   const res = await transport(req);
 *   limiter.observe(res.status, res.headers);
 * } finally {
 *   release();
 * }
 */
export function createRateLimiter(options: RateLimiterOptions = {}): RateLimiter {
  const now = options.now ?? Date.now;
  const sleep = options.sleep ?? ((ms: number, signal?: AbortSignal) => delay(ms, undefined, { signal }));
  const configured = configuredBudget(options);
  const slots = createSemaphore(options.concurrency ?? DEFAULT_LIMITER_CONCURRENCY);
  // One waiter at a time checks the clock, so starts leave in queue order and only one timer
  // is pending however many callers queue.
  const gate = createSemaphore(1);
  const window = createSlidingWindow(configured ? [configured] : []);
  let adoptedKey = '';
  let pausedUntil = -Infinity;
  let inFlight = 0;

  function pauseUntil(epochMs: number): void {
    if (Number.isFinite(epochMs)) pausedUntil = Math.max(pausedUntil, epochMs);
  }

  async function waitForTurn(signal: AbortSignal | undefined): Promise<void> {
    const releaseGate = await gate.acquire(signal);
    try {
      for (;;) {
        const t = now();
        const paused = pausedUntil - t;
        const wait = Math.max(paused, window.delayMs(t));
        if (wait <= 0) {
          window.record(t);
          return;
        }
        options.onWait?.(wait, paused >= wait ? 'paused' : 'budget');
        await sleep(wait, signal);
        // An injected sleep may ignore the signal; never start an aborted request.
        signal?.throwIfAborted();
      }
    } finally {
      releaseGate();
    }
  }

  return {
    async acquire(signal) {
      const releaseSlot = await slots.acquire(signal);
      try {
        await waitForTurn(signal);
      } catch (error) {
        releaseSlot();
        // node:timers/promises rejects with its own AbortError: surface the caller's reason.
        throw signal?.aborted ? signal.reason : error;
      }
      inFlight++;
      let released = false;
      return () => {
        if (released) return;
        released = true;
        inFlight--;
        releaseSlot();
      };
    },

    observe(_status, headers) {
      const t = now();
      const info = parseRateLimitHeaders(headers, t);
      if (info.remaining === 0 && info.resetAt !== undefined) pauseUntil(info.resetAt);
      if (configured || info.policies.length === 0) return;
      const key = info.policies.map((p) => `${p.requests}/${p.intervalMs}`).join(',');
      if (key === adoptedKey) return;
      adoptedKey = key;
      window.setBudgets(info.policies);
    },

    pauseUntil,

    get pausedUntil() {
      return pausedUntil;
    },
    get inFlight() {
      return inFlight;
    },
  };
}

function configuredBudget(options: RateLimiterOptions): WindowBudget | undefined {
  const { requests, intervalMs } = options;
  if (requests === undefined && intervalMs === undefined) return undefined;
  if (requests === undefined || intervalMs === undefined) {
    throw new RangeError('a rate limit needs both requests and intervalMs');
  }
  return { requests, intervalMs };
}
