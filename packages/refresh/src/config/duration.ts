import { PortageError } from '@portage/core';
import { didYouMean } from './did-you-mean.js';

/**
 * A length of time split the way calendars need it: `months` (years count as 12) cannot be
 * turned into milliseconds without knowing the date they are taken from ("3 months before
 * 31 May" is 28 February), so they are kept apart from the fixed-length `ms` part.
 *
 * @example
 * const d: Duration = { months: 14, ms: 10 * 86_400_000 }; // P1Y2M10D
 */
export interface Duration {
  months: number;
  ms: number;
}

const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;
// Days and weeks are fixed lengths here: everything is computed in UTC, which has no DST.
const DAY = 24 * HOUR;
const WEEK = 7 * DAY;

type Unit = { months: number } | { ms: number };

// Spellings a person writes in a YAML file; one canonical unit each.
const UNITS = new Map<string, Unit>([
  ...aliases(['y', 'yr', 'yrs', 'year', 'years'], { months: 12 }),
  ...aliases(['mo', 'mos', 'month', 'months'], { months: 1 }),
  ...aliases(['w', 'wk', 'wks', 'week', 'weeks'], { ms: WEEK }),
  ...aliases(['d', 'day', 'days'], { ms: DAY }),
  ...aliases(['h', 'hr', 'hrs', 'hour', 'hours'], { ms: HOUR }),
  ...aliases(['m', 'min', 'mins', 'minute', 'minutes'], { ms: MINUTE }),
  ...aliases(['s', 'sec', 'secs', 'second', 'seconds'], { ms: SECOND }),
  ...aliases(['ms', 'millisecond', 'milliseconds'], { ms: 1 }),
]);

const UNIT_NAMES = ['years', 'months', 'weeks', 'days', 'hours', 'minutes', 'seconds', 'milliseconds'];

function aliases(names: readonly string[], unit: Unit): Array<[string, Unit]> {
  return names.map((name) => [name, unit]);
}

const EXAMPLES = 'write e.g. "3 months", "1 year", "90 days", "10 minutes" or an ISO 8601 duration like "P3M" or "PT10M"';

// P[nY][nM][nW][nD][T[nH][nM][nS]]; only the time part may carry fractions (as in "PT0.5S").
const ISO_DURATION =
  /^P(?:(\d+)Y)?(?:(\d+)M)?(?:(\d+)W)?(?:(\d+)D)?(?:T(?:(\d+(?:\.\d+)?)H)?(?:(\d+(?:\.\d+)?)M)?(?:(\d+(?:\.\d+)?)S)?)?$/i;

// "1 year 2 months", "1 year, 2 months and 3 days", "90d", "1.5 hours".
const HUMAN_PART = /^(\d+(?:\.\d+)?)\s*([a-z]+)$/;

function invalid(text: string, reason: string): PortageError {
  return new PortageError('CONFIG_INVALID', `invalid duration "${text}": ${reason}`, { context: { value: text, reason } });
}

function parseIso(text: string, match: RegExpExecArray): Duration {
  const [, years, months, weeks, days, hours, minutes, seconds] = match;
  if (text.trim().toUpperCase().endsWith('T')) throw invalid(text, `"T" must be followed by hours, minutes or seconds; ${EXAMPLES}`);
  const parts = [years, months, weeks, days, hours, minutes, seconds];
  if (parts.every((part) => part === undefined)) throw invalid(text, `the duration has no parts; ${EXAMPLES}`);
  const n = (part: string | undefined): number => (part === undefined ? 0 : Number(part));
  return {
    months: n(years) * 12 + n(months),
    ms: Math.round(n(weeks) * WEEK + n(days) * DAY + n(hours) * HOUR + n(minutes) * MINUTE + n(seconds) * SECOND),
  };
}

