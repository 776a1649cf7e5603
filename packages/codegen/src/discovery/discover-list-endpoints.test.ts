import type { PaginationConfig } from '@portage/core';
import { describe, expect, it } from 'vitest';
import type { JsonObject, ListEndpoint, OpenApiDocument } from '../model.js';
import { createSpecRefs } from '../openapi/spec-refs.js';
import { discoverListEndpoints } from './discover-list-endpoints.js';
import { toListEndpointReport } from './list-endpoint-report.js';

// Small spec constructs, each showing one signal the detectors read.

function document(paths: Record<string, JsonObject>, schemas: Record<string, JsonObject> = {}): OpenApiDocument {
  return { openapi: '3.0.3', info: { title: 'fixture', version: '1' }, paths, components: { schemas } };
}

function discover(paths: Record<string, JsonObject>, schemas: Record<string, JsonObject> = {}): ListEndpoint[] {
  const doc = document(paths, schemas);
  return discoverListEndpoints(doc, createSpecRefs(doc));
}

function discoverOnly(paths: Record<string, JsonObject>, schemas: Record<string, JsonObject> = {}): ListEndpoint {
  const endpoints = discover(paths, schemas);
  expect(endpoints).toHaveLength(1);
  return endpoints[0] as ListEndpoint;
}

const ok = (schema: unknown, headers?: JsonObject) => ({
  '200': { description: 'ok', content: { 'application/json': { schema } }, ...(headers ? { headers } : {}) },
});
const query = (name: string, schema: JsonObject = { type: 'string' }, extra: JsonObject = {}) => ({ in: 'query', name, schema, ...extra });
const arrayOf = (items: unknown) => ({ type: 'array', items });
const thing = { type: 'object', properties: { id: { type: 'string' }, name: { type: 'string' } } };
const get = (parameters: unknown[], response: unknown, headers?: JsonObject) => ({ get: { parameters, responses: ok(response, headers) } });
const envelope = (properties: JsonObject) => ({ type: 'object', properties: { data: arrayOf(thing), ...properties } });

