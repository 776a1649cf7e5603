import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createSpecRefs, type OpenApiDocument } from '@portage/codegen';
import { defineConnector, defineEntity } from '@portage/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FIXTURE_FORMAT, type Fixture } from '../fixture/fixture.js';
import { fixtureDrift } from './fixture-drift.js';

// A spec whose item amount is an integer, and a newer one where it became a string.
const specWith = (amountType: string): OpenApiDocument => ({
  openapi: '3.0.3',
  info: { title: 'shop', version: '1' },
  paths: {
    '/items': {
      get: {
        responses: {
          '200': {
            description: '',
            content: { 'application/json': { schema: { type: 'object', required: ['data'], properties: { data: { type: 'array', items: { $ref: '#/components/schemas/Item' } } } } } },
          },
        },
      },
    },
  },
  components: { schemas: { Item: { type: 'object', required: ['id', 'amount'], properties: { id: { type: 'string' }, amount: { type: amountType } } } } },
});
const shop = defineConnector({
  name: 'shop',
  baseUrl: 'https://api.shop.test',
  auth: { type: 'none' },
  entities: { items: defineEntity({ unified: 'Product', request: { path: '/items' }, recordsPath: 'data', pagination: { type: 'none' }, primaryKey: 'id', map: () => ({ id: 'x', title: 'x', status: 'active' as const }) }) },
});
const fixture: Fixture = {
  format: FIXTURE_FORMAT,
  connector: 'shop',
  scenario: 'items',
  recordedAt: '2026-11-01T00:00:00.000Z',
  exchanges: [{ request: { method: 'GET', url: 'https://api.shop.test/items', headers: {} }, response: { status: 200, headers: { 'content-type': 'application/json' }, json: { data: [{ id: 'i1', amount: 250 }] } } }],
};

let folder: string;
beforeAll(async () => {
  folder = await mkdtemp(join(tmpdir(), 'portage-fixture-drift-'));
  await writeFile(join(folder, 'items.json'), JSON.stringify(fixture));
});
afterAll(() => rm(folder, { recursive: true, force: true }));

describe('fixtureDrift', () => {
  it('finds nothing while the recorded responses still conform', async () => {
    const document = specWith('integer');
    expect(await fixtureDrift(shop, folder, { document, refs: createSpecRefs(document) })).toEqual([]);
  });

  it('names the recorded response a newer spec no longer allows', async () => {
    const document = specWith('string');
    const problems = await fixtureDrift(shop, folder, { document, refs: createSpecRefs(document) });
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/items\.json exchange 1 \(GET https:\/\/api\.shop\.test\/items\).*data\[0\]\.amount/);
  });

  it('a connector without recorded fixtures (no folder, or only its README) has no fixture drift', async () => {
    const document = specWith('string');
    const empty = await mkdtemp(join(tmpdir(), 'portage-no-fixtures-'));
    await writeFile(join(empty, 'README.md'), 'recordings go here\n');
    expect(await fixtureDrift(shop, join(folder, 'absent'), { document, refs: createSpecRefs(document) })).toEqual([]);
    expect(await fixtureDrift(shop, empty, { document, refs: createSpecRefs(document) })).toEqual([]);
    await rm(empty, { recursive: true });
  });
});
