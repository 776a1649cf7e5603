import { describe, expect, it } from 'vitest';
import { toRequestSpec } from '../http/request-spec.js';
import type { PageToken } from './paginator.js';
import { tokensUnchanged } from './tokens-unchanged.js';

const request = toRequestSpec({
  method: 'POST',
  path: '/items',
  query: { cursor: 'abc', limit: 5 },
  headers: { 'X-Page': '3' },
  body: { paging: { offset: 10 } },
});
const url = 'https://api.test/v1/items';

describe('tokensUnchanged', () => {
  it.each<[string, PageToken[], boolean]>([
    ['same query cursor', [{ kind: 'param', placement: { in: 'query', name: 'cursor' }, value: 'abc' }], true],
    ['new query cursor', [{ kind: 'param', placement: { in: 'query', name: 'cursor' }, value: 'abd' }], false],
    ['same header, other case', [{ kind: 'param', placement: { in: 'header', name: 'x-page' }, value: 3 }], true],
    ['same body offset', [{ kind: 'param', placement: { in: 'body', name: 'paging.offset' }, value: 10 }], true],
    ['new body offset', [{ kind: 'param', placement: { in: 'body', name: 'paging.offset' }, value: 15 }], false],
    ['one of two changed', [{ kind: 'param', placement: { in: 'query', name: 'cursor' }, value: 'abc' }, { kind: 'param', placement: { in: 'query', name: 'limit' }, value: 6 }], false],
    ['same URL, params reordered', [{ kind: 'url', url: 'https://api.test/v1/items?limit=5&cursor=abc' }], true],
    ['next URL', [{ kind: 'url', url: 'https://api.test/v1/items?cursor=abd&limit=5' }], false],
  ])('%s -> %s', (_name, tokens, want) => {
    expect(tokensUnchanged(request, url, tokens)).toBe(want);
  });
});
