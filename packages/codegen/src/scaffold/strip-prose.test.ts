import { describe, expect, it } from 'vitest';
import type { JsonObject } from '../model.js';
import { stripProse } from './strip-prose.js';

const PROSE = 'Upstream prose that must not reach generated code.';

const document = (): JsonObject => ({
  openapi: '3.0.3',
  info: { title: 'Shop', description: PROSE, version: '1.0', 'x-logo': { url: 'https://logo.test' } },
  externalDocs: { url: 'https://docs.test' },
  tags: [{ name: 'orders', description: PROSE }],
  servers: [{ url: 'https://{region}.shop.test', description: PROSE, variables: { region: { default: 'eu', description: PROSE } } }],
  'x-vendor': true,
  paths: {
    // A path literally named like a prose keyword is a name, not a keyword.
    '/description': {
      summary: PROSE,
      get: {
        summary: PROSE,
        description: PROSE,
        operationId: 'getDescription',
        'x-codegen': 'drop me',
        parameters: [{ name: 'title', in: 'query', description: PROSE, example: 'sample', schema: { type: 'string', title: 'T' } }],
        responses: {
          '200': {
            description: PROSE,
            headers: { description: { description: PROSE, schema: { type: 'string' } } },
            content: { 'application/json': { examples: { one: { value: { title: 'x' } } }, schema: { $ref: '#/components/schemas/Note' } } },
          },
        },
      },
    },
  },
  components: {
    schemas: {
      // Component names that are prose keywords survive.
      title: { type: 'string', description: PROSE },
      Note: {
        type: 'object',
        title: 'Note',
        description: PROSE,
        example: { description: 'sample' },
        'x-stripeResource': { class_name: 'Note' },
        required: ['description', 'summary'],
        properties: {
          description: { type: 'string', nullable: true, description: PROSE, maxLength: 5000 },
          summary: { $ref: '#/components/schemas/title' },
          title: { type: 'object', description: PROSE, properties: { example: { type: 'integer', description: PROSE } } },
          examples: { type: 'array', items: { type: 'string', description: PROSE } },
          'x-rate': { type: 'number' },
          kind: { type: 'string', enum: ['description', 'title'], default: 'title' },
          meta: { type: 'object', default: { description: 'kept: default values are data' }, additionalProperties: { type: 'string', description: PROSE } },
        },
        patternProperties: { '^x-': { type: 'string', description: PROSE } },
      },
    },
    examples: { sample: { value: { description: PROSE } } },
    securitySchemes: {
      oauth: {
        type: 'oauth2',
        description: PROSE,
        flows: { clientCredentials: { tokenUrl: 'https://shop.test/token', scopes: { 'read:orders': PROSE } } },
      },
    },
  },
});

describe('stripProse', () => {
  const stripped = stripProse(document());

  it('removes every prose keyword and extension from the whole document', () => {
    const text = JSON.stringify(stripped);
    expect(text).not.toContain(PROSE);
    expect(text).not.toContain('"x-vendor"');
    expect(text).not.toContain('"x-codegen"');
    expect(text).not.toContain('x-stripeResource');
    expect(text).not.toContain('externalDocs');
    expect(text).not.toContain('sample');
  });

  it('keeps a property literally named description, without its own description', () => {
    const note = (stripped.components as JsonObject).schemas as Record<string, JsonObject>;
    expect(note.Note?.properties).toEqual({
      description: { type: 'string', nullable: true, maxLength: 5000 },
      summary: { $ref: '#/components/schemas/title' },
      title: { type: 'object', properties: { example: { type: 'integer' } } },
      examples: { type: 'array', items: { type: 'string' } },
      'x-rate': { type: 'number' },
      kind: { type: 'string', enum: ['description', 'title'], default: 'title' },
      meta: { type: 'object', default: { description: 'kept: default values are data' }, additionalProperties: { type: 'string' } },
    });
    expect(note.Note?.required).toEqual(['description', 'summary']);
    expect(note.Note?.patternProperties).toEqual({ '^x-': { type: 'string' } });
  });

  it('keeps names in paths, responses, headers, components and server variables', () => {
    expect(Object.keys(stripped.paths as JsonObject)).toEqual(['/description']);
    const get = ((stripped.paths as Record<string, JsonObject>)['/description'] as JsonObject).get as JsonObject;
    expect(get.parameters).toEqual([{ name: 'title', in: 'query', schema: { type: 'string' } }]);
    expect(get.responses).toEqual({
      '200': {
        headers: { description: { schema: { type: 'string' } } },
        content: { 'application/json': { schema: { $ref: '#/components/schemas/Note' } } },
      },
    });
    expect(Object.keys((stripped.components as Record<string, JsonObject>).schemas ?? {})).toEqual(['title', 'Note']);
    expect(stripped.servers).toEqual([{ url: 'https://{region}.shop.test', variables: { region: { default: 'eu' } } }]);
    expect(stripped.info).toEqual({ version: '1.0' });
  });

  it('keeps OAuth scope names and drops their explanations', () => {
    const scheme = ((stripped.components as JsonObject).securitySchemes as Record<string, JsonObject>).oauth;
    expect(scheme).toEqual({ type: 'oauth2', flows: { clientCredentials: { tokenUrl: 'https://shop.test/token', scopes: { 'read:orders': '' } } } });
  });

  it('leaves the input untouched', () => {
    const input = document();
    stripProse(input);
    expect(input).toEqual(document());
  });
});
