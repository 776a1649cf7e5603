import { defineConnector, defineEntity, type TenantPlacement } from '@portage/core';
import { describe, expect, it } from 'vitest';
import { undeclaredRequests, type RequestSurface } from './undeclared-requests.js';

const surface: RequestSurface = {
  operations: [
    {
      method: 'GET',
      path: '/items',
      parameters: [
        { in: 'query', name: 'limit', required: false, type: 'integer' },
        { in: 'query', name: 'cursor', required: false, type: 'string' },
        { in: 'query', name: 'created', required: false, type: 'object' },
        { in: 'header', name: 'X-Tenant', required: true, type: 'string' },
      ],
    },
    { method: 'SOAP', path: 'search', parameters: [] },
    { method: 'POST', path: '/items/search', parameters: [], requestBody: { required: true, contentType: 'application/json', schema: 'Search' } },
  ],
  schemas: {
    Search: [{ path: 'limit' }, { path: 'query', ref: 'Query' }],
    Query: [{ path: 'updated_after' }],
  },
};

const list = { unified: 'Product' as const, recordsPath: 'items', primaryKey: 'id', map: () => ({ id: 'x', title: 'x', status: 'active' as const }) };
const connectorWith = (entity: ReturnType<typeof defineEntity>, tenant?: TenantPlacement) =>
  defineConnector({ name: 'acme', baseUrl: 'https://acme.test', auth: { type: 'none' }, ...(tenant ? { tenant } : {}), entities: { items: entity } });

const cursorList = defineEntity({
  ...list,
  request: { path: '/items', query: { limit: 50, 'created[gte]': 0 } },
  pagination: { type: 'cursor', cursorPath: 'next', token: { in: 'query', name: 'cursor' } },
  pageSize: { param: { in: 'query', name: 'limit' } },
});
const search = defineEntity({
  ...list,
  request: { method: 'POST', path: '/items/search', body: { limit: 10 } },
  pagination: { type: 'none' },
  incremental: { in: 'body', name: 'query.updated_after' },
});

describe('undeclaredRequests', () => {
  it.each<[string, ReturnType<typeof connectorWith>, string[]]>([
    ['everything declared (deep-object query, tenant header in any case)', connectorWith(cursorList, { in: 'header', name: 'x-tenant' }), []],
    ['a body field reached through a nested ref', connectorWith(search), []],
    ['an unknown path', connectorWith(defineEntity({ ...list, request: { path: '/things' }, pagination: { type: 'none' } })), ['items: GET /things is not an operation of the spec']],
    [
      'a query parameter the spec lacks',
      connectorWith(defineEntity({ ...list, request: { path: '/items', query: { sort: 'asc' } }, pagination: { type: 'none' } })),
      ['items: GET /items sends query sort, which the spec does not declare'],
    ],
    [
      'a tenant placement the spec lacks',
      connectorWith(cursorList, { in: 'query', name: 'shop' }),
      ['items: GET /items sends query shop, which the spec does not declare'],
    ],
    [
      'a body incremental field the schema lacks',
      connectorWith(defineEntity({ ...list, request: { method: 'POST', path: '/items/search' }, pagination: { type: 'none' }, incremental: { in: 'body', name: 'query.modified_after' } })),
      ['items: POST /items/search sends body query.modified_after, which the spec does not declare'],
    ],
    [
      'a SOAP search and its continuation, the continuation missing from the WSDL',
      connectorWith(
        defineEntity({
          ...list,
          recordsPath: 'searchResult.recordList.record',
          request: { method: 'POST', path: '/services/Port', soap: { operation: 'search', input: {} } },
          pagination: { type: 'soap_continuation', operation: 'searchMoreWithId', input: { searchId: 'searchResult.searchId' }, donePath: 'searchResult.done' },
        }),
      ),
      ['items: SOAP searchMoreWithId is not an operation of the WSDL'],
    ],
  ])('%s', (_label, connector, want) => {
    expect(undeclaredRequests(connector, surface)).toEqual(want);
  });
});
