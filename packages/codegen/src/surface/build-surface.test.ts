import { describe, expect, it } from 'vitest';
import type { LoadedSpec, OpenApiDocument, SurfaceField } from '../model.js';
import { createSpecRefs } from '../openapi/spec-refs.js';
import { validateDocument } from '../openapi/validate-document.js';
import { buildSurface } from './build-surface.js';
import { MAX_FIELD_DEPTH } from './flatten-schema.js';
import { structureDigest } from './structure-digest.js';
import { surfaceJson } from './surface-json.js';

const inline = (member: unknown) => `#${structureDigest(member)}`;

function loaded(document: Record<string, unknown>, format = 'openapi-3.0'): LoadedSpec {
  const doc = { openapi: '3.0.3', info: { version: '1' }, paths: {}, ...document } as OpenApiDocument;
  validateDocument(doc);
  return { document: doc, refs: createSpecRefs(doc), lock: { source: 'test', version: '1', sha256: '0'.repeat(64), format }, bytes: new Uint8Array() };
}
const schemaOf = (schema: unknown, others: Record<string, unknown> = {}) =>
  buildSurface('acme', loaded({ components: { schemas: { Root: schema, ...others } } })).schemas.Root ?? [];
const field = (path: string, type: SurfaceField['type'], extra: Partial<SurfaceField> = {}): SurfaceField => ({ path, type, required: false, nullable: false, ...extra });
const json = (schema: unknown) => ({ content: { 'application/json': { schema } } });

describe('buildSurface operations', () => {
  const spec = loaded({
    security: [{ apiKey: [] }],
    paths: {
      'x-internal': { get: {} },
      '/orders/{id}': {
        parameters: [{ in: 'path', name: 'id', schema: { type: 'string' } }, { in: 'query', name: 'expand', schema: { type: 'array' } }],
        get: { operationId: 'getOrder', parameters: [{ in: 'query', name: 'expand', required: true, schema: { type: 'string' } }], responses: {} },
        delete: { security: [], responses: { 204: { description: 'gone' } } },
      },
      '/orders': {
        post: {
          security: [{ oauth: ['write'] }, { apiKey: [] }],
          requestBody: { required: true, content: { 'application/xml': {}, 'application/vnd.acme+json': { schema: { $ref: '#/components/schemas/Order' } } } },
          responses: { 201: json({ $ref: '#/components/schemas/Order' }), 400: json({ type: 'object', properties: { error: { type: 'string' } } }) },
        },
        get: {
          parameters: [
            { $ref: '#/components/parameters/Limit' },
            { in: 'query', name: 'status', schema: { type: 'string', enum: ['paid', 'open'] } },
            { in: 'header', name: 'If-Modified-Since', schema: { type: 'string', format: 'http-date' } },
          ],
          responses: { 200: { content: { '*/*': { schema: { type: 'array', items: { $ref: '#/components/schemas/Order' } } } } }, default: { content: { 'text/plain': {} } } },
        },
        put: { requestBody: { content: { 'application/x-www-form-urlencoded': { schema: { type: 'object' } } } }, responses: {} },
      },
    },
    components: {
      parameters: { Limit: { in: 'query', name: 'limit', schema: { type: 'integer', format: 'int32' } } },
      schemas: { Order: { type: 'object', properties: { id: { type: 'string' } } } },
    },
  });
  const surface = buildSurface('acme', spec);
  const op = (key: string) => surface.operations.find((o) => o.key === key);

  it('lists every operation, sorted by path then method, skipping extensions', () => {
    expect(surface.operations.map((o) => o.key)).toEqual(['GET /orders', 'POST /orders', 'PUT /orders', 'DELETE /orders/{id}', 'GET /orders/{id}']);
    expect(op('GET /orders/{id}')).toMatchObject({ method: 'GET', path: '/orders/{id}', operationId: 'getOrder' });
  });

  it('merges path-level parameters, the operation winning by in + name, and resolves refs', () => {
    expect(op('GET /orders/{id}')?.parameters).toEqual([
      { in: 'path', name: 'id', required: true, type: 'string' },
      { in: 'query', name: 'expand', required: true, type: 'string' },
    ]);
    expect(op('DELETE /orders/{id}')?.parameters.map((p) => `${p.in}:${p.name}:${String(p.type)}`)).toEqual(['path:id:string', 'query:expand:array']);
    expect(op('GET /orders')?.parameters).toEqual([
      { in: 'header', name: 'If-Modified-Since', required: false, type: 'string', format: 'http-date' },
      { in: 'query', name: 'limit', required: false, type: 'integer', format: 'int32' },
      { in: 'query', name: 'status', required: false, type: 'string', enum: ['open', 'paid'] },
    ]);
  });

  it('describes bodies by component name or inline fields, JSON first, listing every media type', () => {
    expect(op('POST /orders')?.requestBody).toEqual({
      required: true,
      contentType: 'application/vnd.acme+json',
      contentTypes: ['application/vnd.acme+json', 'application/xml'],
      schema: 'Order',
    });
    expect(op('PUT /orders')?.requestBody).toEqual({ required: false, contentType: 'application/x-www-form-urlencoded', schema: [] });
    expect(op('POST /orders')?.responses).toEqual({
      201: { contentType: 'application/json', schema: 'Order' },
      400: { contentType: 'application/json', schema: [field('error', 'string')] },
    });
    expect(op('GET /orders')?.responses).toEqual({
      200: { contentType: '*/*', schema: [field('', 'array', { required: true }), field('[]', 'object', { required: true, ref: 'Order' })] },
      default: { contentTypes: ['text/plain'] },
    });
    expect(op('DELETE /orders/{id}')?.responses).toEqual({ 204: {} });
  });

  it('names the security schemes, the operation overriding the document', () => {
    expect(op('POST /orders')?.security).toEqual(['apiKey', 'oauth']);
    expect(op('GET /orders')?.security).toEqual(['apiKey']);
    expect(op('DELETE /orders/{id}')?.security).toEqual([]);
  });

  it('carries the platform and the format read', () => {
    expect(surface).toMatchObject({ surfaceVersion: 1, platform: 'acme', format: 'openapi-3.0' });
  });
});