describe('discoverListEndpoints: pagination', () => {
  it.each<[string, JsonObject, PaginationConfig, string | undefined]>([
    [
      'starting_after + has_more is last_id',
      get([query('limit', { type: 'integer' }), query('starting_after')], envelope({ has_more: { type: 'boolean' } })),
      { type: 'last_id', idPath: 'id', token: { in: 'query', name: 'starting_after' }, stop: { hasMorePath: 'has_more' } },
      'starting_after',
    ],
    [
      'starting_after without has_more is last_id without a stop signal',
      get([query('starting_after')], envelope({})),
      { type: 'last_id', idPath: 'id', token: { in: 'query', name: 'starting_after' } },
      'starting_after',
    ],
    [
      'next_cursor in the body + cursor in the query is cursor',
      get([query('cursor')], envelope({ next_cursor: { type: 'string' }, has_more: { type: 'boolean' } })),
      { type: 'cursor', cursorPath: 'next_cursor', token: { in: 'query', name: 'cursor' }, stop: { hasMorePath: 'has_more' } },
      'cursor',
    ],
    [
      'nextPageToken + pageToken is cursor',
      get([query('pageToken'), query('maxResults', { type: 'integer' })], envelope({ nextPageToken: { type: 'string' } })),
      { type: 'cursor', cursorPath: 'nextPageToken', token: { in: 'query', name: 'pageToken' } },
      'pageToken',
    ],
    [
      'a cursor one object down (meta.next_cursor)',
      get([query('cursor')], envelope({ meta: { type: 'object', properties: { next_cursor: { type: 'string', nullable: true } } } })),
      { type: 'cursor', cursorPath: 'meta.next_cursor', token: { in: 'query', name: 'cursor' } },
      'cursor',
    ],
    [
      'a string page + next_page is a page token (cursor), not a page number',
      get([query('page')], envelope({ next_page: { type: 'string', nullable: true } })),
      { type: 'cursor', cursorPath: 'next_page', token: { in: 'query', name: 'page' } },
      'page',
    ],
    [
      'offset + limit with a total is offset',
      get([query('offset', { type: 'integer' }), query('limit', { type: 'integer', maximum: 50 })], envelope({ total: { type: 'integer' } })),
      { type: 'offset', offset: { in: 'query', name: 'offset' }, limit: { in: 'query', name: 'limit' }, pageSize: 50, stop: { totalPath: 'total' } },
      'offset',
    ],
    [
      'offset + limit with a next href follows the href',
      get(
        [query('offset'), query('limit')],
        { type: 'object', properties: { href: { type: 'string' }, next: { type: 'string' }, total: { type: 'integer' }, orders: arrayOf(thing) } },
      ),
      { type: 'next_url', nextUrlPath: 'next' },
      'offset',
    ],
    [
      'page + per_page with total_pages is page',
      get([query('page', { type: 'integer' }), query('per_page', { type: 'integer', maximum: 250 })], envelope({ total_pages: { type: 'integer' } })),
      { type: 'page', page: { in: 'query', name: 'page' }, size: { in: 'query', name: 'per_page' }, pageSize: 100, stop: { totalPagesPath: 'total_pages' } },
      'page',
    ],
    [
      'a page number starting at 0',
      get([query('page', { type: 'integer', minimum: 0 })], envelope({})),
      { type: 'page', page: { in: 'query', name: 'page' }, firstPage: 0 },
      'page',
    ],
    [
      'a declared Link header wins over page + per_page',
      get([query('page', { type: 'integer' }), query('per_page', { type: 'integer' })], arrayOf(thing), { Link: { schema: { type: 'string' } } }),
      { type: 'link_header' },
      'page',
    ],
    [
      '@odata.nextLink is next_url',
      get([], { type: 'object', properties: { value: arrayOf(thing), '@odata.nextLink': { type: 'string' } } }),
      { type: 'next_url', nextUrlPath: '@odata.nextLink' },
      undefined,
    ],
    [
      'links.next is next_url',
      get([], envelope({ links: { type: 'object', properties: { self: { type: 'string' }, next: { type: 'string', format: 'uri' } } } })),
      { type: 'next_url', nextUrlPath: 'links.next' },
      undefined,
    ],
    [
      'HAL _links.next.href is next_url',
      get([], envelope({ _links: { type: 'object', properties: { next: { type: 'object', properties: { href: { type: 'string' } } } } } })),
      { type: 'next_url', nextUrlPath: '_links.next.href' },
      undefined,
    ],
    ['no pagination inputs is none', get([query('status')], envelope({})), { type: 'none' }, undefined],
    ['offset without a page-size input is none', get([query('offset', { type: 'integer' })], envelope({})), { type: 'none' }, undefined],
  ])('%s', (_name, operation, pagination, param) => {
    const endpoint = discoverOnly({ '/v1/things': operation });
    expect(endpoint.pagination).toEqual(pagination);
    expect(endpoint.paginationParam).toBe(param);
    expect(endpoint.evidence.length).toBeGreaterThan(2);
  });

  it.each<[string, JsonObject, Record<string, number> | undefined]>([
    ['the schema maximum when below 100', { maximum: 25 }, { limit: 25 }],
    ['100 when the maximum is above it', { maximum: 1000 }, { limit: 100 }],
    ['100 without a maximum', {}, { limit: 100 }],
  ])('the first request asks for a page size of %s', (_name, limitSchema, want) => {
    const endpoint = discoverOnly({
      '/v1/things': get([query('limit', { type: 'integer', ...limitSchema }), query('starting_after')], envelope({})),
    });
    expect(endpoint.query).toEqual(want);
  });

  it('sends no page size when nothing paginates (a limit alone could cut the list short)', () => {
    const endpoint = discoverOnly({ '/v1/things': get([query('limit', { type: 'integer' })], envelope({})) });
    expect(endpoint.pagination).toEqual({ type: 'none' });
    expect(endpoint.query).toBeUndefined();
  });
});

