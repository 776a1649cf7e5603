import { describe, expect, it } from 'vitest';
import { parseSpecText } from './parse-spec-text.js';

const bytes = (text: string) => new TextEncoder().encode(text);

describe('parseSpecText', () => {
  it.each([
    ['JSON', '{"openapi": "3.0.3", "paths": {}}', { openapi: '3.0.3', paths: {} }],
    ['JSON after a BOM and blank lines', '\uFEFF\n  {"openapi": "3.1.0"}', { openapi: '3.1.0' }],
    ['YAML', 'openapi: 3.0.3\npaths:\n  /a:\n    get: {}\n', { openapi: '3.0.3', paths: { '/a': { get: {} } } }],
  ])('parses %s', (_label, text, want) => {
    expect(parseSpecText(bytes(text), 'spec')).toEqual(want);
  });

  it.each([
    ['JSON', '{\n  "openapi": "3.0.3",\n  paths: {}\n}', /not valid JSON at line 3, column 3/],
    ['YAML', 'openapi: 3.0.3\npaths:\n  /a: [1, 2\n  /b: {}\n', /not valid YAML or JSON at line \d+, column \d+/],
    ['YAML with two documents', 'openapi: 3.0.3\n---\nopenapi: 3.1.0\n', /at line 2, column 1: Source contains multiple documents/],
  ])('names the line and column of invalid %s', (_label, text, message) => {
    expect(() => parseSpecText(bytes(text), 'acme.json')).toThrow(message);
  });

  it('rejects bytes that are not UTF-8', () => {
    expect(() => parseSpecText(new Uint8Array([0x7b, 0xff, 0xfe, 0x7d]), 'acme.json')).toThrow(/not UTF-8/);
  });
});