function parseHuman(text: string, normalized: string): Duration {
  const parts = normalized
    .split(/\s*,\s*|\s+and\s+|\s+(?=\d)/)
    .map((part) => part.trim())
    .filter((part) => part !== '');
  if (parts.length === 0) throw invalid(text, `the duration is empty; ${EXAMPLES}`);
  const total: Duration = { months: 0, ms: 0 };
  for (const part of parts) {
    const match = HUMAN_PART.exec(part);
    if (!match) throw invalid(text, `"${part}" is not <number> <unit>; ${EXAMPLES}`);
    const [, amountText = '', unitName = ''] = match;
    const unit = UNITS.get(unitName);
    if (!unit) {
      const guess = didYouMean(unitName, UNIT_NAMES);
      const hint = guess === undefined ? '' : ` did you mean "${guess}"?`;
      throw invalid(text, `unknown unit "${unitName}":${hint} use ${UNIT_NAMES.join(', ')}`);
    }
    const amount = Number(amountText);
    if ('months' in unit) {
      // A fraction of a month has no fixed length; ask for a whole number or smaller units.
      if (!Number.isInteger(amount)) throw invalid(text, `"${part}" must be a whole number of ${unitName}; use days for fractions`);
      total.months += amount * unit.months;
    } else {
      total.ms += Math.round(amount * unit.ms);
    }
  }
  return total;
}

/**
 * Reads a duration written by a person ("3 months", "1 year 2 months", "90d") or in ISO 8601
 * ("P3M", "PT10M", "P1Y2M10DT2H30M"). Case and surrounding spaces do not matter.
 *
 * @throws PortageError CONFIG_INVALID with `context.reason` saying what to write instead.
 * @example
 * parseDuration('3 months');       // { months: 3, ms: 0 }
 * parseDuration('PT10M');          // { months: 0, ms: 600_000 }
 * parseDuration('P1Y2M10DT2H30M'); // { months: 14, ms: 873_000_000 }
 */
export function parseDuration(text: string): Duration {
  const normalized = text.trim().toLowerCase();
  if (normalized === '') throw invalid(text, `the duration is empty; ${EXAMPLES}`);
  if (normalized.startsWith('p')) {
    const match = ISO_DURATION.exec(normalized.toUpperCase());
    if (!match) throw invalid(text, `not a valid ISO 8601 duration; ${EXAMPLES}`);
    return parseIso(text, match);
  }
  if (normalized.startsWith('-')) throw invalid(text, 'a duration cannot be negative: write how far back, e.g. "3 months"');
  return parseHuman(text, normalized);
}

function daysInMonth(year: number, monthIndex: number): number {
  // Day 0 of the next month is the last day of this one.
  return new Date(utcDate(year, monthIndex + 1, 0)).getUTCDate();
}

// Date.UTC maps years 0..99 to 1900..1999; setUTCFullYear does not.
function utcDate(year: number, monthIndex: number, day: number): number {
  const date = new Date(0);
  date.setUTCFullYear(year, monthIndex, day);
  return date.getTime();
}

/**
 * `date` minus `duration`, in UTC: calendar months first (clamped to the end of a shorter
 * month, so 31 March minus one month is 28/29 February, not 3 March), then the fixed part.
 *
 * @example
 * subtractDuration(new Date('2026-03-31T12:00:00Z'), parseDuration('1 month'));
 * // 2026-02-28T12:00:00.000Z
 * subtractDuration(new Date('2026-05-01T00:00:00Z'), parseDuration('PT10M'));
 * // 2026-04-30T23:50:00.000Z
 */
export function subtractDuration(date: Date, duration: Duration): Date {
  let result = date.getTime();
  if (duration.months !== 0) {
    const monthsSinceYearZero = date.getUTCFullYear() * 12 + date.getUTCMonth() - duration.months;
    const year = Math.floor(monthsSinceYearZero / 12);
    const monthIndex = monthsSinceYearZero - year * 12;
    const day = Math.min(date.getUTCDate(), daysInMonth(year, monthIndex));
    const timeOfDay = result - utcDate(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate());
    result = utcDate(year, monthIndex, day) + timeOfDay;
  }
  return new Date(result - duration.ms);
}