describe('buildSurface schemas', () => {
  it.each<[string, unknown, SurfaceField[]]>([
    [
      'required and nullable fields (3.0 nullable, 3.1 type lists)',
      { type: 'object', required: ['id'], properties: { id: { type: 'string' }, note: { type: 'string', nullable: true }, due: { type: ['string', 'null'], format: 'date' } } },
      [field('due', 'string', { format: 'date', nullable: true }), field('id', 'string', { required: true }), field('note', 'string', { nullable: true })],
    ],
    [
      'array items as path[], a ref recorded and not expanded',
      { properties: { lines: { type: 'array', items: { $ref: '#/components/schemas/Line' } }, tags: { type: 'array', items: { type: 'string' } } } },
      [field('lines', 'array'), field('lines[]', 'object', { required: true, ref: 'Line' }), field('tags', 'array'), field('tags[]', 'string', { required: true })],
    ],
    [
      'inline nested objects, expanded',
      { properties: { address: { type: 'object', required: ['city'], properties: { city: { type: 'string' }, geo: { properties: { lat: { type: 'number' } } } } } } },
      [field('address', 'object'), field('address.city', 'string', { required: true }), field('address.geo', 'object'), field('address.geo.lat', 'number')],
    ],
    [
      'allOf merged, a root ref member included',
      { allOf: [{ $ref: '#/components/schemas/Line' }, { type: 'object', required: ['sku'], properties: { sku: { type: 'string' } } }] },
      [field('', 'object', { required: true, constraints: { allOf: [inline({ type: 'object', required: ['sku'], properties: { sku: { type: 'string' } } }), 'Line'].sort() } }), field('amount', 'integer', { required: true }), field('sku', 'string', { required: true })],
    ],
    [
      'oneOf as a union of fields, none required',
      { oneOf: [{ type: 'object', required: ['card'], properties: { card: { type: 'string' } } }, { type: 'object', required: ['iban'], properties: { iban: { type: 'string' } } }] },
      [field('', 'object', { required: true, constraints: {
            oneOf: [
              inline({ type: 'object', required: ['card'], properties: { card: { type: 'string' } } }),
              inline({ type: 'object', required: ['iban'], properties: { iban: { type: 'string' } } }),
            ].sort(),
          }, }), field('card', 'string'), field('iban', 'string')],
    ],
    [
      'a nested anyOf of refs as a ref union, nullable through a null member',
      { properties: { customer: { anyOf: [{ type: 'string' }, { $ref: '#/components/schemas/Line' }, { $ref: '#/components/schemas/Customer' }, { type: 'null' }] } } },
      [field('customer', ['object', 'string'], { nullable: true, ref: 'Customer|Line', constraints: { anyOf: [inline({ type: 'string' }), inline({ type: 'null' }), 'Customer', 'Line'].sort() } })],
    ],
    [
      'a map as path.*',
      { properties: { metadata: { type: 'object', additionalProperties: { type: 'string' } } } },
      [field('metadata', 'object'), field('metadata.*', 'string')],
    ],
    ['an enum root as the "" field', { type: 'string', enum: ['b', 'a', null], nullable: true }, [field('', 'string', { required: true, nullable: true, enum: [null, 'a', 'b'] })]],
    ['an alias of another component', { $ref: '#/components/schemas/Line' }, [field('', 'object', { required: true, ref: 'Line' })]],
    [
      'validation keywords and deprecation marks, prose left out',
      {
        type: 'object',
        properties: {
          code: { type: 'string', minLength: 2, maxLength: 8, pattern: '^[A-Z]+$', default: 'EUR', description: 'words', 'x-extensible-enum': ['EUR', 'USD'] },
          qty: { type: 'integer', minimum: 1, exclusiveMaximum: 100, readOnly: true, deprecated: true, 'x-sunset': '2030-01-01' },
        },
      },
      [
        field('code', 'string', { constraints: { minLength: 2, maxLength: 8, pattern: '^[A-Z]+$', default: 'EUR', extensibleEnum: ['EUR', 'USD'] } }),
        field('qty', 'integer', { constraints: { minimum: 1, exclusiveMaximum: 100, readOnly: true }, lifecycle: { deprecated: true, sunset: '2030-01-01' } }),
      ],
    ],
    [
      'keywords a field list cannot show, as digests that ignore prose',
      { type: 'object', additionalProperties: false, dependentRequired: { a: ['b'] }, properties: { tags: { type: 'array', contains: { type: 'string', description: 'x' }, minContains: 1 } } },
      [
        field('', 'object', { required: true, constraints: { dependentRequired: { a: ['b'] }, keywords: { additionalProperties: structureDigest(false) } } }),
        field('tags', 'array', { constraints: { minContains: 1, keywords: { contains: structureDigest({ type: 'string' }) } } }),
      ],
    ],
  ])('flattens %s', (_label, schema, want) => {
    const others = { Line: { type: 'object', required: ['amount'], properties: { amount: { type: 'integer' } } }, Customer: { type: 'object' } };
    expect(schemaOf(schema, others)).toEqual(want);
  });

  it(`cuts inline nesting at depth ${MAX_FIELD_DEPTH}`, () => {
    let schema: Record<string, unknown> = { type: 'string' };
    for (let i = 0; i < MAX_FIELD_DEPTH + 3; i += 1) schema = { type: 'object', properties: { a: schema } };
    const paths = schemaOf(schema).map((f) => f.path);
    expect(paths.at(-1)).toBe(Array(MAX_FIELD_DEPTH).fill('a').join('.'));
    expect(paths).toHaveLength(MAX_FIELD_DEPTH);
  });

  it('surfaces recursive schemas without hanging', () => {
    const surface = buildSurface(
      'acme',
      loaded({
        components: {
          schemas: {
            Node: { type: 'object', properties: { parent: { $ref: '#/components/schemas/Node' }, children: { type: 'array', items: { $ref: '#/components/schemas/Node' } } } },
            Loop: { allOf: [{ $ref: '#/components/schemas/Loop' }, { properties: { next: { $ref: '#/components/schemas/Loop' } } }] },
            Ping: { oneOf: [{ $ref: '#/components/schemas/Pong' }] },
            Pong: { anyOf: [{ $ref: '#/components/schemas/Ping' }], properties: { n: { type: 'integer' } } },
          },
        },
      }),
    );
    expect(surface.schemas.Node).toEqual([field('children', 'array'), field('children[]', 'object', { required: true, ref: 'Node' }), field('parent', 'object', { ref: 'Node' })]);
    expect(surface.schemas.Loop).toEqual([field('', 'object', { required: true, constraints: { allOf: [inline({ properties: { next: { $ref: '#/components/schemas/Loop' } } }), 'Loop'].sort() } }), field('next', 'object', { ref: 'Loop' })]);
    expect(surface.schemas.Ping).toEqual([field('', 'object', { required: true, constraints: { oneOf: ['Pong'] } }), field('n', 'integer')]);
  });
});

