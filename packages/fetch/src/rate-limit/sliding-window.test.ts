import { describe, it, expect } from 'vitest';
import { createSlidingWindow, windowDelay, type WindowBudget } from './sliding-window.js';

const twoPerSecond: WindowBudget = { requests: 2, intervalMs: 1_000 };

describe('windowDelay', () => {
  it.each<{ name: string; starts: number[]; budgets: WindowBudget[]; now: number; want: number }>([
    { name: 'no budget', starts: [0, 0, 0], budgets: [], now: 0, want: 0 },
    { name: 'no starts yet', starts: [], budgets: [twoPerSecond], now: 0, want: 0 },
    { name: 'room left in the window', starts: [0], budgets: [twoPerSecond], now: 10, want: 0 },
    { name: 'full: wait for the oldest to leave', starts: [0, 400], budgets: [twoPerSecond], now: 700, want: 300 },
    { name: 'the oldest just left', starts: [0, 400], budgets: [twoPerSecond], now: 1_000, want: 0 },
    { name: 'only the last N starts matter', starts: [0, 100, 900, 950], budgets: [twoPerSecond], now: 1_000, want: 900 },
    {
      name: 'the strictest budget wins',
      starts: [0, 10, 20],
      budgets: [{ requests: 3, intervalMs: 100 }, { requests: 3, intervalMs: 10_000 }],
      now: 100,
      want: 9_900,
    },
    {
      name: 'a clock stepping back waits at most one interval',
      starts: [50_000, 50_001],
      budgets: [twoPerSecond],
      now: 0,
      want: 1_000,
    },
  ])('$name', ({ starts, budgets, now, want }) => {
    expect(windowDelay(starts, budgets, now)).toBe(want);
  });
});

describe('createSlidingWindow', () => {
  it('counts starts in any window, not per fixed interval', () => {
    const window = createSlidingWindow([twoPerSecond]);
    window.record(900);
    window.record(950);
    // A fixed window would reset at 1000 and allow two more right away.
    expect(window.delayMs(1_000)).toBe(900);
    expect(window.delayMs(1_900)).toBe(0);
  });

  it('keeps past starts when the budget changes', () => {
    const window = createSlidingWindow([{ requests: 10, intervalMs: 1_000 }]);
    window.record(0);
    window.record(100);
    window.setBudgets([twoPerSecond]);
    expect(window.delayMs(200)).toBe(800);
    expect(window.budgets).toEqual([twoPerSecond]);
  });

  it('does nothing without a budget', () => {
    const window = createSlidingWindow();
    for (let t = 0; t < 100; t++) window.record(0);
    expect(window.delayMs(0)).toBe(0);
  });

  it('keeps enforcing after its log is trimmed', () => {
    const window = createSlidingWindow([twoPerSecond]);
    const starts: number[] = [];
    for (let t = 0; t < 10_000; t += 50) {
      if (window.delayMs(t) > 0) continue;
      window.record(t);
      starts.push(t);
    }
    expect(starts.slice(0, 6)).toEqual([0, 50, 1_000, 1_050, 2_000, 2_050]);
    for (let i = 0; i + 2 < starts.length; i++) expect(starts[i + 2]! - starts[i]!).toBeGreaterThanOrEqual(1_000);
  });

  it.each([
    { name: 'zero requests', budget: { requests: 0, intervalMs: 1_000 } },
    { name: 'fractional requests', budget: { requests: 1.5, intervalMs: 1_000 } },
    { name: 'zero interval', budget: { requests: 1, intervalMs: 0 } },
    { name: 'infinite interval', budget: { requests: 1, intervalMs: Infinity } },
  ])('rejects $name', ({ budget }) => {
    expect(() => createSlidingWindow([budget])).toThrow(RangeError);
  });
});
