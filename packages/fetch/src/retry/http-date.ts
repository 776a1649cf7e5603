const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const IMF_FIXDATE = /^(?:mon|tue|wed|thu|fri|sat|sun), (\d{2}) ([a-z]{3}) (\d{4}) (\d{2}):(\d{2}):(\d{2}) gmt$/i;
const RFC850_DATE = /^(?:mon|tues|wednes|thurs|fri|satur|sun)day, (\d{2})-([a-z]{3})-(\d{2}) (\d{2}):(\d{2}):(\d{2}) gmt$/i;
const ASCTIME_DATE = /^(?:mon|tue|wed|thu|fri|sat|sun) ([a-z]{3}) ([ \d]\d) (\d{2}):(\d{2}):(\d{2}) (\d{4})$/i;

/**
 * Parses an HTTP-date (RFC 9110 section 5.6.7) in any of its three forms to epoch ms.
 * `Date.parse` is not used: it accepts far more than HTTP-dates ("5" is a year to V8), which
 * would turn garbage into a plausible wait.
 *
 * @param now epoch ms, to place the two-digit years of the obsolete RFC 850 form
 * @example parseHttpDate('Wed, 21 Oct 2015 07:28:00 GMT', Date.now()) // 1445412480000
 */
export function parseHttpDate(value: string, now: number): number | undefined {
  const text = value.trim();
  let match = IMF_FIXDATE.exec(text);
  if (match) return toEpoch(match[3], match[2], match[1], match[4], match[5], match[6]);
  match = RFC850_DATE.exec(text);
  if (match) return toEpoch(fullYear(Number(match[3]), now), match[2], match[1], match[4], match[5], match[6]);
  match = ASCTIME_DATE.exec(text);
  if (match) return toEpoch(match[6], match[1], match[2], match[3], match[4], match[5]);
  return undefined;
}

/** RFC 9110: a two-digit year more than 50 years ahead belongs to the previous century. */
function fullYear(twoDigits: number, now: number): number {
  const currentYear = new Date(now).getUTCFullYear();
  const year = currentYear - (currentYear % 100) + twoDigits;
  return year > currentYear + 50 ? year - 100 : year;
}

function toEpoch(
  year: string | number | undefined,
  month: string | undefined,
  day: string | undefined,
  hour: string | undefined,
  minute: string | undefined,
  second: string | undefined,
): number | undefined {
  const m = MONTHS.indexOf(month?.toLowerCase() ?? '');
  const [y, d, h, min, s] = [year, day, hour, minute, second].map(Number) as [number, number, number, number, number];
  if (m < 0 || h > 23 || min > 59 || s > 60) return undefined;
  // Date.UTC rolls 31 Feb over into March; an invalid day is an invalid date.
  if (new Date(Date.UTC(y, m, d)).getUTCDate() !== d) return undefined;
  return Date.UTC(y, m, d, h, min, s);
}