describe('surface.json', () => {
  const prose = 'PROSE-MARKER';
  const document = {
    info: { version: '1', title: prose, description: prose },
    tags: [{ name: 'orders', description: prose }],
    externalDocs: { url: 'https://docs.test', description: prose },
    paths: {
      '/orders': {
        summary: prose,
        description: prose,
        get: {
          summary: prose,
          description: prose,
          externalDocs: { url: 'https://docs.test', description: prose },
          'x-code-samples': [{ source: prose }],
          parameters: [{ in: 'query', name: 'limit', description: prose, example: 10, schema: { type: 'integer', title: prose, description: prose } }],
          responses: { 200: { description: prose, content: { 'application/json': { example: { p: prose }, examples: { a: { summary: prose, value: prose } }, schema: { $ref: '#/components/schemas/Order' } } } } },
        },
      },
    },
    components: {
      schemas: {
        Order: {
          type: 'object',
          title: prose,
          description: prose,
          example: { id: prose },
          'x-stripeResource': { note: prose },
          properties: {
            id: { type: 'string', description: prose, examples: [prose], 'x-expansionResources': prose },
            lines: { type: 'array', description: prose, items: { type: 'object', description: prose, properties: { qty: { type: 'integer', description: prose } } } },
          },
        },
      },
    },
  };

  it('has no prose', () => {
    const text = surfaceJson(buildSurface('acme', loaded(document)));
    expect(text).not.toContain(prose);
    expect(text).not.toMatch(/"(description|summary|title|example|examples|externalDocs|x-[\w-]+)":/);
    expect(text).toContain('"lines[].qty"');
  });

  it('gives the same bytes for the same spec, and for the spec with its keys in another order', () => {
    const reorder = (value: unknown): unknown => {
      if (Array.isArray(value)) return value.map(reorder);
      if (value === null || typeof value !== 'object') return value;
      return Object.fromEntries(Object.entries(value).reverse().map(([k, v]) => [k, reorder(v)]));
    };
    const first = surfaceJson(buildSurface('acme', loaded(document)));
    expect(surfaceJson(buildSurface('acme', loaded(document)))).toBe(first);
    expect(surfaceJson(buildSurface('acme', loaded(reorder(document) as Record<string, unknown>)))).toBe(first);
    expect(first.endsWith('}\n')).toBe(true);
  });

  it('writes fields in the model order, whatever order they were built in', () => {
    const surface = buildSurface('acme', loaded(document));
    const order = surface.schemas.Order![0]!;
    const scrambled = { ...surface, schemas: { Order: [{ ref: order.ref, nullable: order.nullable, required: order.required, type: order.type, path: order.path }] } };
    expect(surfaceJson(scrambled)).toContain(`\n      {"path":"id","type":"string","required":false,"nullable":false}`);
  });
});
