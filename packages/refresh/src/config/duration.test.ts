import { describe, expect, it } from 'vitest';
import { parseDuration, subtractDuration, type Duration } from './duration.js';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

describe('parseDuration', () => {
  it.each<[string, Duration]>([
    ['3 months', { months: 3, ms: 0 }],
    ['1 month', { months: 1, ms: 0 }],
    ['1 year', { months: 12, ms: 0 }],
    ['2 years', { months: 24, ms: 0 }],
    ['90 days', { months: 0, ms: 90 * DAY }],
    ['10 minutes', { months: 0, ms: 10 * MINUTE }],
    ['2 weeks', { months: 0, ms: 14 * DAY }],
    ['36 hours', { months: 0, ms: 36 * HOUR }],
    ['30 seconds', { months: 0, ms: 30_000 }],
    ['250 ms', { months: 0, ms: 250 }],
    ['1.5 hours', { months: 0, ms: 90 * MINUTE }],
    ['90d', { months: 0, ms: 90 * DAY }],
    ['10m', { months: 0, ms: 10 * MINUTE }],
    ['  3 Months ', { months: 3, ms: 0 }],
    ['1 year 2 months', { months: 14, ms: 0 }],
    ['1 year, 2 months and 3 days', { months: 14, ms: 3 * DAY }],
    ['0 minutes', { months: 0, ms: 0 }],
    ['PT10M', { months: 0, ms: 10 * MINUTE }],
    ['P3M', { months: 3, ms: 0 }],
    ['P1Y', { months: 12, ms: 0 }],
    ['P90D', { months: 0, ms: 90 * DAY }],
    ['P2W', { months: 0, ms: 14 * DAY }],
    ['PT0.5S', { months: 0, ms: 500 }],
    ['p3m', { months: 3, ms: 0 }],
    ['P1Y2M10DT2H30M', { months: 14, ms: 10 * DAY + 2 * HOUR + 30 * MINUTE }],
  ])('%s', (text, want) => {
    expect(parseDuration(text)).toEqual(want);
  });

  it.each([
    ['empty', ''],
    ['a number without a unit', '90'],
    ['an unknown unit', '3 fortnights'],
    ['a misspelt unit', '3 monts'],
    ['a fraction of a month', '1.5 months'],
    ['a negative amount', '-3 months'],
    ['words only', 'forever'],
    ['ISO without parts', 'P'],
    ['ISO with an empty time part', 'P1DT'],
    ['ISO with fractional months', 'P1.5M'],
    ['ISO in the wrong order', 'P3D2M'],
  ])('rejects %s (%j)', (_label, text) => {
    expect(() => parseDuration(text)).toThrow(expect.objectContaining({ code: 'CONFIG_INVALID', context: expect.objectContaining({ value: text }) }));
  });
});

describe('subtractDuration', () => {
  it.each<[string, string, string]>([
    ['2026-05-15T10:00:00.000Z', '3 months', '2026-02-15T10:00:00.000Z'],
    ['2026-03-31T12:00:00.000Z', '1 month', '2026-02-28T12:00:00.000Z'],
    ['2024-03-31T12:00:00.000Z', '1 month', '2024-02-29T12:00:00.000Z'],
    ['2024-02-29T00:00:00.000Z', '1 year', '2023-02-28T00:00:00.000Z'],
    ['2026-01-15T00:00:00.000Z', '1 month', '2025-12-15T00:00:00.000Z'],
    ['2026-05-31T23:59:59.999Z', '13 months', '2025-04-30T23:59:59.999Z'],
    ['2026-05-01T00:00:00.000Z', 'PT10M', '2026-04-30T23:50:00.000Z'],
    ['2026-03-29T12:00:00.000Z', '90 days', '2025-12-29T12:00:00.000Z'],
    // Months first, then the fixed part: 2026-05-31 -> 2026-03-31 -> minus 10 days 2:30.
    ['2026-05-31T12:00:00.000Z', 'P2M10DT2H30M', '2026-03-21T09:30:00.000Z'],
    ['0100-03-31T00:00:00.000Z', '1 month', '0100-02-28T00:00:00.000Z'],
  ])('%s minus %s', (date, duration, want) => {
    expect(subtractDuration(new Date(date), parseDuration(duration)).toISOString()).toBe(want);
  });

  it('leaves the date it is given alone', () => {
    const date = new Date('2026-03-31T12:00:00.000Z');
    subtractDuration(date, { months: 1, ms: 1 });
    expect(date.toISOString()).toBe('2026-03-31T12:00:00.000Z');
  });
});
