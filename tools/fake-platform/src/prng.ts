/** A seeded source of pseudo-random numbers: the same seed gives the same sequence. */
export interface Prng {
  /** A float in [0, 1). */
  next(): number;
  /** An integer in [0, n). */
  int(n: number): number;
}

/**
 * Mulberry32: tiny, fast and good enough to pick records. The fake platform uses it instead of
 * `Math.random` so that a test or benchmark that mutates "5 random records" mutates the same 5
 * on every run.
 *
 * @example
 * const prng = createPrng(42);
 * prng.int(10); // the same number on every run
 */
export function createPrng(seed: number): Prng {
  let state = seed >>> 0;
  const next = (): number => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return { next, int: (n) => Math.floor(next() * n) };
}
