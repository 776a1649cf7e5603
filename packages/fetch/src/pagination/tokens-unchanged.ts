import { getPath } from '@portage/core';
import type { RequestSpec } from '../http/request-spec.js';
import type { PageToken } from './paginator.js';

/**
 * Whether placing `tokens` would leave `request` as it is: the platform sent the same cursor
 * (or next URL) again, and following it would loop forever. `absoluteUrl` is the request's
 * URL resolved against the base URL.
 *
 * @example tokensUnchanged(spec, url, [{ kind: 'param', placement: { in: 'query', name: 'cursor' }, value: 'abc' }])
 */
export function tokensUnchanged(request: RequestSpec, absoluteUrl: string, tokens: readonly PageToken[]): boolean {
  return tokens.every((token) => {
    if (token.kind === 'url') return sameUrl(token.url, absoluteUrl, request.query);
    const { in: where, name } = token.placement;
    if (where === 'query') return request.query[name] === String(token.value);
    if (where === 'header') return headerValue(request.headers, name) === String(token.value);
    return getPath(request.body, name) === token.value;
  });
}

function headerValue(headers: Readonly<Record<string, string>>, name: string): string | undefined {
  const lower = name.toLowerCase();
  for (const key of Object.keys(headers)) if (key.toLowerCase() === lower) return headers[key];
  return undefined;
}

function sameUrl(next: string, current: string, query: Readonly<Record<string, string>>): boolean {
  const a = new URL(next);
  const b = new URL(current);
  for (const [key, value] of Object.entries(query)) b.searchParams.set(key, value);
  a.searchParams.sort();
  b.searchParams.sort();
  return a.href === b.href;
}
