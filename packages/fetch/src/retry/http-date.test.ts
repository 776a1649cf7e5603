import { describe, it, expect } from 'vitest';
import { parseHttpDate } from './http-date.js';

const NOW = Date.UTC(2024, 0, 1);

describe('parseHttpDate', () => {
  it.each([
    { name: 'IMF-fixdate', given: 'Wed, 21 Oct 2015 07:28:00 GMT', want: Date.UTC(2015, 9, 21, 7, 28) },
    { name: 'IMF-fixdate, any case, padded', given: '  wed, 21 OCT 2015 07:28:00 gmt ', want: Date.UTC(2015, 9, 21, 7, 28) },
    { name: 'RFC 850, this century', given: 'Monday, 01-Jan-24 00:00:10 GMT', want: Date.UTC(2024, 0, 1, 0, 0, 10) },
    { name: 'RFC 850, up to 50 years ahead', given: 'Sunday, 01-Jan-74 00:00:00 GMT', want: Date.UTC(2074, 0, 1) },
    { name: 'RFC 850, more than 50 years ahead is last century', given: 'Sunday, 06-Nov-94 08:49:37 GMT', want: Date.UTC(1994, 10, 6, 8, 49, 37) },
    { name: 'asctime, one-digit day', given: 'Sun Nov  6 08:49:37 1994', want: Date.UTC(1994, 10, 6, 8, 49, 37) },
    { name: 'asctime, two-digit day', given: 'Sun Nov 16 08:49:37 1994', want: Date.UTC(1994, 10, 16, 8, 49, 37) },
    { name: 'a bare number is not a date', given: '5', want: undefined },
    { name: 'ISO 8601 is not an HTTP-date', given: '2024-01-01T00:00:00Z', want: undefined },
    { name: 'another zone than GMT', given: 'Wed, 21 Oct 2015 07:28:00 UTC', want: undefined },
    { name: 'unknown month', given: 'Wed, 21 Foo 2015 07:28:00 GMT', want: undefined },
    { name: '31 February', given: 'Sat, 31 Feb 2024 00:00:00 GMT', want: undefined },
    { name: 'day 0', given: 'Sat, 00 Feb 2024 00:00:00 GMT', want: undefined },
    { name: 'hour 24', given: 'Wed, 21 Oct 2015 24:00:00 GMT', want: undefined },
    { name: 'empty', given: '', want: undefined },
  ])('$name', ({ given, want }) => {
    expect(parseHttpDate(given, NOW)).toBe(want);
  });
});
