import { describe, expect, it } from 'vitest';
import { didYouMean } from './did-you-mean.js';

const KEYS = ['entity', 'window', 'pageSize', 'concurrency', 'incremental', 'fullResync'];

describe('didYouMean', () => {
  it.each<[string, readonly string[], string | undefined]>([
    ['windw', KEYS, 'window'],
    ['widnow', KEYS, 'window'],
    ['pagesize', KEYS, 'pageSize'],
    ['page_size', KEYS, 'pageSize'],
    ['concurency', KEYS, 'concurrency'],
    ['fullresync', KEYS, 'fullResync'],
    ['colour', KEYS, undefined],
    ['ordrs', ['orders', 'products'], 'orders'],
    ['ordr', ['orders', 'products'], undefined],
    ['abc', ['abd', 'xyz'], 'abd'],
    ['window', [], undefined],
  ])('%s among %j -> %s', (word, candidates, want) => {
    expect(didYouMean(word, candidates)).toBe(want);
  });
});
