import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createSpecRefs, type OpenApiDocument } from '@portage/codegen';
import { defineConnector, defineEntity, type Product } from '@portage/core';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { FIXTURE_FORMAT, type Fixture, type RecordedExchange } from '../fixture/fixture.js';
import { serializeFixture } from '../fixture/fixture-json.js';
import { contractSnapshot } from './contract-snapshot.js';
import { openContractSuite, runContractSuite, type ConnectorContractOptions } from './contract-suite.js';
import { operationFor } from './operation-for.js';
import { invalidStoredRecords } from './stored-records.js';

// A tiny platform: GET /v1/items pages with limit + starting_after until has_more is false.
const BASE = 'https://api.shop.test/v1';

const document = {
  openapi: '3.0.3',
  info: { title: 'shop', version: '1' },
  servers: [{ url: BASE }],
  paths: {
    '/items': {
      get: {
        responses: {
          '200': {
            description: 'a page',
            content: {
              'application/json': {
                schema: {
                  type: 'object',
                  required: ['data', 'has_more'],
                  properties: { data: { type: 'array', items: { $ref: '#/components/schemas/Item' } }, has_more: { type: 'boolean' } },
                },
              },
            },
          },
        },
      },
    },
    '/items/{id}': { get: { responses: { '200': { description: 'one' } } } },
    '/items/search': { get: { responses: { '200': { description: 'found' } } } },
  },
  components: { schemas: { Item: { type: 'object', required: ['id', 'name'], properties: { id: { type: 'string' }, name: { type: 'string' }, archived: { type: 'boolean' } } } } },
} as unknown as OpenApiDocument;
const spec = { document, refs: createSpecRefs(document) };

interface Item {
  id: string;
  name: string;
  archived?: boolean;
}

function shop(map: (raw: Item) => Product = (raw) => ({ id: raw.id, title: raw.name, status: raw.archived ? 'archived' : 'active' })) {
  return defineConnector({
    name: 'shop',
    baseUrl: BASE,
    auth: { type: 'bearer' },
    entities: {
      items: defineEntity<Item, 'Product'>({
        unified: 'Product',
        request: { method: 'GET', path: '/items', query: { limit: 50 } },
        recordsPath: 'data',
        pagination: { type: 'last_id', idPath: 'id', token: { in: 'query', name: 'starting_after' }, stop: { hasMorePath: 'has_more' } },
        primaryKey: 'id',
        pageSize: { param: { in: 'query', name: 'limit' } },
        map,
      }),
    },
  });
}

const page = (url: string, data: unknown[], hasMore: boolean): RecordedExchange => ({
  request: { method: 'GET', url, headers: { accept: 'application/json', authorization: '<redacted:authorization>' } },
  response: { status: 200, headers: { 'content-type': 'application/json' }, json: { data, has_more: hasMore } },
});

const PAGES: RecordedExchange[] = [
  page(`${BASE}/items?limit=2`, [{ id: 'a', name: 'Anvil' }, { id: 'b', name: 'Bell', archived: true }], true),
  page(`${BASE}/items?limit=2&starting_after=b`, [{ id: 'c', name: 'Cup' }], false),
];

let dir: string;

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'portage-contract-'));
});

afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function writeScenario(scenario: string, exchanges: RecordedExchange[]): Promise<void> {
  const fixture: Fixture = { format: FIXTURE_FORMAT, connector: 'shop', scenario, recordedAt: '2025-01-01T00:00:00.000Z', exchanges };
  await writeFile(join(dir, `${scenario}.json`), serializeFixture(fixture));
}

function options(overrides: Partial<ConnectorContractOptions> = {}): ConnectorContractOptions {
  return { connector: shop(), fixtures: dir, spec, scenarios: { items: { pageSize: 2 } }, ...overrides };
}

