import type { ResponseHeaders } from '../http/request-spec.js';
import { parseRateLimitHeaders } from '../rate-limit/rate-limit-headers.js';
import { parseHttpDate } from './http-date.js';

/** A wait the server asked for, and which header asked, for log messages. */
export interface ServerWait {
  delayMs: number;
  header: string;
}

// RFC 9110 says whole seconds; fractions are accepted because some servers send them.
const DELAY_SECONDS = /^\d+(?:\.\d+)?$/;

/**
 * The wait a response asks for, from the first header that parses: `retry-after` (seconds or an
 * HTTP-date), then the quota reset headers (`x-ratelimit-reset`: epoch seconds above 1e9 as
 * GitHub sends, seconds from now otherwise; `ratelimit-reset`: seconds from now). A time in
 * the past means 0. Reset headers accompany successful responses too, where they describe a
 * window that is not exhausted: pass `resetHeaders: false` to ignore them.
 *
 * @example readServerWait({ 'retry-after': '2' }, Date.now()) // { delayMs: 2000, header: 'Retry-After' }
 */
export function readServerWait(
  headers: ResponseHeaders,
  now: number,
  options: { resetHeaders?: boolean } = {},
): ServerWait | undefined {
  const retryAfter = headers['retry-after'];
  const delayMs = retryAfter === undefined ? undefined : parseRetryAfterValue(retryAfter, now);
  if (delayMs !== undefined) return { delayMs, header: 'Retry-After' };
  if (options.resetHeaders === false) return undefined;
  const { resetAt, resetHeader } = parseRateLimitHeaders(headers, now);
  if (resetAt === undefined || resetHeader === undefined) return undefined;
  return { delayMs: Math.max(0, resetAt - now), header: resetHeader };
}

/**
 * Milliseconds a response asks the client to wait, or undefined when no header says (or none
 * parses); see `readServerWait` for the headers read.
 *
 * @example parseRetryAfter({ 'retry-after': 'Wed, 21 Oct 2015 07:28:02 GMT' }, Date.UTC(2015, 9, 21, 7, 28)) // 2000
 * @example parseRetryAfter({ 'x-ratelimit-reset': '1700000060' }, 1_700_000_000_000) // 60000
 */
export function parseRetryAfter(headers: ResponseHeaders, now: number): number | undefined {
  return readServerWait(headers, now)?.delayMs;
}

function parseRetryAfterValue(value: string, now: number): number | undefined {
  const text = value.trim();
  if (DELAY_SECONDS.test(text)) return Math.ceil(Number(text) * 1000);
  const date = parseHttpDate(text, now);
  return date === undefined ? undefined : Math.max(0, date - now);
}
