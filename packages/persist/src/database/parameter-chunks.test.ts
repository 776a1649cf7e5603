import { describe, expect, it } from 'vitest';
import { parameterChunks } from './parameter-chunks.js';

describe('parameterChunks', () => {
  it('keeps every chunk under 65,535 parameters', () => {
    const rows = Array.from({ length: 30_000 }, (_, index) => index);
    const chunks = parameterChunks(rows, 6);
    expect(chunks.map((chunk) => chunk.length)).toEqual([10_922, 10_922, 8_156]);
    expect(chunks.flat()).toEqual(rows);
  });

  it('leaves room for reserved parameters', () => {
    expect(parameterChunks([1, 2, 3], 65_534, 1)).toEqual([[1], [2], [3]]);
  });

  it('gives no chunk for no rows', () => {
    expect(parameterChunks([], 6)).toEqual([]);
  });
});
