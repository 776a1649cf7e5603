import { describe, expect, it } from 'vitest';
import type { Surface, SurfaceField, SurfaceOperation, SurfaceParameter } from '../model.js';
import { diffSurfaces } from './diff-surfaces.js';
import { driftReport } from './drift-report.js';

const NOW = new Date('2025-06-01T00:00:00Z');
const f = (path: string, type: SurfaceField['type'], extra: Partial<SurfaceField> = {}): SurfaceField => ({ path, type, required: false, nullable: false, ...extra });
const p = (name: string, extra: Partial<SurfaceParameter> = {}): SurfaceParameter => ({ in: 'query', name, required: false, type: 'string', ...extra });
const op = (extra: Partial<SurfaceOperation> = {}, key = 'GET /orders'): SurfaceOperation => {
  const [method, path] = key.split(' ') as [string, string];
  return { key, method, path, parameters: [], responses: { 200: { contentType: 'application/json', schema: 'Order' } }, ...extra };
};
const surface = (operations: SurfaceOperation[], schemas: Record<string, SurfaceField[]> = {}): Surface => ({ surfaceVersion: 1, platform: 't', format: 'openapi-3.0', operations, schemas });
const order = (...fields: SurfaceField[]) => ({ Order: fields });
const postOrder = (extra: Partial<SurfaceOperation> = {}) => op({ requestBody: { required: true, contentType: 'application/json', schema: 'Order' }, responses: {}, ...extra }, 'POST /orders');
const verdicts = (base: Surface, revision: Surface) => diffSurfaces(base, revision, { now: NOW }).map((c) => `${c.severity === 'breaking' ? 'B' : '-'} ${c.id} ${c.location}`);

