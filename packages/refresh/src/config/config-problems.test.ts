import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { configInvalid, joinFieldPath, zodProblems } from './config-problems.js';

describe('joinFieldPath', () => {
  it.each<[Array<string | number>, string]>([
    [[], '(root)'],
    [['entities', 1, 'window'], 'entities.1.window'],
  ])('%j -> %s', (path, want) => {
    expect(joinFieldPath(path)).toBe(want);
  });
});

describe('zodProblems', () => {
  const schema = z.strictObject({
    a: z.strictObject({ window: z.string(), pageSize: z.number().optional() }),
    b: z.union([z.literal(false), z.strictObject({ every: z.string() })], { error: 'write { every } or false' }).optional(),
  });
  const allowed = (path: readonly PropertyKey[]): string[] => (path.length === 0 ? ['a', 'b'] : path[0] === 'a' ? ['window', 'pageSize'] : ['every']);

  it.each<[string, unknown, Array<{ path: string; reason: RegExp }>]>([
    ['an unknown key, with a guess', { a: { windw: 'x', window: 'y' } }, [{ path: 'a.windw', reason: /did you mean "window"/ }]],
    ['an unknown key, no guess', { a: { window: 'y' }, zzz: 1 }, [{ path: 'zzz', reason: /allowed here: a, b/ }]],
    ['a wrong type', { a: { window: 1 } }, [{ path: 'a.window', reason: /expected string/ }]],
    ['a union of the wrong kind', { a: { window: 'y' }, b: true }, [{ path: 'b', reason: /write \{ every \} or false/ }]],
    ['a union branch failing inside', { a: { window: 'y' }, b: { every: 3 } }, [{ path: 'b.every', reason: /expected string/ }]],
  ])('%s', (_label, input, want) => {
    const result = schema.safeParse(input);
    expect(result.success).toBe(false);
    const problems = result.success ? [] : zodProblems(result.error, allowed);
    expect(problems).toEqual(want.map(({ path, reason }) => ({ path, reason: expect.stringMatching(reason) })));
  });
});

describe('configInvalid', () => {
  it('carries the first path, all problems and their positions, sorted by line', () => {
    const lines: Record<string, number> = { 'x.b': 7, 'x.a': 3 };
    const error = configInvalid('thing', [{ path: 'x.b', reason: 'bad b' }, { path: 'x.a', reason: 'bad a' }], {
      source: 'f.yaml',
      locate: (path) => ({ line: lines[path.join('.')] ?? 0, column: 1 }),
      label: (path) => (path.startsWith('x.') ? 'ex' : undefined),
    });
    expect(error.code).toBe('CONFIG_INVALID');
    expect(error.context).toMatchObject({ fieldPath: 'x.a', source: 'f.yaml', line: 3, column: 1 });
    expect(error.context.problems).toEqual([
      { path: 'x.a', reason: 'bad a', line: 3, column: 1 },
      { path: 'x.b', reason: 'bad b', line: 7, column: 1 },
    ]);
    expect(error.message).toContain('x.a [ex] (line 3, column 1): bad a');
  });

  it('keeps the given order without positions', () => {
    const error = configInvalid('thing', [{ path: 'b', reason: '1' }, { path: 'a', reason: '2' }]);
    expect(error.context.fieldPath).toBe('b');
  });
});
