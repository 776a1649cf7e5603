import { describe, expect, it } from 'vitest';
import { toRequestSpec, type RequestSpec } from '../http/request-spec.js';
import { resolveUrl } from './resolve-url.js';

const absolute = toRequestSpec({ url: 'https://api.test/v1/items', query: { page: 1, per_page: 5 } });
const relative = toRequestSpec({ path: '/v1/items', query: { page: 1 } });

describe('resolveUrl', () => {
  it.each<[string, string, RequestSpec, string]>([
    ['absolute reference stays as is', 'https://other.test/x?page=2', relative, 'https://other.test/x?page=2'],
    ['query-only against an absolute request', '?page=2', absolute, 'https://api.test/v1/items?page=2'],
    ['path-absolute against an absolute request', '/v2/items?page=2', absolute, 'https://api.test/v2/items?page=2'],
    ['relative path against an absolute request', 'more?page=2', absolute, 'https://api.test/v1/more?page=2'],
    ['empty fragment-only keeps the request query', '#x', absolute, 'https://api.test/v1/items?page=1&per_page=5#x'],
    ['query-only against a relative request stays a path', '?page=2', relative, '/v1/items?page=2'],
    ['path-absolute against a relative request', '/v1/items?page=2', relative, '/v1/items?page=2'],
    ['relative path against a relative request', 'next', relative, '/v1/next'],
    ['network-path reference is left to the client', '//cdn.test/x', relative, '//cdn.test/x'],
    ['network-path reference against an absolute request', '//cdn.test/x', absolute, 'https://cdn.test/x'],
    [
      'request URL that already holds a query',
      '#f',
      toRequestSpec({ url: 'https://api.test/x?page=2', query: { a: 'b' } }),
      'https://api.test/x?page=2&a=b#f',
    ],
  ])('%s', (_name, reference, request, want) => {
    expect(resolveUrl(reference, request)).toBe(want);
  });
});