describe('discoverListEndpoints: which operations are lists, and where the records are', () => {
  const schemas = {
    Thing: thing,
    Order: { type: 'object', properties: { id: { type: 'string' }, total_money: { type: 'object' }, line_items: arrayOf(thing) } },
    Error: { type: 'object', properties: { code: { type: 'string' }, detail: { type: 'string' } } },
    ListMeta: { type: 'object', properties: { has_more: { type: 'boolean' }, url: { type: 'string' } } },
  };

  it.each<[string, Record<string, JsonObject>, { method: string; path: string; records: string; itemSchema?: string }[]]>([
    ['a top-level array of $ref items', { '/things': get([], arrayOf({ $ref: '#/components/schemas/Thing' })) }, [{ method: 'GET', path: '/things', records: '', itemSchema: 'Thing' }]],
    [
      'a $ref response that is an allOf of a list envelope and the records',
      {
        '/things': get([], {
          allOf: [{ $ref: '#/components/schemas/ListMeta' }, { type: 'object', properties: { items: arrayOf({ $ref: '#/components/schemas/Thing' }) } }],
        }),
      },
      [{ method: 'GET', path: '/things', records: 'items', itemSchema: 'Thing' }],
    ],
    [
      'records nested one level (response.items)',
      { '/things': get([], { type: 'object', properties: { response: { type: 'object', properties: { items: arrayOf(thing), count: { type: 'integer' } } } } }) },
      [{ method: 'GET', path: '/things', records: 'response.items' }],
    ],
    [
      'the array named after the resource, not errors or entries',
      {
        '/v2/orders/search': {
          post: {
            operationId: 'SearchOrders',
            requestBody: { content: { 'application/json': { schema: { type: 'object', properties: { cursor: { type: 'string' } } } } } },
            responses: ok({
              type: 'object',
              properties: {
                errors: arrayOf({ $ref: '#/components/schemas/Error' }),
                order_entries: arrayOf(thing),
                orders: arrayOf({ $ref: '#/components/schemas/Order' }),
              },
            }),
          },
        },
      },
      [{ method: 'POST', path: '/v2/orders/search', records: 'orders', itemSchema: 'Order' }],
    ],
    ['Xero-style records named after the path', { '/Invoices': get([], { type: 'object', properties: { Invoices: arrayOf(thing) } }) }, [{ method: 'GET', path: '/Invoices', records: 'Invoices' }]],
    [
      'a oneOf response whose variants hold the records',
      { '/things': get([], { oneOf: [{ type: 'object', properties: { data: arrayOf({ $ref: '#/components/schemas/Thing' }) } }] }) },
      [{ method: 'GET', path: '/things', records: 'data', itemSchema: 'Thing' }],
    ],
    ['single-record reads are not lists', { '/things/{id}': get([], arrayOf(thing)), '/users/{name}.json': get([], arrayOf(thing)) }, []],
    ['an array of strings is not a list of records', { '/tags': get([], arrayOf({ type: 'string' })) }, []],
    ['an object whose only array is errors is not a list', { '/ping': get([], { type: 'object', properties: { errors: arrayOf({ $ref: '#/components/schemas/Error' }) } }) }, []],
    [
      'one record with an oddly named child array is not a list',
      { '/account': get([], { type: 'object', properties: { id: { type: 'string' }, available: arrayOf(thing) } }) },
      [],
    ],
    [
      'a list nested inside one record is that record’s children, not a list',
      { '/invoices/upcoming': get([], { type: 'object', properties: { id: { type: 'string' }, lines: envelope({}) } }) },
      [],
    ],
    [
      'POST that creates is not a list; POST search by operationId is',
      {
        '/things': { post: { operationId: 'CreateThing', responses: ok(envelope({})) } },
        '/things/bulk-read': { post: { operationId: 'ListThingsBulk', responses: ok(envelope({})) } },
      },
      [{ method: 'POST', path: '/things/bulk-read', records: 'data' }],
    ],
    [
      'GET and POST search on one path, and path-level parameters',
      {
        '/things:search': {
          parameters: [query('cursor')],
          get: { responses: ok(envelope({ cursor: { type: 'string' } })) },
          post: { responses: ok(envelope({ cursor: { type: 'string' } })) },
        },
      },
      [
        { method: 'GET', path: '/things:search', records: 'data' },
        { method: 'POST', path: '/things:search', records: 'data' },
      ],
    ],
    [
      'a response reached through components/responses with a vendor JSON type',
      {
        '/things': { get: { responses: { '200': { $ref: '#/components/responses/ThingList' } } } },
      },
      [{ method: 'GET', path: '/things', records: '', itemSchema: 'Thing' }],
    ],
  ])('%s', (_name, paths, want) => {
    const doc = document(paths, schemas);
    (doc.components as JsonObject).responses = {
      ThingList: { description: 'ok', content: { 'application/vnd.example+json': { schema: arrayOf({ $ref: '#/components/schemas/Thing' }) } } },
    };
    const endpoints = discoverListEndpoints(doc, createSpecRefs(doc));
    expect(endpoints.map(({ method, path, records, itemSchema }) => ({ method, path, records, ...(itemSchema ? { itemSchema } : {}) }))).toEqual(want);
  });

  it('sorts by path, then method', () => {
    const search = { post: { operationId: 'SearchThings', responses: ok(envelope({})) } };
    const endpoints = discover({
      '/b': get([], arrayOf(thing)),
      '/a/search': { ...get([], arrayOf(thing)), ...search },
      '/a': get([], arrayOf(thing)),
    });
    expect(endpoints.map((endpoint) => `${endpoint.method} ${endpoint.path}`)).toEqual(['GET /a', 'GET /a/search', 'POST /a/search', 'GET /b']);
  });

  it('POST search reads its cursor and page size from the JSON body', () => {
    const endpoint = discoverOnly({
      '/v2/customers/search': {
        post: {
          requestBody: {
            content: {
              'application/json': {
                schema: { type: 'object', properties: { cursor: { type: 'string' }, limit: { type: 'integer', maximum: 30 }, query: { type: 'object' } } },
              },
            },
          },
          responses: ok({ type: 'object', properties: { customers: arrayOf(thing), cursor: { type: 'string' } } }),
        },
      },
    });
    expect(endpoint.pagination).toEqual({ type: 'cursor', cursorPath: 'cursor', token: { in: 'body', name: 'cursor' } });
    expect(endpoint.body).toEqual({ limit: 30 });
    expect(endpoint.query).toBeUndefined();
  });

  it('names a missing $ref target in a SpecError', () => {
    expect(() => discover({ '/things': get([], { $ref: '#/components/schemas/Missing' }) })).toThrowError(/Missing.*points at nothing/);
  });

  it('rejects a document without paths with a SpecError saying what to do', () => {
    const doc = { openapi: '3.0.0', info: {} } as unknown as OpenApiDocument;
    expect(() => discoverListEndpoints(doc, createSpecRefs(doc))).toThrowError(/no `paths` object.*loadSpec/);
  });
});

