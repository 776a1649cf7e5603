import { setPath } from '@portage/core';
import type { RequestSpec } from '../http/request-spec.js';
import type { PageToken } from './paginator.js';

/**
 * Returns a new request carrying `tokens`; `request` is never mutated. Tokens are applied in
 * order, so a later token wins over an earlier one with the same placement.
 *
 * - `query` and `header` values become strings (HTTP carries text);
 * - `body` values go to a dot path inside the JSON body and keep their type, so an offset
 *   stays a number there;
 * - a `url` token replaces the URL and clears the query, because a next-page URL carries
 *   its own query string and the old parameters (the previous cursor) would contradict it.
 *
 * @example
 * placeTokens(toRequestSpec({ path: '/v1/charges' }), [
 *   { kind: 'param', placement: { in: 'query', name: 'starting_after' }, value: 'ch_42' },
 * ]); // { method: 'GET', url: '/v1/charges', query: { starting_after: 'ch_42' }, headers: {} }
 */
export function placeTokens(request: RequestSpec, tokens: readonly PageToken[]): RequestSpec {
  return tokens.reduce(placeToken, request);
}

function placeToken(request: RequestSpec, token: PageToken): RequestSpec {
  if (token.kind === 'url') return { ...request, url: token.url, query: {} };
  const { placement, value } = token;
  switch (placement.in) {
    case 'query':
      return { ...request, query: { ...request.query, [placement.name]: String(value) } };
    case 'header':
      return { ...request, headers: withHeader(request.headers, placement.name, String(value)) };
    case 'body':
      return { ...request, body: setPath(request.body, placement.name, value) };
  }
}

/** Header names are case-insensitive, so a `Cursor` already there must not survive beside `cursor`. */
function withHeader(headers: RequestSpec['headers'], name: string, value: string): Record<string, string> {
  const lower = name.toLowerCase();
  const kept = Object.entries(headers).filter(([key]) => key.toLowerCase() !== lower);
  return { ...Object.fromEntries(kept), [name]: value };
}
