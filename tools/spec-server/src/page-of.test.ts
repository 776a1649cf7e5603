import { describe, expect, it } from 'vitest';
import { pageOf } from './page-of.js';

describe('pageOf', () => {
  const records = ['a', 'b', 'c', 'd', 'e'];

  it('cuts pages and says where the next one starts', () => {
    expect(pageOf(records, 0, 2)).toEqual({ items: ['a', 'b'], hasMore: true, nextStart: 2 });
    expect(pageOf(records, 3, 2)).toEqual({ items: ['d', 'e'], hasMore: false, nextStart: null });
    expect(pageOf(records, 9, 2)).toEqual({ items: [], hasMore: false, nextStart: null });
  });

  it('rejects a start or size that cannot make a page', () => {
    expect(() => pageOf(records, -1, 2)).toThrow(/start must be an integer >= 0, got -1/);
    expect(() => pageOf(records, 0, 0)).toThrow(/size must be an integer >= 1, got 0/);
    expect(() => pageOf(records, 0, Number.NaN)).toThrow(/size must be an integer >= 1, got NaN/);
  });
});
