import { describe, expect, it } from 'vitest';
import type { ListEndpoint } from '../model.js';
import { formatDiscoveryTable } from './format-discovery-table.js';
import { toListEndpointReport } from './list-endpoint-report.js';

function endpoint(overrides: Partial<ListEndpoint>): ListEndpoint {
  return {
    method: 'GET',
    path: '/things',
    records: 'data',
    pagination: { type: 'none' },
    incremental: null,
    primaryKey: 'id',
    confidence: 0.5,
    evidence: [],
    suggestedEntity: null,
    ...overrides,
  };
}

describe('toListEndpointReport', () => {
  it.each<[string, Partial<ListEndpoint>, unknown]>([
    [
      'last_id reports as cursor with its parameter',
      { pagination: { type: 'last_id', idPath: 'id', token: { in: 'query', name: 'starting_after' } }, paginationParam: 'starting_after' },
      { type: 'cursor', param: 'starting_after' },
    ],
    ['a next href advancing an offset reports as offset', { pagination: { type: 'next_url', nextUrlPath: 'next' }, paginationParam: 'offset' }, { type: 'offset', param: 'offset' }],
    ['a next href alone reports as next_url', { pagination: { type: 'next_url', nextUrlPath: '@odata.nextLink' } }, { type: 'next_url' }],
    ['link_header keeps its page parameter', { pagination: { type: 'link_header' }, paginationParam: 'page' }, { type: 'link_header', param: 'page' }],
    [
      'page',
      { pagination: { type: 'page', page: { in: 'query', name: 'page' } }, paginationParam: 'page' },
      { type: 'page', param: 'page' },
    ],
    ['none has no param', { pagination: { type: 'none' } }, { type: 'none' }],
  ])('%s', (_name, overrides, pagination) => {
    expect(toListEndpointReport([endpoint(overrides)])[0]?.pagination).toEqual(pagination);
  });

  it('writes the stable keys in a stable order, dropping the incremental format and body filters', () => {
    const report = toListEndpointReport([
      endpoint({
        path: '/Invoices',
        records: 'Invoices',
        pagination: { type: 'page', page: { in: 'query', name: 'page' } },
        paginationParam: 'page',
        incremental: { in: 'header', name: 'If-Modified-Since', format: 'http_date' },
        primaryKey: 'InvoiceID',
        confidence: 0.93,
        evidence: ['not in the report'],
        query: { limit: 100 },
      }),
      endpoint({ method: 'POST', path: '/v2/orders/search', records: 'orders', incremental: { in: 'body', name: 'query.filter.updated_at.start_at' }, primaryKey: null }),
    ]);
    expect(JSON.stringify(report)).toBe(
      '[{"method":"GET","path":"/Invoices","records":"Invoices","pagination":{"type":"page","param":"page"},"incremental":{"in":"header","name":"If-Modified-Since"},"primaryKey":"InvoiceID","confidence":0.93},' +
        '{"method":"POST","path":"/v2/orders/search","records":"orders","pagination":{"type":"none"},"incremental":null,"primaryKey":null,"confidence":0.5}]',
    );
  });
});

const customerWrites: ListEndpoint['writes'] = {
  create: { method: 'POST', path: '/v1/customers', mediaType: 'application/x-www-form-urlencoded', bodyFormat: 'form', bodyRecordPath: '', recordPath: '' },
  update: { method: 'POST', path: '/v1/customers/{customer}', mediaType: 'application/x-www-form-urlencoded', bodyFormat: 'form', bodyRecordPath: '', idParam: 'customer' },
  read: { path: '/v1/customers/{customer}', idParam: 'customer' },
  evidence: ['not in the report'],
};

describe('toListEndpointReport: writes', () => {
  it.each<[string, ListEndpoint['writes'], unknown]>([
    ['no writes: no key', undefined, undefined],
    [
      'create, update and read: method, path and body format of each',
      customerWrites,
      {
        create: { method: 'POST', path: '/v1/customers', bodyFormat: 'form' },
        update: { method: 'POST', path: '/v1/customers/{customer}', bodyFormat: 'form' },
        read: { path: '/v1/customers/{customer}' },
      },
    ],
    [
      'a create alone, with its idempotency header',
      { create: { method: 'PUT', path: '/Contacts', mediaType: 'application/json', bodyFormat: 'json', bodyRecordPath: 'Contacts.0' }, idempotencyHeader: 'Idempotency-Key', evidence: [] },
      { create: { method: 'PUT', path: '/Contacts', bodyFormat: 'json' }, idempotencyHeader: 'Idempotency-Key' },
    ],
  ])('%s', (_name, writes, want) => {
    const [report] = toListEndpointReport([endpoint(writes === undefined ? {} : { writes })]);
    expect(report?.writes).toEqual(want);
    expect(Object.keys(report ?? {}).includes('writes')).toBe(want !== undefined);
  });
});

describe('formatDiscoveryTable', () => {
  it('lists the writes in the last column', () => {
    const table = formatDiscoveryTable([
      endpoint({ path: '/v1/customers', writes: customerWrites }),
      endpoint({ path: '/Contacts', writes: { create: { method: 'PUT', path: '/Contacts', mediaType: 'application/json', bodyFormat: 'json', bodyRecordPath: '' }, idempotencyHeader: 'Idempotency-Key', evidence: [] } }),
      endpoint({ path: '/things' }),
    ]);
    expect(table.split('\n').map((line) => line.split(/\s{2,}/).at(-1))).toEqual([
      'WRITES',
      'create POST (form), update POST (form), read GET',
      'create PUT, idempotency Idempotency-Key',
      '-',
    ]);
  });

  it('lines up one row per endpoint under a header', () => {
    const table = formatDiscoveryTable([
      endpoint({
        path: '/v1/charges',
        pagination: { type: 'last_id', idPath: 'id', token: { in: 'query', name: 'starting_after' } },
        paginationParam: 'starting_after',
        confidence: 0.96,
        suggestedEntity: { name: 'Transaction', score: 1 },
      }),
      endpoint({ path: '/Invoices', records: '', incremental: { in: 'header', name: 'If-Modified-Since' }, primaryKey: null }),
    ]);
    const lines = table.split('\n');
    expect(lines).toHaveLength(3);
    expect(lines[0]?.split(/\s{2,}/)).toEqual(['METHOD', 'PATH', 'RECORDS', 'PAGINATION', 'INCREMENTAL', 'PRIMARY KEY', 'CONFIDENCE', 'SUGGESTED ENTITY', 'WRITES']);
    expect(lines[1]?.split(/\s{2,}/)).toEqual(['GET', '/v1/charges', 'data', 'last_id (starting_after)', '-', 'id', '0.96', 'Transaction (1.00)', '-']);
    expect(lines[2]?.split(/\s{2,}/)).toEqual(['GET', '/Invoices', '(body)', 'none', 'header If-Modified-Since', '-', '0.50', '-', '-']);
    // Columns line up: every row has PATH at the same offset.
    expect(lines.map((line) => line.indexOf('/') === -1 ? line.indexOf('PATH') : line.indexOf('/'))).toEqual([8, 8, 8]);
  });

  it('says so when nothing was found', () => {
    expect(formatDiscoveryTable([])).toBe('No list endpoints found.');
  });
});
