import { describe, expect, it } from 'vitest';
import { DEFAULT_MAX_ATTEMPTS, nextAttemptDelayMs } from './retry-schedule.js';

const half = (): number => 0.5;

describe('nextAttemptDelayMs', () => {
  it.each([
    // attempts, options, want
    [1, { random: half }, 500],
    [2, { random: half }, 1000],
    [3, { random: half }, 2000],
    [8, { random: half }, 64_000],
    [0, { random: half }, 500],
    [3, { random: half, baseMs: 100 }, 200],
    [30, { random: half }, 1_800_000],
    [5000, { random: half }, 1_800_000],
    [10, { random: half, baseMs: 1000, maxMs: 5000 }, 2500],
    [4, { random: (): number => 0 }, 0],
  ] as const)('attempts=%s %o -> %s', (attempts, options, want) => {
    expect(nextAttemptDelayMs(attempts, options)).toBe(want);
  });

  it('stays below the ceiling even when random returns 1 or more', () => {
    expect(nextAttemptDelayMs(1, { random: () => 0.999_999 })).toBe(999);
    expect(nextAttemptDelayMs(1, { random: () => 1 })).toBe(999);
    expect(nextAttemptDelayMs(60, { random: () => 7 })).toBe(3_599_999);
    expect(nextAttemptDelayMs(1, { random: () => -3 })).toBe(0);
  });

  it('spreads delays over the whole window (full jitter), with Math.random by default', () => {
    const delays = Array.from({ length: 2000 }, () => nextAttemptDelayMs(4));
    expect(Math.min(...delays)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...delays)).toBeLessThan(8000);
    // 2000 uniform draws: both ends of [0, 8000) are hit.
    expect(delays.some((d) => d < 1000)).toBe(true);
    expect(delays.some((d) => d > 7000)).toBe(true);
  });

  it.each([
    [Number.NaN, {}],
    [-1, {}],
    [1, { baseMs: 0 }],
    [1, { baseMs: 10, maxMs: 5 }],
    [1, { maxMs: Number.POSITIVE_INFINITY }],
  ])('refuses attempts=%s %o with CONFIG_INVALID', (attempts, options) => {
    expect(() => nextAttemptDelayMs(attempts, options)).toThrow(expect.objectContaining({ code: 'CONFIG_INVALID' }));
  });

  it('dead-letters after 8 attempts by default', () => {
    expect(DEFAULT_MAX_ATTEMPTS).toBe(8);
  });
});
