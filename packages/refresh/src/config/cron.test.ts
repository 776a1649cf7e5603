import { describe, expect, it } from 'vitest';
import { describeCron, nextCronTime, parseCron } from './cron.js';

describe('parseCron', () => {
  it.each<[string, keyof ReturnType<typeof parseCron>, number[]]>([
    ['*/15 * * * *', 'minutes', [0, 15, 30, 45]],
    ['0,30 * * * *', 'minutes', [0, 30]],
    ['0-30/10 * * * *', 'minutes', [0, 10, 20, 30]],
    ['5/20 * * * *', 'minutes', [5, 25, 45]],
    ['0 9-11,14 * * *', 'hours', [9, 10, 11, 14]],
    ['0 0 1,15 * *', 'daysOfMonth', [1, 15]],
    ['0 0 * jan,jul *', 'months', [1, 7]],
    ['0 0 * */3 *', 'months', [1, 4, 7, 10]],
    ['0 0 * * mon-fri', 'daysOfWeek', [1, 2, 3, 4, 5]],
    ['0 0 * * 7', 'daysOfWeek', [0]],
    ['0 0 * * 5-7', 'daysOfWeek', [0, 5, 6]],
  ])('%s -> %s', (expression, field, want) => {
    const values = parseCron(expression)[field] as ReadonlySet<number>;
    expect([...values].sort((a, b) => a - b)).toEqual(want);
  });

  it.each([
    ['too few fields', '0 3 * *'],
    ['seconds (6 fields)', '0 0 3 * * *'],
    ['a macro', '@daily'],
    ['minute out of range', '60 * * * *'],
    ['hour out of range', '0 24 * * *'],
    ['day-of-month 0', '0 0 0 * *'],
    ['month 13', '0 0 * 13 *'],
    ['day-of-week 8', '0 0 * * 8'],
    ['a backwards range', '0 5-1 * * *'],
    ['a zero step', '*/0 * * * *'],
    ['a word', 'every hour * * * *'],
    ['an unknown name', '0 0 * * funday'],
    ['an empty list item', '0,,5 * * * *'],
    ['a date that never comes', '0 0 31 2,4 *'],
    ['empty', ''],
  ])('rejects %s (%j)', (_label, expression) => {
    expect(() => parseCron(expression)).toThrow(
      expect.objectContaining({ code: 'CONFIG_INVALID', context: expect.objectContaining({ value: expression }) }),
    );
  });

  it('accepts 30 February when a weekday can match instead', () => {
    expect(() => parseCron('0 0 30 2 mon')).not.toThrow();
  });
});

describe('nextCronTime', () => {
  it.each<[string, string, string]>([
    ['* * * * *', '2026-05-01T10:07:30.000Z', '2026-05-01T10:08:00.000Z'],
    ['*/15 * * * *', '2026-05-01T10:07:30.000Z', '2026-05-01T10:15:00.000Z'],
    // Strictly after: a time exactly on the schedule gives the next one.
    ['*/15 * * * *', '2026-05-01T10:15:00.000Z', '2026-05-01T10:30:00.000Z'],
    ['*/15 * * * *', '2026-05-01T23:50:00.000Z', '2026-05-02T00:00:00.000Z'],
    ['0 * * * *', '2026-05-01T10:00:00.000Z', '2026-05-01T11:00:00.000Z'],
    ['0 3 * * *', '2026-05-01T02:59:59.999Z', '2026-05-01T03:00:00.000Z'],
    ['0 3 * * *', '2026-05-01T03:00:00.000Z', '2026-05-02T03:00:00.000Z'],
    ['0 3 * * *', '2026-12-31T04:00:00.000Z', '2027-01-01T03:00:00.000Z'],
    ['30 9 * * mon', '2026-05-01T00:00:00.000Z', '2026-05-04T09:30:00.000Z'], // 1 May 2026 is a Friday
    ['0 0 1 * *', '2026-05-15T00:00:00.000Z', '2026-06-01T00:00:00.000Z'],
    ['0 0 31 * *', '2026-04-01T00:00:00.000Z', '2026-05-31T00:00:00.000Z'],
    ['0 0 29 2 *', '2026-01-01T00:00:00.000Z', '2028-02-29T00:00:00.000Z'],
    ['0 0 * 6 *', '2026-05-15T12:00:00.000Z', '2026-06-01T00:00:00.000Z'],
    // Both days restricted: either matches (the 13th, or any Friday).
    ['0 0 13 * fri', '2026-05-09T00:00:00.000Z', '2026-05-13T00:00:00.000Z'],
    ['0 0 13 * fri', '2026-05-13T00:00:00.000Z', '2026-05-15T00:00:00.000Z'],
    // Day-of-month starts with "*": both must match (odd days that are Mondays).
    ['0 0 */2 * 1', '2026-05-01T00:00:00.000Z', '2026-05-11T00:00:00.000Z'],
    ['0 12 * * 1-5', '2026-05-01T12:00:00.000Z', '2026-05-04T12:00:00.000Z'],
  ])('%s after %s', (expression, after, want) => {
    expect(nextCronTime(expression, new Date(after)).toISOString()).toBe(want);
  });

  it('takes a parsed schedule as well as text', () => {
    expect(nextCronTime(parseCron('0 3 * * *'), new Date('2026-05-01T00:00:00Z')).toISOString()).toBe('2026-05-01T03:00:00.000Z');
  });

  it('rejects an invalid expression', () => {
    expect(() => nextCronTime('0 25 * * *', new Date())).toThrow(expect.objectContaining({ code: 'CONFIG_INVALID' }));
  });
});

describe('describeCron', () => {
  it.each([
    ['* * * * *', 'every minute'],
    ['*/15 * * * *', 'every 15 minutes'],
    ['5 * * * *', 'hourly at :05'],
    ['0 3 * * *', 'daily at 03:00 UTC'],
    ['30 9 * * mon', 'weekly on Monday at 09:30 UTC'],
    ['0 2 1 * *', 'monthly on day 1 at 02:00 UTC'],
    ['0 9 1,15 * *', 'cron "0 9 1,15 * *" (UTC)'],
    ['0 9-17 * * 1-5', 'cron "0 9-17 * * 1-5" (UTC)'],
  ])('%s -> %s', (expression, want) => {
    expect(describeCron(expression)).toBe(want);
  });
});