describe('discoverListEndpoints: modified-since filters', () => {
  const item = { type: 'object', properties: { id: { type: 'string' }, updated_at: { type: 'string' } } };
  const list = envelope({});

  it.each<[string, unknown[], { in: string; name: string; format: string } | null]>([
    ['updated_at[gte] as unix seconds', [query('updated_at[gte]', { type: 'integer' })], { in: 'query', name: 'updated_at[gte]', format: 'unix' }],
    ['updated_at.gte as ISO 8601', [query('updated_at.gte', { type: 'string', format: 'date-time' })], { in: 'query', name: 'updated_at.gte', format: 'iso8601' }],
    ['updated_since', [query('updated_since', { type: 'string', format: 'date-time' })], { in: 'query', name: 'updated_since', format: 'iso8601' }],
    ['modifiedSince as a date', [query('modifiedSince', { type: 'string', format: 'date' })], { in: 'query', name: 'modifiedSince', format: 'date' }],
    ['Shopify updated_at_min', [query('updated_at_min', { type: 'string' })], { in: 'query', name: 'updated_at_min', format: 'iso8601' }],
    ['updated_min', [query('updated_min', { type: 'string' })], { in: 'query', name: 'updated_min', format: 'iso8601' }],
    [
      'a deepObject range on `updated`',
      [query('updated', { type: 'object', properties: { gte: { type: 'integer' }, lte: { type: 'integer' } } }, { style: 'deepObject' })],
      { in: 'query', name: 'updated[gte]', format: 'unix' },
    ],
    ['GitHub since', [query('since', { type: 'string', format: 'date-time' })], { in: 'query', name: 'since', format: 'iso8601' }],
    ['an explicit updated filter wins over a bare since', [query('since'), query('updated_after', { type: 'integer' })], { in: 'query', name: 'updated_after', format: 'unix' }],
    ['If-Modified-Since header as an HTTP date', [{ in: 'header', name: 'If-Modified-Since', schema: { type: 'string' } }], { in: 'header', name: 'If-Modified-Since', format: 'http_date' }],
    ['If-Modified-Since declared as a date-time (Xero)', [{ in: 'header', name: 'If-Modified-Since', schema: { type: 'string', format: 'date-time' } }], { in: 'header', name: 'If-Modified-Since', format: 'iso8601' }],
    [
      'Stripe created[gte] is creation time, not a modified filter',
      [query('created', { anyOf: [{ type: 'object', properties: { gte: { type: 'integer' } } }, { type: 'integer' }] }, { style: 'deepObject' })],
      null,
    ],
    ['created_at_min is creation time', [query('created_at_min')], null],
    ['since_id is an id cursor', [query('since_id', { type: 'integer' })], null],
    ['updated_at[lte] is an upper bound', [query('updated_at[lte]', { type: 'integer' })], null],
  ])('%s', (_name, parameters, want) => {
    const endpoint = discoverOnly({ '/things': get(parameters, list) }, { Item: item });
    expect(endpoint.incremental).toEqual(want);
    expect(toListEndpointReport([endpoint])[0]?.incremental).toEqual(want && { in: want.in, name: want.name });
  });

  it('finds a range in a POST search body; the report, which has no body filters, says null', () => {
    const timeRange = { type: 'object', properties: { start_at: { type: 'string' }, end_at: { type: 'string' } } };
    const endpoint = discoverOnly(
      {
        '/v2/orders/search': {
          post: {
            requestBody: { content: { 'application/json': { schema: { $ref: '#/components/schemas/SearchRequest' } } } },
            responses: ok({ type: 'object', properties: { orders: arrayOf(thing), cursor: { type: 'string' } } }),
          },
        },
      },
      {
        SearchRequest: { type: 'object', properties: { cursor: { type: 'string' }, query: { $ref: '#/components/schemas/Query' } } },
        // `Query` refers back to itself: the walk must end.
        Query: { type: 'object', properties: { nested: { $ref: '#/components/schemas/Query' }, filter: { $ref: '#/components/schemas/Filter' } } },
        Filter: { type: 'object', properties: { date_time_filter: { type: 'object', properties: { created_at: timeRange, updated_at: timeRange } } } },
      },
    );
    expect(endpoint.incremental).toEqual({ in: 'body', name: 'query.filter.date_time_filter.updated_at.start_at', format: 'iso8601' });
    expect(endpoint.body).toEqual({});
    expect(toListEndpointReport([endpoint])[0]?.incremental).toBeNull();
  });
});

