import { describe, expect, it } from 'vitest';
import { readYaml } from './read-yaml.js';

const TEXT = ['entities:', '  - entity: orders', '    window: 3 months', '  - { entity: products, pageSize: 250 }', 'defaults:', '  pageSize: 500'].join('\n');

describe('readYaml', () => {
  it('reads YAML and JSON alike', () => {
    expect(readYaml('a: [1, "x"]').value).toEqual({ a: [1, 'x'] });
    expect(readYaml('{"a": [1, "x"]}').value).toEqual({ a: [1, 'x'] });
  });

  it('keeps anchors and aliases that resolve', () => {
    expect(readYaml('a: &hourly { every: "0 * * * *" }\nb: *hourly\n').value).toEqual({ a: { every: '0 * * * *' }, b: { every: '0 * * * *' } });
  });

  it.each<[string, Array<string | number>, { line: number; column: number } | undefined]>([
    ['a key', ['entities', 0, 'window'], { line: 3, column: 5 }],
    ['a list item', ['entities', 1], { line: 4, column: 5 }],
    ['a key in a flow mapping', ['entities', 1, 'pageSize'], { line: 4, column: 25 }],
    ['a top-level key', ['defaults', 'pageSize'], { line: 6, column: 3 }],
    ['a missing key: its nearest parent', ['entities', 0, 'windw'], { line: 2, column: 5 }],
    ['the root', [], { line: 1, column: 1 }],
  ])('locates %s', (_label, path, want) => {
    expect(readYaml(TEXT).locate(path)).toEqual(want);
  });

  it.each<[string, string, number, number]>([
    ['an unclosed quote', 'a: "x\n', 2, 1],
    ['a duplicate key', 'a: 1\na: 2\n', 2, 1],
    ['an unresolved alias', 'a: *nothing\n', 1, 4],
  ])('rejects %s with its position', (_label, text, line, column) => {
    expect(() => readYaml(text, 'acme.yaml')).toThrow(
      expect.objectContaining({ code: 'CONFIG_INVALID', context: expect.objectContaining({ source: 'acme.yaml', line, column }) }),
    );
  });
});

describe('readYaml limits', () => {
  it('rejects a document whose aliases expand without end', () => {
    const laughs = ['a: &a [x, x, x, x, x, x, x, x, x, x]', ...'bcdefgh'.split('').map((k, i) => `${k}: &${k} [${Array(10).fill(`*${'abcdefg'[i]}`).join(', ')}]`)].join('\n');
    expect(() => readYaml(laughs, 'laughs.yaml')).toThrow(expect.objectContaining({ code: 'CONFIG_INVALID', context: expect.objectContaining({ source: 'laughs.yaml' }) }));
  });
});
