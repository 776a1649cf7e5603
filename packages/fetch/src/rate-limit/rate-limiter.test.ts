import { describe, it, expect } from 'vitest';
import type { ResponseHeaders } from '../http/request-spec.js';
import { createRateLimiter, type RateLimiterOptions } from './rate-limiter.js';

/** Lets every pending promise callback run; no clock involved. */
const settle = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

/** A clock that only moves when told, with a `sleep` that honours abort signals. */
function fakeClock(start = 0) {
  let time = start;
  let sequence = 0;
  const timers: { at: number; order: number; fire: () => void }[] = [];
  return {
    now: () => time,
    sleep(ms: number, signal?: AbortSignal): Promise<void> {
      return new Promise((resolve, reject) => {
        if (signal?.aborted) return reject(signal.reason);
        const timer = {
          at: time + ms,
          order: sequence++,
          fire: () => {
            signal?.removeEventListener('abort', onAbort);
            resolve();
          },
        };
        const onAbort = (): void => {
          timers.splice(timers.indexOf(timer), 1);
          reject(signal?.reason);
        };
        signal?.addEventListener('abort', onAbort, { once: true });
        timers.push(timer);
      });
    },
    /** Moves time forward, firing due timers in order and letting their callers run. */
    async advance(ms: number): Promise<void> {
      const target = time + ms;
      for (;;) {
        await settle();
        timers.sort((a, b) => a.at - b.at || a.order - b.order);
        const next = timers[0];
        if (!next || next.at > target) break;
        timers.shift();
        time = Math.max(time, next.at);
        next.fire();
      }
      time = target;
      await settle();
    },
    get pendingTimers() {
      return timers.length;
    },
  };
}

function setup(options: RateLimiterOptions = {}, start = 0) {
  const clock = fakeClock(start);
  const limiter = createRateLimiter({ now: clock.now, sleep: clock.sleep, ...options });
  /** Acquires and reports when (on the fake clock) the slot was granted. */
  const track = (signal?: AbortSignal) => {
    const state: { grantedAt?: number; release?: () => void; error?: unknown } = {};
    const done = limiter.acquire(signal).then(
      (release) => {
        state.grantedAt = clock.now();
        state.release = release;
      },
      (error: unknown) => {
        state.error = error;
      },
    );
    return Object.assign(state, { done });
  };
  return { clock, limiter, track };
}

/** Most starts found in any half-open window [t, t + intervalMs). */
function maxInAnyWindow(starts: readonly number[], intervalMs: number): number {
  const sorted = [...starts].sort((a, b) => a - b);
  let max = 0;
  for (let i = 0, j = 0; j < sorted.length; j++) {
    while (sorted[j]! - sorted[i]! >= intervalMs) i++;
    max = Math.max(max, j - i + 1);
  }
  return max;
}