describe('discoverListEndpoints: record keys', () => {
  it.each<[string, string, JsonObject, string | null, string | undefined]>([
    ['id', '/things', { id: { type: 'string' }, updated_at: { type: 'string' } }, 'id', 'updated_at'],
    ['Xero <Singular>ID from the schema name', '/Invoices', { InvoiceID: { type: 'string' }, UpdatedDateUTC: { type: 'string' } }, 'InvoiceID', 'UpdatedDateUTC'],
    ['eBay orderId', '/order', { orderId: { type: 'string' }, legacyOrderId: { type: 'string' }, lastModifiedDate: { type: 'string' } }, 'orderId', 'lastModifiedDate'],
    ['<singular>_id from the path', '/v3/widgets', { widget_id: { type: 'string' }, modified_at: { type: 'string' } }, 'widget_id', 'modified_at'],
    ['uuid', '/things', { uuid: { type: 'string' }, updatedAt: { type: 'string' } }, 'uuid', 'updatedAt'],
    ['none', '/things', { name: { type: 'string' }, created: { type: 'integer' } }, null, undefined],
  ])('%s', (_name, path, properties, primaryKey, updatedAtPath) => {
    const recordName = path === '/Invoices' ? 'Invoice' : 'Record';
    const endpoint = discoverOnly(
      { [path]: get([], { type: 'object', properties: { items: arrayOf({ $ref: `#/components/schemas/${recordName}` }) } }) },
      { [recordName]: { type: 'object', properties } },
    );
    expect(endpoint.primaryKey).toBe(primaryKey);
    expect(endpoint.updatedAtPath).toBe(updatedAtPath);
  });

  it('takes the key from the record schema, not from the envelope around it', () => {
    const endpoint = discoverOnly({ '/things': get([], { type: 'object', properties: { id: { type: 'string' }, data: arrayOf({ type: 'object', properties: { name: { type: 'string' } } }) } }) });
    expect(endpoint.records).toBe('data');
    expect(endpoint.primaryKey).toBeNull();
  });
});

describe('discoverListEndpoints: confidence and entity', () => {
  it('is highest for a named list with paired pagination and a key, lower without them', () => {
    const strong = discoverOnly({ '/charges': get([query('starting_after')], { type: 'object', properties: { charges: arrayOf(thing), has_more: { type: 'boolean' } } }) });
    const weak = discoverOnly({ '/report': get([], { type: 'object', properties: { rows_of_stuff: arrayOf({ type: 'object', properties: { x: { type: 'number' } } }) } }) });
    expect(strong.confidence).toBe(1);
    expect(weak.confidence).toBe(0.3);
    expect(weak.suggestedEntity).toBeNull();
  });

  it('suggests an entity from the record schema name', () => {
    const endpoint = discoverOnly(
      { '/v1/charges': get([], { type: 'object', properties: { data: arrayOf({ $ref: '#/components/schemas/charge' }) } }) },
      { charge: { type: 'object', properties: { id: { type: 'string' }, amount: { type: 'integer' }, currency: { type: 'string' } } } },
    );
    expect(endpoint.itemSchema).toBe('charge');
    expect(endpoint.suggestedEntity?.name).toBe('Transaction');
  });
});
