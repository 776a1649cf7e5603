import type { ResponseHeaders } from '../http/request-spec.js';

/**
 * Response headers in which platforms return their id for a request, lower-case, most specific
 * first: support teams ask for this id, so it goes into every log line and error. Only ids:
 * version or rate-limit headers are not here. `cf-ray` comes last because it is the CDN's id,
 * useful only when the platform sends nothing better.
 *
 * @example trackingIdOf(res.headers, [...DEFAULT_TRACKING_HEADERS, 'x-acme-trace'])
 */
export const DEFAULT_TRACKING_HEADERS: readonly string[] = Object.freeze([
  'x-request-id',
  'request-id',
  'x-github-request-id',
  'x-shopify-request-id',
  'xero-correlation-id',
  'intuit_tid',
  'x-hubspot-correlation-id',
  'x-amzn-requestid',
  'x-amz-request-id',
  'x-ms-request-id',
  'x-zm-trackingid',
  'trackingid',
  'x-tracking-id',
  'x-correlation-id',
  'correlation-id',
  'x-trace-id',
  'x-amzn-trace-id',
  'cf-ray',
]);

/**
 * The platform's id for a response: the value of the first of `names` present and not blank.
 *
 * @example trackingIdOf({ 'x-request-id': 'req_123' }) // 'req_123'
 * @example trackingIdOf({ 'X-Custom-Id': 'a1' }, ['x-custom-id']) // 'a1'
 */
export function trackingIdOf(
  headers: ResponseHeaders,
  names: readonly string[] = DEFAULT_TRACKING_HEADERS,
): string | undefined {
  // Transports hand over lower-case header names (the ResponseHeaders contract); this runs on
  // every response, so it does no case folding of its own.
  for (const name of names) {
    const value = headers[name.toLowerCase()]?.trim();
    if (value) return value;
  }
  return undefined;
}
