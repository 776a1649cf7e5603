import { describe, expect, it } from 'vitest';
import { formatDuration } from './format-duration.js';
import { formatInstant } from './format-instant.js';

describe('formatDuration', () => {
  it.each([
    [0, '0ms'],
    [850, '850ms'],
    [3249, '3.2s'],
    [59_999, '59.9s'],
    [60_000, '1m 00s'],
    [125_000, '2m 05s'],
    [3_720_000, '1h 02m'],
    [-5, '-'],
    [Number.NaN, '-'],
  ])('given %s ms, gives %s', (given, want) => {
    expect(formatDuration(given)).toBe(want);
  });
});

describe('formatInstant', () => {
  it('gives the UTC second', () => {
    expect(formatInstant(new Date('2026-11-23T12:00:03.456Z'))).toBe('2026-11-23 12:00:03Z');
  });
});