describe('diffSurfaces classifies like an API reviewer', () => {
  it.each<[string, Surface, Surface, string[]]>([
    ['no change', surface([op()], order(f('id', 'string'))), surface([op()], order(f('id', 'string'))), []],
    ['an operation removed', surface([op()]), surface([]), ['B operation-removed ']],
    ['an operation added', surface([]), surface([op()]), ['- operation-added ']],
    [
      'a deprecated operation removed after its sunset, and one before it',
      surface([op({ lifecycle: { deprecated: true, sunset: '2024-01-01' } }), op({ lifecycle: { deprecated: true, sunset: '2030-01-01' } }, 'GET /items')]),
      surface([]),
      ['B operation-removed-before-sunset ', '- deprecated-operation-removed '],
    ],
    [
      'a renamed path parameter is the same operation',
      surface([op({ parameters: [p('id', { in: 'path', required: true })] }, 'GET /orders/{id}')]),
      surface([op({ parameters: [p('orderId', { in: 'path', required: true })] }, 'GET /orders/{orderId}')]),
      [],
    ],
    ['a required parameter added', surface([op()]), surface([op({ parameters: [p('v', { required: true })] })]), ['B parameter-added-required query:v']],
    ['an optional parameter added', surface([op()]), surface([op({ parameters: [p('v')] })]), ['- parameter-added query:v']],
    ['a parameter removed (the server ignores it)', surface([op({ parameters: [p('v')] })]), surface([op()]), ['- parameter-removed query:v']],
    ['a parameter enum value removed', surface([op({ parameters: [p('s', { enum: ['a', 'b'] })] })]), surface([op({ parameters: [p('s', { enum: ['a'] })] })]), ['B parameter-enum-value-removed query:s']],
    ['a parameter enum value added', surface([op({ parameters: [p('s', { enum: ['a'] })] })]), surface([op({ parameters: [p('s', { enum: ['a', 'b'] })] })]), ['- parameter-enum-value-added query:s']],
    ['a parameter maxLength decreased', surface([op({ parameters: [p('q', { constraints: { maxLength: 10 } })] })]), surface([op({ parameters: [p('q', { constraints: { maxLength: 5 } })] })]), ['B parameter-max-length-decreased query:q']],
    ['a parameter maxLength declared where none was', surface([op({ parameters: [p('q')] })]), surface([op({ parameters: [p('q', { constraints: { maxLength: 5 } })] })]), []],
    ['a parameter default changed', surface([op({ parameters: [p('n', { constraints: { default: 10 } })] })]), surface([op({ parameters: [p('n', { constraints: { default: 20 } })] })]), ['B parameter-default-changed query:n']],
    ['a parameter type widened integer -> number', surface([op({ parameters: [p('n', { type: 'integer' })] })]), surface([op({ parameters: [p('n', { type: 'number' })] })]), ['- parameter-type-widened query:n']],
    ['a parameter type changed string -> integer', surface([op({ parameters: [p('n')] })]), surface([op({ parameters: [p('n', { type: 'integer' })] })]), ['B parameter-type-changed query:n']],
    ['a required response field removed', surface([op()], order(f('id', 'string', { required: true }))), surface([op()], order()), ['B response-field-removed id']],
    ['an optional response field removed', surface([op()], order(f('note', 'string'))), surface([op()], order()), ['- response-optional-field-removed note']],
    ['a response field became optional', surface([op()], order(f('id', 'string', { required: true }))), surface([op()], order(f('id', 'string'))), ['B response-field-became-optional id']],
    ['a response field became nullable', surface([op()], order(f('id', 'string'))), surface([op()], order(f('id', 'string', { nullable: true }))), ['B response-field-became-nullable id']],
    ['a response enum value added', surface([op()], order(f('s', 'string', { enum: ['a'] }))), surface([op()], order(f('s', 'string', { enum: ['a', 'b'] }))), ['- response-field-enum-value-added s']],
    ['a response field type changed', surface([op()], order(f('n', 'integer'))), surface([op()], order(f('n', 'string'))), ['B response-field-type-changed n']],
    ['a response type narrowed number -> integer', surface([op()], order(f('n', 'number'))), surface([op()], order(f('n', 'integer'))), ['- response-field-type-narrowed n']],
    ['a removed object reported once, not per child', surface([op()], order(f('a', 'object', { required: true }), f('a.b', 'string', { required: true }))), surface([op()], order()), ['B response-field-removed a']],
    ['a required request field added', surface([postOrder()], order()), surface([postOrder()], order(f('sku', 'string', { required: true }))), ['B request-field-added-required sku']],
    ['a required request field added with a default', surface([postOrder()], order()), surface([postOrder()], order(f('sku', 'string', { required: true, constraints: { default: 'x' } }))), ['- request-field-added sku']],
    ['a request field became required', surface([postOrder()], order(f('sku', 'string'))), surface([postOrder()], order(f('sku', 'string', { required: true }))), ['B request-field-became-required sku']],
    ['a request field became not nullable', surface([postOrder()], order(f('sku', 'string', { nullable: true }))), surface([postOrder()], order(f('sku', 'string'))), ['B request-field-became-not-nullable sku']],
    ['a request field became an enum', surface([postOrder()], order(f('s', 'string'))), surface([postOrder()], order(f('s', 'string', { enum: ['a'] }))), ['B request-field-became-enum s']],
    ['a read-only field is never sent, so its changes do not touch requests', surface([postOrder()], order()), surface([postOrder()], order(f('id', 'string', { required: true, constraints: { readOnly: true } }))), []],
    ['a request anyOf alternative removed', surface([postOrder()], order(f('', 'object', { required: true, constraints: { anyOf: ['A', 'B'] } }))), surface([postOrder()], order(f('', 'object', { required: true, constraints: { anyOf: ['A'] } }))), ['B request-field-any-of-removed ']],
    ['a response oneOf alternative added', surface([op()], order(f('pet', 'object', { constraints: { oneOf: ['Cat'] } }))), surface([op()], order(f('pet', 'object', { constraints: { oneOf: ['Cat', 'Dog'] } }))), ['B response-field-one-of-added pet']],
    ['a request body became required', surface([postOrder({ requestBody: { required: false, contentType: 'application/json', schema: [] } })]), surface([postOrder()]), ['B request-body-became-required ']],
    ['a request media type removed', surface([postOrder({ requestBody: { required: true, contentType: 'application/json', contentTypes: ['application/json', 'application/xml'], schema: [] } })]), surface([postOrder({ requestBody: { required: true, contentType: 'application/json', schema: [] } })]), ['B request-media-type-removed ']],
    ['a success status removed', surface([op({ responses: { 200: {}, 201: {} } })]), surface([op({ responses: { 201: {} } })]), ['B response-success-status-removed ']],
    ['an error status removed', surface([op({ responses: { 200: {}, 404: {} } })]), surface([op({ responses: { 200: {} } })]), []],
    ['security schemes changed (reported for review)', surface([op({ security: ['apiKey'] })]), surface([op({ security: ['oauth'] })]), ['- security-changed ']],
    ['a sunset moved earlier', surface([op({ lifecycle: { deprecated: true, sunset: '2030-01-01' } })]), surface([op({ lifecycle: { deprecated: true, sunset: '2026-01-01' } })]), ['B operation-sunset-moved-earlier ']],
    ['an unreadable stability level fails closed', surface([op()]), surface([op({ lifecycle: { stability: 'gamma' } })]), ['B operation-stability-invalid ']],
  ])('%s', (_label, base, revision, want) => {
    expect(verdicts(base, revision)).toEqual(want);
  });

  it('follows component refs and attributes a change to every operation using it, on its side', () => {
    const schemas = (lineFields: SurfaceField[]) => ({ Order: [f('lines[]', 'object', { required: true, ref: 'Line' })], Line: lineFields });
    const base = surface([op(), postOrder()], schemas([f('qty', 'integer', { required: true })]));
    const revision = surface([op(), postOrder()], schemas([f('qty', 'integer')]));
    const changes = diffSurfaces(base, revision, { now: NOW });
    expect(changes.map((c) => [c.operation, c.side, c.schema, c.location, c.id, c.severity])).toEqual([
      ['GET /orders', 'response', 'Line', 'qty', 'response-field-became-optional', 'breaking'],
      ['POST /orders', 'request', 'Line', 'qty', 'request-field-became-optional', 'non-breaking'],
    ]);
  });

  it('makes any change to a parameter the connector pages with breaking', () => {
    const changes = diffSurfaces(surface([op({ parameters: [p('cursor')] })]), surface([op()]), { now: NOW, contractParameters: { 'GET /orders': ['cursor'] } });
    expect(changes.map((c) => `${c.severity} ${c.id}`)).toEqual(['breaking pagination-parameter-changed']);
  });
});

