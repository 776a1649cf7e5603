import { createSpecRefs, type OpenApiDocument } from '@portage/codegen';
import { describe, expect, it } from 'vitest';
import { startSpecServer } from '../src/index.js';

const document = {
  openapi: '3.1.0',
  info: { title: 'Notes', version: '1' },
  servers: [{ url: 'http://localhost/api' }],
  paths: {
    '/notes': {
      get: {
        parameters: [{ name: 'tags', in: 'query', style: 'pipeDelimited', explode: false, schema: { type: 'array', items: { enum: ['a', 'b'] } } }],
        responses: {
          '200': {
            description: 'ok',
            content: {
              'application/json': {
                schema: { type: 'array', prefixItems: [{ $ref: '#/components/schemas/Note', description: 'first', required: ['pinned'] }], items: { $ref: '#/components/schemas/Note' } },
              },
            },
          },
        },
      },
    },
  },
  components: {
    schemas: {
      Note: { type: 'object', required: ['text'], properties: { text: { type: ['string', 'null'] }, kind: { const: 'note' }, pinned: { type: 'boolean' } } },
    },
  },
} satisfies OpenApiDocument;

describe('startSpecServer on an OpenAPI 3.1 document', () => {
  it('validates with JSON Schema 2020-12: type lists, const, prefixItems and $ref siblings', async () => {
    let body: unknown = [{ text: null, kind: 'note', pinned: true }, { text: 'x' }];
    const server = await startSpecServer({
      document: document as OpenApiDocument,
      refs: createSpecRefs(document),
      handlers: { 'GET /notes': () => ({ status: 200, body }) },
    });
    try {
      expect(server.url.endsWith('/api')).toBe(true);
      await fetch(`${server.url}/notes?tags=a|b`);
      expect(server.violations).toEqual([]);

      body = [{ text: 3, kind: 'memo' }];
      await fetch(`${server.url}/notes?tags=a|c`);
      expect(server.violations.map((violation) => violation.message)).toEqual([
        'query parameter tags[1]: must be one of "a", "b"; got "c"',
        'response body [0].text: must be string or null; got 3',
        'response body [0].kind: must be "note"; got "memo"',
        'response body [0]: missing required property pinned',
      ]);
    } finally {
      await server.close();
    }
  });
});
