import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { contentHash } from './content-hash.js';

describe('contentHash', () => {
  it('is the sha256 hex of the canonical JSON', () => {
    expect(contentHash({ b: 1, a: 2 })).toBe(createHash('sha256').update('{"a":2,"b":1}').digest('hex'));
  });

  it('ignores key order at every depth', () => {
    const one = { id: '1', total: { amount: 100, currency: 'EUR' }, lines: [{ sku: 'a', qty: 1 }] };
    const two = { lines: [{ qty: 1, sku: 'a' }], total: { currency: 'EUR', amount: 100 }, id: '1' };
    expect(contentHash(one)).toBe(contentHash(two));
  });

  it.each([
    ['a changed value', { a: 1 }, { a: 2 }],
    ['an added key', { a: 1 }, { a: 1, b: null }],
    ['array order', [1, 2], [2, 1]],
    ['a number and its string', { a: 1 }, { a: '1' }],
  ])('changes with %s', (_name, one, two) => {
    expect(contentHash(one)).not.toBe(contentHash(two));
  });

  it('treats an undefined property like a missing one, as JSON does', () => {
    expect(contentHash({ a: 1, b: undefined })).toBe(contentHash({ a: 1 }));
  });

  it('gives 64 hex characters', () => {
    expect(contentHash([])).toMatch(/^[0-9a-f]{64}$/);
  });
});