describe('driftReport', () => {
  it('renders markdown grouped by severity and operation, and a stable JSON shape', () => {
    const changes = diffSurfaces(surface([op(), op({}, 'GET /items')], order(f('id', 'string'))), surface([op({ parameters: [p('v')] })], order(f('id', 'string'))), { now: NOW });
    const report = driftReport(changes);
    expect(report.json).toEqual({
      reportVersion: 1,
      breaking: true,
      counts: { breaking: 1, nonBreaking: 1 },
      changes: [
        { id: 'operation-removed', severity: 'breaking', side: 'operation', operation: 'GET /items', location: '', reason: 'calls to it will fail' },
        { id: 'parameter-added', severity: 'non-breaking', side: 'parameter', operation: 'GET /orders', location: 'query:v', reason: 'new optional parameter' },
      ],
    });
    expect(report.markdown).toBe(
      [
        '# Spec drift', '', '1 breaking, 1 non-breaking change.', '', '## Breaking', '', '### `GET /items`', '',
        '- `operation-removed` (operation): calls to it will fail', '', '## Non-breaking', '', '### `GET /orders`', '',
        '- `parameter-added` (parameter query:v): new optional parameter', '',
      ].join('\n'),
    );
    expect(driftReport([]).markdown).toContain('No structural change.');
  });
});
