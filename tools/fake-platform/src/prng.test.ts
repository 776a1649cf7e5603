import { describe, expect, it } from 'vitest';
import { createPrng } from './prng.js';

describe('createPrng', () => {
  it('repeats a sequence for a seed, differs across seeds, and stays in range', () => {
    const draw = (seed: number) => Array.from({ length: 1000 }, createPrng(seed).next);
    const a = draw(1);
    expect(draw(1)).toEqual(a);
    expect(draw(2)).not.toEqual(a);
    expect(a.every((x) => x >= 0 && x < 1)).toBe(true);
    // Roughly uniform: each tenth of [0, 1) gets about 100 of 1000 draws.
    const buckets = new Array<number>(10).fill(0);
    for (const x of a) buckets[Math.floor(x * 10)]!++;
    for (const n of buckets) expect(n).toBeGreaterThan(60);
  });

  it('draws integers below n', () => {
    const prng = createPrng(9);
    const seen = new Set(Array.from({ length: 200 }, () => prng.int(5)));
    expect([...seen].sort()).toEqual([0, 1, 2, 3, 4]);
  });
});
