import { describe, expect, it } from 'vitest';
import { toRequestSpec, type RequestSpec } from '../http/request-spec.js';
import type { PageToken } from './paginator.js';
import { placeTokens } from './place-tokens.js';

function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object') {
    for (const child of Object.values(value)) deepFreeze(child);
    Object.freeze(value);
  }
  return value;
}

const get = toRequestSpec({ url: '/v1/items', query: { status: 'open', cursor: 'old' }, headers: { Accept: 'application/json' } });
const post = toRequestSpec({ method: 'POST', url: '/v1/search', body: { filter: { status: 'open' }, paging: { limit: 5 } } });

const param = (where: 'query' | 'header' | 'body', name: string, value: string | number): PageToken => ({
  kind: 'param',
  placement: { in: where, name },
  value,
});

describe('placeTokens', () => {
  it.each<[string, RequestSpec, PageToken[], RequestSpec]>([
    ['no tokens gives an equal spec', get, [], get],
    [
      'query: adds and overwrites, numbers become strings',
      get,
      [param('query', 'cursor', 'new'), param('query', 'limit', 5)],
      { ...get, query: { status: 'open', cursor: 'new', limit: '5' } },
    ],
    [
      'header: set as a string',
      get,
      [param('header', 'X-Page', 2)],
      { ...get, headers: { Accept: 'application/json', 'X-Page': '2' } },
    ],
    [
      'header: replaces a header spelled with another case',
      toRequestSpec({ url: '/x', headers: { 'x-cursor': 'old' } }),
      [param('header', 'X-Cursor', 'new')],
      toRequestSpec({ url: '/x', headers: { 'X-Cursor': 'new' } }),
    ],
    [
      'body: dot path inside the JSON body, numbers stay numbers',
      post,
      [param('body', 'paging.offset', 10), param('body', 'paging.cursor', 'abc')],
      { ...post, body: { filter: { status: 'open' }, paging: { limit: 5, offset: 10, cursor: 'abc' } } },
    ],
    [
      'body: creates the body when there is none',
      toRequestSpec({ method: 'POST', url: '/search' }),
      [param('body', 'page.number', 3)],
      toRequestSpec({ method: 'POST', url: '/search', body: { page: { number: 3 } } }),
    ],
    [
      'url: replaces the url and clears the query, keeps headers and body',
      { ...post, query: { limit: '5' } },
      [{ kind: 'url', url: 'https://api.test/v1/search?page=2' }],
      { ...post, url: 'https://api.test/v1/search?page=2', query: {} },
    ],
    [
      'tokens apply in order: a param after a url lands in the fresh query',
      get,
      [{ kind: 'url', url: '/v1/items?page=2' }, param('query', 'limit', 5)],
      { ...get, url: '/v1/items?page=2', query: { limit: '5' } },
    ],
  ])('%s', (_name, request, tokens, want) => {
    const frozen = deepFreeze(structuredClone(request));
    const snapshot = structuredClone(frozen);
    const got = placeTokens(frozen, tokens);
    expect(got).toEqual(want);
    expect(frozen).toEqual(snapshot);
    if (tokens.length > 0) expect(got).not.toBe(frozen);
  });

  it('shares nothing mutable with its input: editing the result leaves the input alone', () => {
    const input = structuredClone(post);
    const got = placeTokens(input, [param('body', 'paging.offset', 5)]);
    (got.body as { paging: { limit: number } }).paging.limit = 99;
    expect(input.body).toEqual({ filter: { status: 'open' }, paging: { limit: 5 } });
  });
});
