import { describe, it, expect } from 'vitest';
import type { ResponseHeaders } from '../http/request-spec.js';
import { parseRetryAfter, readServerWait } from './retry-after.js';

const NOW = Date.UTC(2024, 0, 1); // 1_704_067_200_000
const epochSeconds = (offsetSeconds: number): string => String(NOW / 1000 + offsetSeconds);

describe('parseRetryAfter', () => {
  it.each<{ name: string; given: ResponseHeaders; want: number | undefined }>([
    { name: 'no header', given: {}, want: undefined },
    { name: 'delta seconds', given: { 'retry-after': '2' }, want: 2_000 },
    { name: 'zero', given: { 'retry-after': '0' }, want: 0 },
    { name: 'surrounding spaces', given: { 'retry-after': ' 5 ' }, want: 5_000 },
    { name: 'fractional seconds', given: { 'retry-after': '1.5' }, want: 1_500 },
    { name: 'negative', given: { 'retry-after': '-1' }, want: undefined },
    { name: 'exponent notation', given: { 'retry-after': '1e3' }, want: undefined },
    { name: 'words', given: { 'retry-after': 'soon' }, want: undefined },
    { name: 'empty', given: { 'retry-after': '' }, want: undefined },
    { name: 'HTTP-date ahead', given: { 'retry-after': 'Mon, 01 Jan 2024 00:00:30 GMT' }, want: 30_000 },
    { name: 'HTTP-date in the past', given: { 'retry-after': 'Sun, 31 Dec 2023 23:59:00 GMT' }, want: 0 },
    { name: 'HTTP-date, RFC 850 form', given: { 'retry-after': 'Monday, 01-Jan-24 00:00:10 GMT' }, want: 10_000 },
    { name: 'HTTP-date, asctime form', given: { 'retry-after': 'Mon Jan  1 00:00:20 2024' }, want: 20_000 },
    { name: 'invalid HTTP-date', given: { 'retry-after': 'Sat, 31 Feb 2024 00:00:00 GMT' }, want: undefined },
    { name: 'x-ratelimit-reset as epoch seconds (GitHub)', given: { 'x-ratelimit-reset': epochSeconds(60) }, want: 60_000 },
    { name: 'x-ratelimit-reset epoch in the past', given: { 'x-ratelimit-reset': epochSeconds(-60) }, want: 0 },
    { name: 'x-ratelimit-reset as delta seconds', given: { 'x-ratelimit-reset': '30' }, want: 30_000 },
    { name: 'x-ratelimit-reset of exactly 1e9 is still a delta', given: { 'x-ratelimit-reset': '1000000000' }, want: 1e12 },
    { name: 'x-ratelimit-reset as epoch ms', given: { 'x-ratelimit-reset': String(NOW + 1_500) }, want: 1_500 },
    { name: 'x-ratelimit-reset invalid', given: { 'x-ratelimit-reset': 'tomorrow' }, want: undefined },
    { name: 'x-rate-limit-reset (X/Twitter)', given: { 'x-rate-limit-reset': epochSeconds(15) }, want: 15_000 },
    { name: 'ratelimit-reset (IETF draft)', given: { 'ratelimit-reset': '10' }, want: 10_000 },
    { name: 'ratelimit-reset is always a delta', given: { 'ratelimit-reset': '1000000001' }, want: 1_000_000_001_000 },
    { name: 'ratelimit-reset invalid', given: { 'ratelimit-reset': '-3' }, want: undefined },
    {
      name: 'retry-after wins over reset headers',
      given: { 'retry-after': '2', 'x-ratelimit-reset': '30', 'ratelimit-reset': '40' },
      want: 2_000,
    },
    { name: 'x-ratelimit-reset wins over ratelimit-reset', given: { 'x-ratelimit-reset': '30', 'ratelimit-reset': '40' }, want: 30_000 },
    { name: 'an invalid retry-after falls back to a reset header', given: { 'retry-after': 'soon', 'ratelimit-reset': '40' }, want: 40_000 },
    { name: 'an invalid x-ratelimit-reset falls back', given: { 'x-ratelimit-reset': 'x', 'ratelimit-reset': '40' }, want: 40_000 },
  ])('$name', ({ given, want }) => {
    expect(parseRetryAfter(given, NOW)).toBe(want);
  });
});

describe('readServerWait', () => {
  it.each<{ name: string; given: ResponseHeaders; resetHeaders?: boolean; want: ReturnType<typeof readServerWait> }>([
    { name: 'names Retry-After', given: { 'retry-after': '2' }, want: { delayMs: 2_000, header: 'Retry-After' } },
    { name: 'names the reset header', given: { 'ratelimit-reset': '3' }, want: { delayMs: 3_000, header: 'ratelimit-reset' } },
    { name: 'reset headers can be ignored', given: { 'ratelimit-reset': '3' }, resetHeaders: false, want: undefined },
    { name: 'Retry-After is read either way', given: { 'retry-after': '2' }, resetHeaders: false, want: { delayMs: 2_000, header: 'Retry-After' } },
  ])('$name', ({ given, resetHeaders, want }) => {
    expect(readServerWait(given, NOW, resetHeaders === undefined ? {} : { resetHeaders })).toEqual(want);
  });
});