/** A seeded generator, so "random" arrivals are the same on every run. */
function lcg(seed: number): () => number {
  let state = seed;
  return () => (state = (state * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31;
}

describe('createRateLimiter', () => {
  describe('concurrency', () => {
    it.each([1, 3, 5])('never has more than %i acquired at once, granting in arrival order', async (concurrency) => {
      const { clock, limiter } = setup({ concurrency });
      let current = 0;
      let peak = 0;
      const order: number[] = [];
      const work = Array.from({ length: 12 }, async (_, n) => {
        const release = await limiter.acquire();
        order.push(n);
        current++;
        peak = Math.max(peak, current, limiter.inFlight);
        await clock.sleep(10 * ((n % 4) + 1));
        current--;
        release();
      });
      await clock.advance(1_000);
      await Promise.all(work);
      expect({ peak, order, inFlight: limiter.inFlight }).toEqual({
        peak: concurrency,
        order: Array.from({ length: 12 }, (_, n) => n),
        inFlight: 0,
      });
    });

    it('defaults to 5', async () => {
      const { limiter, track } = setup();
      const calls = Array.from({ length: 6 }, () => track());
      await settle();
      expect(calls.map((c) => c.grantedAt !== undefined)).toEqual([true, true, true, true, true, false]);
      expect(limiter.inFlight).toBe(5);
    });
  });

  describe('rate budget', () => {
    it('spaces a burst into windows', async () => {
      const { clock, track } = setup({ requests: 3, intervalMs: 1_000, concurrency: Infinity });
      const calls = Array.from({ length: 8 }, () => track());
      for (const call of calls) void call.done.then(() => call.release?.());
      await clock.advance(5_000);
      expect(calls.map((c) => c.grantedAt)).toEqual([0, 0, 0, 1_000, 1_000, 1_000, 2_000, 2_000]);
    });

    it('slides: a window straddling a boundary never holds more than the budget', async () => {
      const { clock, track } = setup({ requests: 3, intervalMs: 1_000, concurrency: Infinity });
      const starts: number[] = [];
      const start = async (): Promise<void> => {
        const call = track();
        await call.done;
        starts.push(call.grantedAt!);
        call.release?.();
      };
      await clock.advance(900);
      const late = [start(), start(), start()];
      await clock.advance(100);
      const early = [start(), start(), start()];
      await clock.advance(5_000);
      await Promise.all([...late, ...early]);
      // A fixed window (or a full token bucket) would have let the second three go at 1000.
      expect(starts).toEqual([900, 900, 900, 1_900, 1_900, 1_900]);
    });

    it.each([
      { requests: 1, intervalMs: 1_000, concurrency: 1 },
      { requests: 4, intervalMs: 1_000, concurrency: 2 },
      { requests: 10, intervalMs: 60_000, concurrency: 5 },
    ])('holds $requests per $intervalMs ms for random arrivals and durations', async (options) => {
      const { clock, limiter } = setup(options);
      const random = lcg(options.requests * 7 + options.concurrency);
      const starts: number[] = [];
      let current = 0;
      let peak = 0;
      const work = Array.from({ length: 40 }, async () => {
        await clock.sleep(Math.floor(random() * options.intervalMs * 4));
        const release = await limiter.acquire();
        starts.push(clock.now());
        peak = Math.max(peak, ++current);
        await clock.sleep(Math.floor(random() * options.intervalMs));
        current--;
        release();
      });
      await clock.advance(options.intervalMs * 60);
      await Promise.all(work);
      expect(starts).toHaveLength(40);
      expect(maxInAnyWindow(starts, options.intervalMs)).toBeLessThanOrEqual(options.requests);
      expect(peak).toBeLessThanOrEqual(options.concurrency);
    });

    it.each([
      { name: 'requests without intervalMs', options: { requests: 5 } },
      { name: 'intervalMs without requests', options: { intervalMs: 1_000 } },
      { name: 'zero requests', options: { requests: 0, intervalMs: 1_000 } },
      { name: 'zero concurrency', options: { concurrency: 0 } },
    ])('rejects $name', ({ options }) => {
      expect(() => createRateLimiter(options)).toThrow(RangeError);
    });
  });

  describe('pauses', () => {
    const T = Date.UTC(2024, 0, 1);

    it.each<{ name: string; headers: ResponseHeaders; want: number }>([
      {
        name: 'x-ratelimit-remaining 0 with an epoch reset (GitHub)',
        headers: { 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': String(T / 1000 + 30) },
        want: T + 30_000,
      },
      {
        name: 'x-ratelimit-remaining 0 with a delta reset',
        headers: { 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': '12' },
        want: T + 12_000,
      },
      { name: 'ratelimit-remaining 0', headers: { 'ratelimit-remaining': '0', 'ratelimit-reset': '5' }, want: T + 5_000 },
      { name: 'quota left', headers: { 'x-ratelimit-remaining': '1', 'x-ratelimit-reset': '30' }, want: T },
      { name: 'no reset given', headers: { 'x-ratelimit-remaining': '0' }, want: T },
    ])('$name: the next acquire is granted at the reset', async ({ headers, want }) => {
      const { clock, limiter, track } = setup({}, T);
      limiter.observe(200, headers);
      const call = track();
      await clock.advance(want - T - 1);
      expect(call.grantedAt).toBe(want === T ? T : undefined);
      await clock.advance(1);
      expect(call.grantedAt).toBe(want);
    });

    it('pauses every waiter, not only the next', async () => {
      const { clock, limiter, track } = setup({ concurrency: 10 }, T);
      limiter.observe(429, { 'ratelimit-remaining': '0', 'ratelimit-reset': '2' });
      const calls = Array.from({ length: 4 }, () => track());
      await clock.advance(10_000);
      expect(calls.map((c) => c.grantedAt)).toEqual([T + 2_000, T + 2_000, T + 2_000, T + 2_000]);
      expect(clock.pendingTimers).toBe(0);
    });

    it('pauseUntil keeps the later of two pauses', async () => {
      const { clock, limiter, track } = setup({}, T);
      limiter.pauseUntil(T + 3_000);
      limiter.pauseUntil(T + 1_000);
      limiter.pauseUntil(NaN);
      const call = track();
      await clock.advance(10_000);
      expect(call.grantedAt).toBe(T + 3_000);
    });

    it('a pause set while a caller already waits still holds it', async () => {
      const { clock, limiter, track } = setup({ requests: 1, intervalMs: 1_000 }, T);
      (await limiter.acquire())();
      const call = track();
      await clock.advance(500);
      limiter.pauseUntil(T + 4_000);
      await clock.advance(10_000);
      expect(call.grantedAt).toBe(T + 4_000);
    });
  });

  describe('adopting advertised budgets', () => {
    it('adopts ratelimit-policy when no budget was configured', async () => {
      const { clock, limiter, track } = setup({ concurrency: Infinity });
      limiter.observe(200, { 'ratelimit-policy': '2;w=10' });
      const calls = Array.from({ length: 3 }, () => track());
      for (const call of calls) void call.done.then(() => call.release?.());
      await clock.advance(20_000);
      expect(calls.map((c) => c.grantedAt)).toEqual([0, 0, 10_000]);
    });

    it('keeps a configured budget', async () => {
      const { clock, limiter, track } = setup({ requests: 3, intervalMs: 1_000, concurrency: Infinity });
      limiter.observe(200, { 'ratelimit-policy': '1;w=60' });
      const calls = Array.from({ length: 3 }, () => track());
      await clock.advance(0);
      expect(calls.map((c) => c.grantedAt)).toEqual([0, 0, 0]);
    });

    it('ignores a limit whose window is unknown', async () => {
      const { clock, limiter, track } = setup({ concurrency: Infinity });
      limiter.observe(200, { 'x-ratelimit-limit': '1', 'x-ratelimit-remaining': '1' });
      const calls = Array.from({ length: 3 }, () => track());
      await clock.advance(0);
      expect(calls.map((c) => c.grantedAt)).toEqual([0, 0, 0]);
    });
  });

  describe('abort and release', () => {
    it('an abort while queued for a slot rejects with the reason and leaks nothing', async () => {
      const { limiter, track } = setup({ concurrency: 1 });
      const holder = await limiter.acquire();
      const controller = new AbortController();
      const aborted = track(controller.signal);
      const reason = new Error('caller gave up');
      controller.abort(reason);
      await aborted.done;
      expect(aborted.error).toBe(reason);
      holder();
      const next = track();
      await settle();
      expect(next.grantedAt).toBe(0);
      expect(limiter.inFlight).toBe(1);
    });

    it('an abort while waiting for the budget rejects, clears its timer and frees its slot', async () => {
      const { clock, limiter, track } = setup({ requests: 1, intervalMs: 1_000, concurrency: 1 });
      (await limiter.acquire())();
      const controller = new AbortController();
      const aborted = track(controller.signal);
      await clock.advance(100);
      expect(clock.pendingTimers).toBe(1);
      const reason = new Error('shutting down');
      controller.abort(reason);
      await aborted.done;
      expect(aborted.error).toBe(reason);
      expect(clock.pendingTimers).toBe(0);
      const next = track();
      await clock.advance(2_000);
      // The aborted caller never started, so it used no budget: the next one goes at 1000.
      expect(next.grantedAt).toBe(1_000);
      expect(limiter.inFlight).toBe(1);
    });

    it('an abort while paused rejects with the reason under the default sleep', async () => {
      const limiter = createRateLimiter({ concurrency: 1 });
      limiter.pauseUntil(Date.now() + 3_600_000);
      const controller = new AbortController();
      const waiting = limiter.acquire(controller.signal);
      const reason = new Error('stop');
      controller.abort(reason);
      await expect(waiting).rejects.toBe(reason);
      expect(limiter.inFlight).toBe(0);
    });

    it('an already aborted signal rejects at once', async () => {
      const { limiter } = setup();
      const reason = new Error('never mind');
      await expect(limiter.acquire(AbortSignal.abort(reason))).rejects.toBe(reason);
      expect(limiter.inFlight).toBe(0);
    });

    it('a sleep that ignores the signal still never starts an aborted request', async () => {
      const clock = fakeClock();
      const limiter = createRateLimiter({
        requests: 1,
        intervalMs: 1_000,
        now: clock.now,
        sleep: (ms) => clock.sleep(ms),
      });
      (await limiter.acquire())();
      const controller = new AbortController();
      const reason = new Error('stop');
      const rejected = expect(limiter.acquire(controller.signal)).rejects.toBe(reason);
      controller.abort(reason);
      await clock.advance(1_000);
      await rejected;
      expect(limiter.inFlight).toBe(0);
    });

    it('release is idempotent', async () => {
      const { limiter, track } = setup({ concurrency: 1 });
      const release = await limiter.acquire();
      release();
      release();
      expect(limiter.inFlight).toBe(0);
      const first = track();
      const second = track();
      await settle();
      expect([first.grantedAt, second.grantedAt]).toEqual([0, undefined]);
      expect(limiter.inFlight).toBe(1);
    });
  });
});
