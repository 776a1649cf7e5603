import { describe, expect, it } from 'vitest';
import type { OpenApiDocument } from '../model.js';
import { validateDocument } from './validate-document.js';

const doc = (extra: Record<string, unknown>): OpenApiDocument => ({ openapi: '3.0.3', info: { version: '1' }, paths: {}, ...extra }) as OpenApiDocument;
const okResponse = { 200: { description: 'ok', content: { 'application/json': { schema: { $ref: '#/components/schemas/Pet' } } } } };
const pet = { type: 'object', properties: { id: { type: 'string' } } };

describe('validateDocument', () => {
  it.each([
    ['resolvable refs', doc({ paths: { '/pets': { get: { responses: okResponse } } }, components: { schemas: { Pet: pet } } })],
    [
      'a recursive schema',
      doc({ components: { schemas: { Node: { type: 'object', properties: { children: { type: 'array', items: { $ref: '#/components/schemas/Node' } } } } } } }),
    ],
    ['a $ref-shaped example value', doc({ components: { schemas: { Pet: { ...pet, example: { $ref: 'not/a/ref' } } } } })],
    ['a $ref-shaped example in an examples map', doc({ components: { examples: { one: { value: { $ref: 'nowhere' } } } } })],
    ['a property named "$ref" or "example"', doc({ components: { schemas: { Odd: { properties: { $ref: { type: 'string' }, example: { type: 'string' } } } } } })],
    ['an extension holding anything', doc({ 'x-tooling': { $ref: 'https://elsewhere.test/x.json' } })],
    ['a ref to a ref to a schema', doc({ components: { schemas: { Pet: pet, Alias: { $ref: '#/components/schemas/Pet' }, Use: { $ref: '#/components/schemas/Alias' } } } })],
  ])('accepts %s', (_label, document) => {
    expect(() => validateDocument(document)).not.toThrow();
  });

  it.each([
    ['paths that are not an object', doc({ paths: [] }), '"paths" must be an object', '#/paths'],
    ['an operation that is not an object', doc({ paths: { '/a': { get: 'list' } } }), 'GET /a must be an object', '#/paths/~1a/get'],
    ['parameters that are not a list', doc({ paths: { '/a': { parameters: { name: 'x' } } } }), 'must be a list', '#/paths/~1a/parameters'],
    [
      'a ref to a missing schema',
      doc({ paths: { '/pets': { get: { responses: okResponse } } } }),
      '$ref "#/components/schemas/Pet" points at nothing',
      '#/paths/~1pets/get/responses/200/content/application~1json/schema',
    ],
    [
      'a ref chain that ends nowhere',
      doc({ paths: { '/a': { parameters: [{ $ref: '#/components/parameters/A' }] } }, components: { parameters: { A: { $ref: '#/components/parameters/B' } } } }),
      '$ref "#/components/parameters/B" (reached through #/components/parameters/A) points at nothing',
      '#/paths/~1a/parameters/0',
    ],
    [
      'a ref chain that loops',
      doc({ components: { schemas: { A: { $ref: '#/components/schemas/B' }, B: { $ref: '#/components/schemas/A' } } } }),
      '#/components/schemas/B -> #/components/schemas/A -> #/components/schemas/B loops',
      '#/components/schemas/A',
    ],
    ['a schema that is only a ref to itself', doc({ components: { schemas: { A: { $ref: '#/components/schemas/A' } } } }), 'loops', '#/components/schemas/A'],
    [
      'an external ref',
      doc({ paths: { '/a': { get: { parameters: [{ $ref: 'common.yaml#/Limit' }] } } } }),
      'points outside the document',
      '#/paths/~1a/get/parameters/0',
    ],
    ['a non-pointer ref', doc({ components: { schemas: { A: { $ref: '#anchor' } } } }), 'not a JSON pointer', '#/components/schemas/A'],
    ['a $ref that is not a string', doc({ components: { schemas: { A: { $ref: 42 } } } }), '"$ref" must be a string', '#/components/schemas/A'],
  ])('rejects %s, naming the pointer', (_label, document, message, pointer) => {
    expect(() => validateDocument(document)).toThrow(expect.objectContaining({ name: 'SpecError', pointer, message: expect.stringContaining(message) }));
  });

  it('reports the first broken ref in document order', () => {
    const document = doc({
      paths: { '/a': { get: { responses: { 200: { $ref: '#/components/responses/First' } } } } },
      components: { schemas: { Later: { $ref: '#/components/schemas/Second' } } },
    });
    expect(() => validateDocument(document)).toThrow(expect.objectContaining({ pointer: '#/paths/~1a/get/responses/200' }));
  });
});
