/** The instant a request filters from, as an ISO 8601 string, or why the request is malformed. */
export type ModifiedSince = { since: string | undefined } | { error: string };

/**
 * Reads "only records changed since T" from the query parameter `param` (ISO 8601, as most
 * REST APIs take it) and the `If-Modified-Since` header (an HTTP-date, as some platforms
 * take it on list endpoints). When both are given both apply, so the later one wins. A bad
 * parameter is an error; a bad header is ignored, as RFC 9110 asks of `If-Modified-Since`.
 *
 * @example readModifiedSince(new URL('http://x/?updated_since=2026-01-01T00:00:10Z'), undefined) // { since: '2026-01-01T00:00:10.000Z' }
 * @example readModifiedSince(new URL('http://x/'), 'Thu, 01 Jan 2026 00:00:10 GMT') // { since: '2026-01-01T00:00:10.000Z' }
 */
export function readModifiedSince(url: URL, ifModifiedSince: string | undefined, param = 'updated_since'): ModifiedSince {
  const value = url.searchParams.get(param);
  const fromParam = value === null ? undefined : toIso(value);
  if (value !== null && fromParam === undefined) return { error: `${param} must be an ISO 8601 time, got ${JSON.stringify(value)}` };
  const fromHeader = ifModifiedSince === undefined ? undefined : toIso(ifModifiedSince);
  if (fromParam === undefined || fromHeader === undefined) return { since: fromParam ?? fromHeader };
  return { since: fromParam > fromHeader ? fromParam : fromHeader };
}

// Records carry `toISOString` times; the filter must have the same 24-character form for
// string comparison to be time comparison, which rules out years before 0 or after 9999.
function toIso(text: string): string | undefined {
  const ms = Date.parse(text);
  if (Number.isNaN(ms)) return undefined;
  const iso = new Date(ms).toISOString();
  return iso.length === 24 ? iso : undefined;
}
