import { describe, expect, it } from 'vitest';
import { parseCommandArgs } from './parse-command-args.js';
import { parseInteger } from './parse-integer.js';

describe('parseCommandArgs', () => {
  it('parses the common and the command\u2019s options, and positionals', () => {
    const { values, positionals } = parseCommandArgs('sync', ['c1', '--entity', 'a', '--entity', 'b', '-v', '--config', 'x.ts'], { entity: { type: 'string', multiple: true } });
    expect(values).toMatchObject({ entity: ['a', 'b'], verbose: true, config: 'x.ts' });
    expect(positionals).toEqual(['c1']);
  });

  it('turns an unknown option into a CONFIG_INVALID pointing at the help', () => {
    expect(() => parseCommandArgs('status', ['--bogus'], {})).toThrow("Unknown option '--bogus': see `portage status --help`");
  });
});

describe('parseInteger', () => {
  const bounds = { min: 1, max: 10, fallback: 5 };
  it.each([
    [undefined, 5],
    ['7', 7],
  ])('given %s, gives %s', (given, want) => {
    expect(parseInteger('status', '--runs', given, bounds)).toBe(want);
  });

  it.each(['0', '11', '2.5', 'x', '-1'])('rejects %s', (given) => {
    expect(() => parseInteger('status', '--runs', given, bounds)).toThrow(`--runs must be a whole number from 1 to 10, got "${given}"`);
  });
});
