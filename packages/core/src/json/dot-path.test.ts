import { describe, expect, it } from 'vitest';
import { getPath, setPath } from './dot-path.js';

describe('getPath', () => {
  it.each([
    [{ a: { b: [1, 2] } }, 'a.b', [1, 2]],
    [{ a: { b: [1, 2] } }, 'a.b.1', 2],
    [[{ id: 'x' }], '0.id', 'x'],
    [{ a: 1 }, '', { a: 1 }],
    [{ a: null }, 'a.b', undefined],
    [{ a: 'text' }, 'a.length', undefined],
    [{ '@odata.nextLink': 'u', '@odata': { nextLink: 'other' } }, '@odata.nextLink', 'u'],
    [{ meta: { 'x.y': 2 } }, 'meta.x.y', 2],
  ])('getPath(%j, %j) = %j', (value, path, want) => {
    expect(getPath(value, path)).toEqual(want);
  });
});

describe('setPath', () => {
  it('sets a nested value on a copy and leaves the input untouched', () => {
    const input = Object.freeze({ query: Object.freeze({ limit: 5 }) });
    const out = setPath(input, 'query.cursor', 'abc');
    expect(out).toEqual({ query: { limit: 5, cursor: 'abc' } });
    expect(input).toEqual({ query: { limit: 5 } });
  });

  it('creates missing objects on the way', () => {
    expect(setPath(undefined, 'a.b', 1)).toEqual({ a: { b: 1 } });
  });
});
