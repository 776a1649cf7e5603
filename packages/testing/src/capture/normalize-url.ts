import type { FixtureRedactor } from '../redact/fixture-redactor.js';
import { placeholder } from '../redact/secret-values.js';

// Percent-encode like encodeURIComponent, but leave the characters that are common in query
// values and harmless there (":", ",", "/", "[", "]") and the placeholders' "<", ">" readable.
function encodeQueryPart(value: string): string {
  return encodeURIComponent(value).replace(/%(3A|2C|2F|5B|5D|3C|3E)/gi, (escaped) => decodeURIComponent(escaped));
}

/**
 * Query parameters with secrets redacted, sorted by name then value (so the order a client
 * happened to add them in never makes two identical requests differ).
 *
 * @example sortedQuery(new URLSearchParams('b=2&a=1'), redactor) // [['a', '1'], ['b', '2']]
 */
export function sortedQuery(params: URLSearchParams, redactor: FixtureRedactor): [string, string][] {
  const pairs: [string, string][] = [];
  for (const [name, value] of params) pairs.push([name, redactor.queryValue(name, value)]);
  return pairs.sort(([an, av], [bn, bv]) => (an < bn ? -1 : an > bn ? 1 : av < bv ? -1 : av > bv ? 1 : 0));
}

/**
 * The URL as a fixture stores it: credentials in the user-info, path and query replaced by
 * placeholders, the query sorted, the fragment (never sent) dropped.
 *
 * @example normalizeUrl('https://h/v1/x?b=2&api_key=s3cr3t&a=1', redactor) // 'https://h/v1/x?a=1&api_key=<redacted:api_key>&b=2'
 */
export function normalizeUrl(raw: string, redactor: FixtureRedactor): string {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new TypeError(`cannot record a request to "${redactor.text(raw)}": it is not an absolute URL`);
  }
  const userinfo = url.username || url.password ? `${placeholder('userinfo')}@` : '';
  const query = sortedQuery(url.searchParams, redactor)
    .map(([name, value]) => `${encodeQueryPart(name)}=${encodeQueryPart(value)}`)
    .join('&');
  return `${url.protocol}//${userinfo}${url.host}${redactor.text(url.pathname)}${query ? `?${query}` : ''}`;
}
