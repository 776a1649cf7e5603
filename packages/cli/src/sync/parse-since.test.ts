import { describe, expect, it } from 'vitest';
import { parseSince } from './parse-since.js';

const now = new Date('2026-11-23T12:00:00Z');

describe('parseSince', () => {
  it.each([
    ['2026-11-01T00:00:00Z', '2026-11-01T00:00:00.000Z'],
    ['2026-11-01', '2026-11-01T00:00:00.000Z'],
    ['2 days', '2026-11-21T12:00:00.000Z'],
    ['1 month', '2026-10-23T12:00:00.000Z'],
    ['PT90M', '2026-11-23T10:30:00.000Z'],
  ])('given %s, gives %s', (given, want) => {
    expect(parseSince(given, now)).toBe(want);
  });

  it.each(['yesterday', '2026-13-45', ''])('rejects %j with both accepted forms', (given) => {
    expect(() => parseSince(given, now)).toThrow(/neither an ISO 8601 instant .* nor a duration back from now/);
  });
});
