import { describe, expect, it } from 'vitest';
import { builtinTypeScript } from './builtin-types.js';

describe('builtinTypeScript', () => {
  it.each([
    ['long', 'string'],
    ['unsignedLong', 'string'],
    ['integer', 'string'],
    ['decimal', 'string'],
    ['nonNegativeInteger', 'string'],
    ['int', 'number'],
    ['double', 'number'],
    ['boolean', 'boolean'],
    ['dateTime', 'string'],
    ['base64Binary', 'string'],
    ['anyType', 'unknown'],
    ['NMTOKENS', 'string[]'],
    ['notAType', undefined],
  ])('%s -> %s', (given, want) => {
    expect(builtinTypeScript(given)).toBe(want);
  });
});