describe('runContractSuite', () => {
  it('replays a fixture offline through a full sync into Postgres and stores every record, with no problems', async () => {
    await writeScenario('items', PAGES);
    const [result, ...more] = await runContractSuite(options());
    expect(more).toEqual([]);
    expect(result!.problems).toEqual([]);
    expect(result!.sync).toMatchObject({ pages: 2, created: 3, rejected: 0 });
    expect(result!.records.map((record) => [record.entity, record.externalId, record.data])).toEqual([
      ['items', 'a', { id: 'a', title: 'Anvil', status: 'active' }],
      ['items', 'b', { id: 'b', title: 'Bell', status: 'archived' }],
      ['items', 'c', { id: 'c', title: 'Cup', status: 'active' }],
    ]);
  });

  it('gives the same snapshot on every replay, and a different one when the mapping changes', async () => {
    await writeScenario('items', PAGES);
    const [first] = await runContractSuite(options());
    const [again] = await runContractSuite(options());
    expect(contractSnapshot(again!)).toBe(contractSnapshot(first!));

    const [changed] = await runContractSuite(options({ connector: shop((raw) => ({ id: raw.id, title: raw.name.toUpperCase(), status: 'active' })) }));
    expect(changed!.problems).toEqual([]);
    expect(contractSnapshot(changed!)).not.toBe(contractSnapshot(first!));
    expect(contractSnapshot(changed!)).toContain('"title": "ANVIL"');
  });

  it('snapshots rejected records with the reason, so a mapping that starts rejecting shows', async () => {
    await writeScenario('items', PAGES);
    const strict = shop((raw) => {
      if (raw.archived) throw new Error('archived items have no unified form');
      return { id: raw.id, title: raw.name, status: 'active' };
    });
    const [result] = await runContractSuite(options({ connector: strict }));
    expect(result!.sync).toMatchObject({ created: 2, rejected: 1 });
    expect(result!.rejected).toEqual([expect.objectContaining({ entity: 'items', code: 'VALIDATION_FAILED', message: expect.stringContaining('archived items have no unified form') })]);
    expect(contractSnapshot(result!)).toContain('archived items have no unified form');
  });

  it('reports a request no recording matches, with what differs', async () => {
    await writeScenario('items', PAGES);
    const [result] = await runContractSuite(options({ scenarios: { items: { pageSize: 5 } } }));
    expect(result!.problems.some((problem) => problem.startsWith('unmatched request: GET https://api.shop.test/v1/items?limit=5') && problem.includes('query param limit differs: recorded 2, got 5'))).toBe(true);
    expect(result!.sync).toBeUndefined();
  });

  it('reports a recorded request the connector never made', async () => {
    await writeScenario('items', [...PAGES, page(`${BASE}/items?limit=2&starting_after=zz`, [], false)]);
    const [result] = await runContractSuite(options());
    expect(result!.problems).toEqual([expect.stringMatching(/^unused recording: GET https:\/\/api\.shop\.test\/v1\/items\?limit=2&starting_after=zz \(.*items\.json exchange 3\)/)]);
  });

  it('reports recorded responses that do not conform to the spec, and requests that are no operation of it', async () => {
    const [first, second] = PAGES;
    const wrong = { ...second!, response: { ...second!.response, json: { data: [{ id: 'c', name: 42 }], has_more: false } } };
    await writeScenario('items', [first!, wrong, page(`${BASE}/orders`, [], false)]);
    const suite = await openContractSuite(options());
    try {
      const problems = await suite.specProblems('items');
      expect(problems).toHaveLength(2);
      expect(problems[0]).toMatch(/items\.json exchange 2 \(GET .*starting_after=b\), GET \/items: response body data\[0\]\.name: must be string; got 42$/);
      expect(problems[1]).toMatch(/items\.json exchange 3 \(GET https:\/\/api\.shop\.test\/v1\/orders\): not an operation of the spec$/);
    } finally {
      await suite.close();
    }
  });

  it('refuses scenarios without a fixture and fixtures of no entity, saying what to do', async () => {
    await writeScenario('items', PAGES);
    await expect(runContractSuite(options({ scenarios: { orders: {} } }))).rejects.toThrow(/contract scenario "orders" has no fixture orders\.json/);
    await writeScenario('widgets', PAGES);
    await expect(runContractSuite(options())).rejects.toThrow(/fixture widgets\.json replays entity "widgets", which shop does not have \(items\): set scenarios\.widgets\.entity/);
  });

  it('refuses an empty fixture folder', async () => {
    await expect(runContractSuite(options({ scenarios: {} }))).rejects.toThrow(/no fixtures \(\*\.json\) in .*PORTAGE_RECORD=1/);
  });
});

describe('invalidStoredRecords', () => {
  it('names stored records that fail their unified schema, and entities the connector lacks', () => {
    const records = [
      { entity: 'items', externalId: 'a', deleted: false, data: { id: 'a', title: 'Anvil', status: 'active' } },
      { entity: 'items', externalId: 'b', deleted: false, data: { id: 'b', title: 7, status: 'active' } },
      { entity: 'orders', externalId: 'o', deleted: false, data: {} },
    ];
    const problems = invalidStoredRecords(shop(), records);
    expect(problems).toHaveLength(2);
    expect(problems[0]).toMatch(/^stored items b: VALIDATION_FAILED: Product b \(platform entity items\): title/);
    expect(problems[1]).toBe('stored orders o: the connector declares no entity "orders"');
  });
});

describe('operationFor', () => {
  it('matches a URL to its operation under the base path, literal paths before templates', () => {
    expect(operationFor(document, 'GET', `${BASE}/items?limit=2`, ['/v1'])?.key).toBe('GET /items');
    expect(operationFor(document, 'GET', `${BASE}/items/search`)?.key).toBe('GET /items/search');
    expect(operationFor(document, 'GET', `${BASE}/items/i_42`)?.key).toBe('GET /items/{id}');
    expect(operationFor(document, 'POST', `${BASE}/items`)).toBeUndefined();
    expect(operationFor(document, 'GET', `${BASE}/orders`)).toBeUndefined();
  });
});
