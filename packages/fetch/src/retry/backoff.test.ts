import { describe, it, expect } from 'vitest';
import { fullJitterDelay } from './backoff.js';
import { DEFAULT_RETRY_POLICY } from './retry-policy.js';

const policy = { baseDelayMs: 250, maxDelayMs: 30_000, minDelayMs: 100 };

describe('fullJitterDelay', () => {
  it.each([
    { name: 'first retry, mid draw', attempt: 1, random: 0.5, want: 125 },
    { name: 'second retry doubles the ceiling', attempt: 2, random: 0.5, want: 250 },
    { name: 'third retry', attempt: 3, random: 0.5, want: 500 },
    { name: 'top of the range', attempt: 3, random: 0.999, want: 999 },
    { name: 'a zero draw is floored at minDelayMs', attempt: 3, random: 0, want: 100 },
    { name: 'a small draw is floored at minDelayMs', attempt: 1, random: 0.2, want: 100 },
    { name: 'the ceiling is capped at maxDelayMs', attempt: 10, random: 0.5, want: 15_000 },
    { name: 'capped, top of the range', attempt: 10, random: 0.999, want: 29_970 },
    { name: 'a huge attempt does not overflow', attempt: 5_000, random: 0.5, want: 15_000 },
    { name: 'attempt 0 counts as the first', attempt: 0, random: 0.5, want: 125 },
    { name: 'whole milliseconds', attempt: 1, random: 0.4321, want: 108 },
  ])('$name', ({ attempt, random, want }) => {
    expect(fullJitterDelay(attempt, policy, () => random)).toBe(want);
  });

  it('accepts a whole policy', () => {
    expect(fullJitterDelay(2, DEFAULT_RETRY_POLICY, () => 0.5)).toBe(250);
  });
});
