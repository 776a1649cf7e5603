import type { RequestSpec } from '../http/request-spec.js';

// Stands in for the client's base URL when the request URL is still a path: only the path,
// query and fragment of a result resolved against it are kept.
const PLACEHOLDER_ORIGIN = 'http://base-url.invalid';

/**
 * Resolves a URI reference found in a response against the request that got it (RFC 3986
 * section 5, as RFC 8288 asks for `Link` targets). When the request URL is a path relative
 * to the client's base URL, the result stays such a path; a network-path reference
 * ("//host/x") is returned as is, since only the client knows the scheme.
 *
 * @example
 * resolveUrl('?page=2', toRequestSpec({ url: 'https://api.test/v1/items', query: { page: 1 } }));
 * // 'https://api.test/v1/items?page=2'
 * resolveUrl('next', toRequestSpec({ path: '/v1/items/first' })); // '/v1/items/next'
 */
export function resolveUrl(reference: string, request: RequestSpec): string {
  if (hasScheme(reference)) return reference;
  const requestUri = withQuery(request.url, request.query);
  if (hasScheme(request.url)) return new URL(reference, requestUri).href;
  if (reference.startsWith('//')) return reference;
  const resolved = new URL(reference, new URL(requestUri, PLACEHOLDER_ORIGIN));
  return `${resolved.pathname}${resolved.search}${resolved.hash}`;
}

function hasScheme(url: string): boolean {
  return /^[a-z][a-z\d+.-]*:/i.test(url);
}

/** "" and "#x" resolve to the request URI with its query, so the query has to be in it. */
function withQuery(url: string, query: RequestSpec['query']): string {
  const search = new URLSearchParams(query).toString();
  if (search === '') return url;
  return `${url}${url.includes('?') ? '&' : '?'}${search}`;
}
