import { describe, expect, it } from 'vitest';
import { canonicalJson } from './canonical-json.js';

const nest = (depth: number, inner: unknown): unknown => (depth === 0 ? inner : [nest(depth - 1, inner)]);

describe('canonicalJson', () => {
  it.each([
    { name: 'sorts keys', given: { b: 1, a: 2 }, want: '{"a":2,"b":1}' },
    { name: 'sorts nested keys', given: { z: { y: 1, x: [{ d: 1, c: 2 }] } }, want: '{"z":{"x":[{"c":2,"d":1}],"y":1}}' },
    { name: 'keeps array order', given: [3, 1, 2], want: '[3,1,2]' },
    { name: 'drops undefined properties', given: { a: undefined, b: 1 }, want: '{"b":1}' },
    { name: 'turns undefined array items into null', given: [undefined, () => 1], want: '[null,null]' },
    { name: 'turns non-finite numbers into null', given: [Number.NaN, Infinity], want: '[null,null]' },
    { name: 'writes dates as ISO strings', given: { at: new Date('2024-01-02T03:04:05.000Z') }, want: '{"at":"2024-01-02T03:04:05.000Z"}' },
    { name: 'escapes strings like JSON', given: { 'k"': 'line\nbreak' }, want: '{"k\\"":"line\\nbreak"}' },
    { name: 'writes null', given: null, want: 'null' },
    { name: 'writes a string', given: 'x', want: '"x"' },
    { name: 'sorts array-index keys as text, like every other key', given: { b: 1, 10: 2, 2: 3 }, want: '{"10":2,"2":3,"b":1}' },
    { name: 'sorts what a non-Date toJSON returns', given: { a: { toJSON: () => ({ z: 1, y: 2 }) } }, want: '{"a":{"y":2,"z":1}}' },
    { name: 'unboxes boxed primitives', given: [Object(1), Object('0123456789ab'), Object(false)], want: '[1,"0123456789ab",false]' },
    { name: 'sorts keys nested deeper than the fast path goes', given: nest(100, { b: 1, a: 2 }), want: `${'['.repeat(100)}{"a":2,"b":1}${']'.repeat(100)}` },
    { name: 'keeps shared (non-cyclic) references', given: ((shared) => ({ a: shared, b: shared }))({ v: 1 }), want: '{"a":{"v":1},"b":{"v":1}}' },
  ])('$name', ({ given, want }) => {
    expect(canonicalJson(given)).toBe(want);
  });

  it('parses back to what JSON.stringify would give', () => {
    const value = { b: [1, { y: 'x', x: null }], a: true, c: new Date(0) };
    expect(JSON.parse(canonicalJson(value))).toEqual(JSON.parse(JSON.stringify(value)));
  });

  it.each([
    ['undefined', undefined],
    ['a function', () => 1],
    ['a bigint', { n: 1n }],
  ])('rejects %s with VALIDATION_FAILED', (_name, value) => {
    expect(() => canonicalJson(value)).toThrow(expect.objectContaining({ code: 'VALIDATION_FAILED' }));
  });

  it('rejects a cycle deep down with VALIDATION_FAILED', () => {
    const cyclic: Record<string, unknown> = { b: 1, a: 2 };
    cyclic.self = nest(80, cyclic);
    expect(() => canonicalJson(cyclic)).toThrow(expect.objectContaining({ code: 'VALIDATION_FAILED' }));
  });

  it('rejects a cycle with VALIDATION_FAILED', () => {
    const cyclic: Record<string, unknown> = {};
    cyclic.self = cyclic;
    expect(() => canonicalJson(cyclic)).toThrow(expect.objectContaining({ code: 'VALIDATION_FAILED' }));
  });
});
