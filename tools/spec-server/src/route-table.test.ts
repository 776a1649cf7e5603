import { describe, expect, it } from 'vitest';
import { createSpecRefs, type OpenApiDocument } from '@portage/codegen';
import { RouteTable } from './route-table.js';

const ok = { responses: { '200': { description: 'ok' } } };
const document = {
  openapi: '3.0.0',
  info: { title: 't', version: '1' },
  paths: {
    '/v1/charges': { get: ok, post: ok },
    '/v1/charges/{charge}': { get: ok },
    '/v1/charges/search': { get: ok },
    '/files/{name}.json': { get: ok },
  },
} as OpenApiDocument;
const table = new RouteTable(document, createSpecRefs(document));

describe('RouteTable', () => {
  it('matches templates, decoding parameters, and prefers literal paths over templates', () => {
    expect(table.match('GET', '/v1/charges/ch_1%2F2')).toMatchObject({ found: true, operation: { key: 'GET /v1/charges/{charge}' }, pathParams: { charge: 'ch_1/2' } });
    expect(table.match('get', '/v1/charges/search')).toMatchObject({ found: true, operation: { key: 'GET /v1/charges/search' }, pathParams: {} });
    expect(table.match('GET', '/files/report.json')).toMatchObject({ found: true, pathParams: { name: 'report' } });
  });

  it('tells a path without the method from no path at all', () => {
    expect(table.match('DELETE', '/v1/charges')).toEqual({ found: false, allowed: ['GET', 'POST'] });
    expect(table.match('GET', '/v1/refunds')).toEqual({ found: false, allowed: [] });
  });

  it('names the closest operation, filling template parameters from the request', () => {
    expect(table.closest('GET', '/v1/charge')).toBe('GET /v1/charges');
    expect(table.closest('GET', '/v1/charges/ch_1/refunds')).toBe('GET /v1/charges/{charge}');
    expect(table.closest('DELETE', '/v1/charges')).toBe('GET|POST /v1/charges');
  });
});
