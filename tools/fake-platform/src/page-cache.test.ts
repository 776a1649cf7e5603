import { describe, expect, it } from 'vitest';
import { PageCache } from './page-cache.js';

const page = (bytes: number) => ({ body: Buffer.alloc(bytes), headers: {} });

describe('PageCache', () => {
  it('evicts the least recently used pages past its byte budget', () => {
    const cache = new PageCache(30);
    cache.set('a', page(10));
    cache.set('b', page(10));
    cache.set('c', page(10));
    cache.get('a'); // now b is the least recently used
    cache.set('d', page(10));
    expect(['a', 'b', 'c', 'd'].map((k) => cache.get(k) !== undefined)).toEqual([true, false, true, true]);
    expect(cache.bytes).toBe(30);
  });

  it('skips a page larger than the whole budget, replaces a key, and clears', () => {
    const cache = new PageCache(30);
    cache.set('big', page(31));
    expect(cache.get('big')).toBeUndefined();
    cache.set('a', page(10));
    cache.set('a', page(20));
    expect(cache.bytes).toBe(20);
    cache.clear();
    expect(cache.get('a')).toBeUndefined();
    expect(cache.bytes).toBe(0);
  });
});
