import { describe, expect, it } from 'vitest';
import type { JsonObject } from '@portage/codegen';
import { toJsonSchema, type TranslateContext } from './to-json-schema.js';

const components: Record<string, unknown> = { Id: { type: 'string', readOnly: true }, Secret: { type: 'string', writeOnly: true } };

function context(overrides: Partial<TranslateContext> = {}): TranslateContext & { formats: string[] } {
  const formats: string[] = [];
  return {
    direction: 'response',
    refSiblings: false,
    refUri: (ref: JsonObject) => `uri:${String(ref.$ref).split('/').pop()}`,
    resolve: (node: unknown) => {
      const ref = (node as JsonObject).$ref;
      return typeof ref === 'string' ? components[ref.split('/').pop() as string] : node;
    },
    onFormat: (name) => formats.push(name),
    formats,
    ...overrides,
  };
}

describe('toJsonSchema', () => {
  it('turns nullable into a null type and a null enum member', () => {
    expect(toJsonSchema({ type: 'string', enum: ['a'], nullable: true }, context())).toEqual({ type: ['string', 'null'], enum: ['a', null] });
    expect(toJsonSchema({ type: 'string', nullable: false }, context())).toEqual({ type: 'string' });
  });

  it('wraps a nullable composition in anyOf with null, since its branches would still reject null', () => {
    expect(toJsonSchema({ allOf: [{ $ref: '#/components/schemas/Id' }], nullable: true }, context())).toEqual({
      anyOf: [{ type: 'null' }, { allOf: [{ $ref: 'uri:Id' }] }],
    });
  });

  it('turns boolean exclusive bounds (OpenAPI 3.0) into numeric ones', () => {
    expect(toJsonSchema({ type: 'number', minimum: 0, exclusiveMinimum: true, maximum: 9, exclusiveMaximum: false }, context())).toEqual({
      type: 'number',
      exclusiveMinimum: 0,
      maximum: 9,
    });
  });

  it('drops what Ajv cannot compile or OpenAPI only annotates: unknown types, unreadable regexes, prose', () => {
    expect(
      toJsonSchema({ type: 'file', pattern: '(?<x', description: 'text', example: 1, discriminator: { propertyName: 'k' }, 'x-extra': true }, context()),
    ).toEqual({});
    expect(toJsonSchema({ type: 'object', patternProperties: { '^a$': { type: 'string' }, '(': { type: 'string' } } }, context())).toEqual({
      type: 'object',
      patternProperties: { '^a$': { type: 'string' } },
    });
  });

  it('ignores $ref siblings in 3.0 and keeps them in 3.1', () => {
    const node = { $ref: '#/components/schemas/Id', description: 'x', maxLength: 3 };
    expect(toJsonSchema(node, context())).toEqual({ $ref: 'uri:Id' });
    expect(toJsonSchema(node, context({ refSiblings: true }))).toEqual({ allOf: [{ $ref: 'uri:Id' }], maxLength: 3 });
  });

  it('translates nested schemas everywhere a schema can sit', () => {
    const nullable = { type: 'integer', nullable: true };
    const out = toJsonSchema(
      { type: 'object', properties: { a: nullable }, additionalProperties: nullable, items: [nullable], anyOf: [nullable], not: nullable },
      context(),
    );
    const translated = { type: ['integer', 'null'] };
    expect(out).toEqual({ type: 'object', properties: { a: translated }, additionalProperties: translated, items: [translated], anyOf: [translated], not: translated });
  });

  it('does not require readOnly properties of a request, nor writeOnly ones of a response', () => {
    const node = {
      type: 'object',
      required: ['id', 'secret', 'name'],
      properties: { id: { $ref: '#/components/schemas/Id' }, secret: { $ref: '#/components/schemas/Secret' }, name: { type: 'string' } },
    };
    expect(toJsonSchema(node, context({ direction: 'request' }))).toMatchObject({ required: ['secret', 'name'] });
    expect(toJsonSchema(node, context({ direction: 'response' }))).toMatchObject({ required: ['id', 'name'] });
  });

  it('reports formats and leaves the input untouched', () => {
    const node = { type: 'string', format: 'unix-time', nullable: true };
    const ctx = context();
    toJsonSchema(node, ctx);
    expect(ctx.formats).toEqual(['unix-time']);
    expect(node).toEqual({ type: 'string', format: 'unix-time', nullable: true });
  });
});
