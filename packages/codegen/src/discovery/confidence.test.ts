import { describe, expect, it } from 'vitest';
import { listConfidence } from './confidence.js';

describe('listConfidence', () => {
  it.each([
    [{ listness: 1, pagination: 1, hasPrimaryKey: true }, 1],
    [{ listness: 0.9, pagination: 1, hasPrimaryKey: true }, 0.96],
    [{ listness: 1, pagination: 0.8, hasPrimaryKey: true }, 0.93],
    [{ listness: 1, pagination: 0.2, hasPrimaryKey: false }, 0.52],
    [{ listness: 0.5, pagination: 0.2, hasPrimaryKey: false }, 0.3],
  ])('%o -> %d', (signals, want) => {
    expect(listConfidence(signals)).toBe(want);
  });
});
