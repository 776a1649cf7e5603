import { randomBytes } from 'node:crypto';
import { square, type Square } from '@portage/connector-square';
import type { Connector, Customer, Order, Product, Variant } from '@portage/core';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startSpecSyncWorld, type SpecSyncWorld } from '../src/index.js';
import {
  CATALOG,
  CUSTOMER_GRACE,
  ITEM_CAKE,
  ITEM_LATTE,
  LOCATION_MAIN,
  LOCATION_POPUP,
  ORDER_OPEN,
  ORDER_PAID,
  ORDER_REFUNDED,
  ORDERS,
} from '../src/platforms/square/records.js';
import { cursorFor, squareHandlers, squareState } from '../src/platforms/square/server.js';

// A Square connection's tenant holds its location ids.
const TENANT = `${LOCATION_MAIN},${LOCATION_POPUP}`;
const ACCESS_TOKEN = `EAAA${randomBytes(24).toString('base64url')}`;

const state = squareState();

const usd = (amount: number) => ({ amount, currency: 'USD' });

let world: SpecSyncWorld;

beforeAll(async () => {
  const connector: Connector = square;
  // The access token below is valid, so no token request should be made; if one were, it fails here instead of reaching Square.
  const auth = connector.auth.type === 'oauth2' ? { ...connector.auth, tokenUrl: 'http://127.0.0.1:9/oauth2/token' } : connector.auth;
  world = await startSpecSyncWorld({
    platform: 'square',
    connector: { ...connector, auth },
    tenant: TENANT,
    credentials: {
      type: 'oauth2',
      clientId: 'sq0idp-portage-e2e',
      clientSecret: randomBytes(16).toString('hex'),
      refreshToken: randomBytes(16).toString('hex'),
      accessToken: ACCESS_TOKEN,
      expiresAt: Date.now() + 24 * 3600_000,
    },
    handlers: squareHandlers(state),
  });
});

afterAll(async () => {
  await world?.close();
});

beforeEach(() => world.server.clear());

async function stored(entity: string) {
  const rows = await world.records(entity);
  return new Map(rows.map((row) => [row.externalId, row]));
}

async function runCounts(runId: string) {
  const rows = await world.database.db.selectFrom('sync_run_entities').selectAll().where('run_id', '=', runId).orderBy('entity').execute();
  return Object.fromEntries(rows.map((row) => [row.entity, { created: row.created, updated: row.updated, unchanged: row.unchanged, errors: row.errors.length }]));
}

function expectAuthenticated() {
  expect(world.server.requests.length).toBeGreaterThan(0);
  for (const request of world.server.requests) {
    expect(request.headers.authorization).toBe(`Bearer ${ACCESS_TOKEN}`);
    expect(request.headers['square-version']).toBe('2021-08-18');
  }
}

describe('square connector against the pinned Square spec', () => {
  it('syncs orders of the connection locations over 3 cursor pages, sorted by updated_at', async () => {
    const result = await world.sync('orders', { pageSize: 2 });

    expect(result).toMatchObject({ pages: 3, created: 6, updated: 0, rejected: 0 });
    const records = await stored('orders');
    // The 7th order is at a location the connection does not read.
    expect([...records.keys()].sort()).toEqual(ORDERS.filter((order) => order.location_id !== 'LQ5C2H8DK3F9S').map((order) => order.id).sort());
    const paid: Order = {
      id: ORDER_PAID.id!,
      createdAt: '2024-05-02T09:14:03.112Z',
      updatedAt: '2024-05-02T09:15:41.000Z',
      customerId: 'JDKYHBWT1D4F8MFH63DBMEN8Y4',
      status: 'closed',
      financialStatus: 'paid',
      lineItems: [
        { id: 'e0tJk1QBSOd8yFq0c8Lz1C', variantId: 'W62UWFY35CWMYGVWK6TWJDNI', name: 'Latte', quantity: 2, price: usd(450), totalDiscount: usd(0), totalTax: usd(80), total: usd(980) },
        { id: 'Vb2yq6rUj0PA5ylTDKnmN', variantId: 'AII4WFGTUXQWMHZZB5ZGVHDP', name: 'Croissant', quantity: 1, price: usd(375), totalDiscount: usd(75), totalTax: usd(27), total: usd(327) },
      ],
      subtotal: usd(1275),
      totalDiscount: usd(75),
      totalTax: usd(107),
      total: usd(1307),
    };
    expect(records.get(ORDER_PAID.id!)?.data).toEqual(paid);
    const refunded: Order = {
      id: ORDER_REFUNDED.id!,
      createdAt: '2024-05-05T15:02:10.000Z',
      updatedAt: '2024-05-07T10:00:00.000Z',
      customerId: 'JDKYHBWT1D4F8MFH63DBMEN8Y4',
      status: 'closed',
      financialStatus: 'partially_refunded',
      lineItems: [{ id: 'cndl', variantId: 'CANDLE-FIG-VAR', name: 'Fig candle', quantity: 2, price: usd(2200), totalDiscount: usd(0), totalTax: usd(352), total: usd(4752) }],
      subtotal: usd(4400),
      totalDiscount: usd(0),
      totalTax: usd(352),
      total: usd(4752),
    };
    expect(records.get(ORDER_REFUNDED.id!)?.data).toEqual(refunded);
    expect(records.get(ORDER_OPEN.id!)?.data).toMatchObject({
      status: 'open',
      financialStatus: 'pending',
      shippingAddress: { line1: '500 Elm Street', line2: 'Apt 4', city: 'Arlington', region: 'VA', postalCode: '22201', country: 'US' },
    });
    expect(records.get('Zm8pN3cXv1Bq6wRt5Ys0LkJh2aZY')?.data).toMatchObject({ status: 'cancelled', financialStatus: 'voided', cancelledAt: '2024-05-04T11:30:00.000Z' });
    expect(records.get('Pp3sL8kJ1hG6fD4sA9qW2eR5aZY')?.data).toMatchObject({ financialStatus: 'partially_paid' });

    const bodies = world.server.requests.map((request) => request.body as Square['SearchOrdersRequest']);
    expect(bodies.map((body) => body.cursor)).toEqual([undefined, cursorFor(2), cursorFor(4)]);
    for (const body of bodies) {
      expect(body).toMatchObject({ location_ids: [LOCATION_MAIN, LOCATION_POPUP], limit: 2, query: { sort: { sort_field: 'UPDATED_AT', sort_order: 'ASC' } } });
      expect(body.query?.filter).toBeUndefined();
    }
    expectAuthenticated();
    world.server.assertNoViolations();
  });

  it('syncs catalog ITEMs as products and stitches their variations, rejecting only the variable-priced one', async () => {
    const result = await world.sync('catalog');

    expect(result).toMatchObject({ pages: 3, created: 5, rejected: 0 });
    expect(await runCounts(result.runId)).toMatchObject({ catalog: { created: 5, errors: 0 }, variations: { created: 8, errors: 1 } });
    const products = await stored('catalog');
    expect([...products.keys()].sort()).toEqual(CATALOG.filter((object) => object.type === 'ITEM').map((object) => object.id).sort());
    const latte: Product = { id: ITEM_LATTE.id, updatedAt: '2024-04-20T12:00:00.000Z', title: 'Latte', status: 'active', productType: 'REGULAR' };
    expect(products.get(ITEM_LATTE.id)?.data).toEqual(latte);

    const variations = await stored('variations');
    expect(variations.size).toBe(8);
    expect(variations.has('CAKE-CUSTOM-VAR')).toBe(false);
    const large: Variant = {
      id: 'W62UWFY35CWMYGVWK6TWJDNI',
      updatedAt: '2024-04-20T12:00:00.000Z',
      productId: ITEM_LATTE.id,
      sku: 'LAT-LRG',
      title: 'Large',
      price: usd(450),
      barcode: '012345678905',
    };
    expect(variations.get('W62UWFY35CWMYGVWK6TWJDNI')?.data).toEqual(large);
    expect(variations.get('CAKE-SMALL-VAR')?.data).toEqual({ id: 'CAKE-SMALL-VAR', updatedAt: '2024-04-20T12:00:00.000Z', productId: ITEM_CAKE.id, sku: null, title: '6 inch', price: usd(3200) });

    // Only ITEM objects were asked for, page after page; catalog/list takes no page size.
    expect(world.server.requests.map((request) => request.query)).toEqual([{ types: 'ITEM' }, { types: 'ITEM', cursor: cursorFor(2) }, { types: 'ITEM', cursor: cursorFor(4) }]);
    expectAuthenticated();
    world.server.assertNoViolations();
  });

  it('syncs customers over 3 pages with the configured limit', async () => {
    const result = await world.sync('customers', { pageSize: 2 });

    expect(result).toMatchObject({ pages: 3, created: 5, rejected: 0 });
    const customers = await stored('customers');
    expect(customers.size).toBe(5);
    const grace: Customer = {
      id: CUSTOMER_GRACE.id!,
      createdAt: '2024-01-15T10:20:30.123Z',
      updatedAt: '2024-03-02T08:00:00Z',
      email: 'grace@example.com',
      phone: '+1-703-555-0100',
      firstName: 'Grace',
      lastName: 'Hopper',
      address: { line1: '500 Elm Street', line2: 'Apt 4', city: 'Arlington', region: 'VA', postalCode: '22201', country: 'US' },
      acceptsMarketing: true,
    };
    expect(customers.get(CUSTOMER_GRACE.id!)?.data).toEqual(grace);
    expect(customers.get('JDKYHBWT1D4F8MFH63DBMEN8Y4')?.data).toMatchObject({ companyName: 'Analytical Engines Ltd', acceptsMarketing: false });
    expect(world.server.requests.map((request) => request.query)).toEqual([{ limit: '2' }, { limit: '2', cursor: cursorFor(2) }, { limit: '2', cursor: cursorFor(4) }]);
    expectAuthenticated();
    world.server.assertNoViolations();
  });

  it('a second full sync finds every record unchanged and writes nothing', async () => {
    const before = await Promise.all(['orders', 'catalog', 'variations', 'customers'].map((entity) => world.records(entity)));

    const orders = await world.sync('orders', { pageSize: 2 });
    const catalog = await world.sync('catalog');
    const customers = await world.sync('customers', { pageSize: 2 });

    expect(orders).toMatchObject({ created: 0, updated: 0, unchanged: 6, deleted: 0 });
    expect(catalog).toMatchObject({ created: 0, updated: 0, unchanged: 5, deleted: 0 });
    expect((await runCounts(catalog.runId)).variations).toMatchObject({ created: 0, updated: 0, unchanged: 8 });
    expect(customers).toMatchObject({ created: 0, updated: 0, unchanged: 5, deleted: 0 });
    expect(await Promise.all(['orders', 'catalog', 'variations', 'customers'].map((entity) => world.records(entity)))).toEqual(before);
    world.server.assertNoViolations();
  });

  it('an incremental orders sync filters by updated_at in the body and returns only the changed order', async () => {
    state.orders = ORDERS.map((order) =>
      order.id === ORDER_OPEN.id
        ? { ...order, state: 'COMPLETED', version: 3, updated_at: '2024-06-10T09:00:00.000Z', closed_at: '2024-06-10T09:00:00.000Z', tenders: [{ id: 'tndQh2', location_id: LOCATION_MAIN, type: 'CARD', amount_money: usd(6000) }] }
        : order,
    );

    const result = await world.sync('orders', { kind: 'incremental', since: '2024-06-01T00:00:00.000Z' });

    expect(result).toMatchObject({ pages: 1, created: 0, updated: 1, unchanged: 0, deleted: 0 });
    expect(world.server.requests).toHaveLength(1);
    expect(world.server.requests[0]!.body).toEqual({
      limit: 100,
      location_ids: [LOCATION_MAIN, LOCATION_POPUP],
      query: { sort: { sort_field: 'UPDATED_AT', sort_order: 'ASC' }, filter: { date_time_filter: { updated_at: { start_at: '2024-06-01T00:00:00.000Z' } } } },
    });
    const records = await stored('orders');
    expect(records.get(ORDER_OPEN.id!)?.data).toMatchObject({ status: 'closed', financialStatus: 'paid', updatedAt: '2024-06-10T09:00:00.000Z' });
    expect(records.get(ORDER_PAID.id!)?.data).toMatchObject({ updatedAt: '2024-05-02T09:15:41.000Z' });
    expectAuthenticated();
    world.server.assertNoViolations();
  });

  it('an incremental sync with no changes reads Square\'s empty `{}` answer as nothing to do', async () => {
    const before = await world.records('orders');

    const result = await world.sync('orders', { kind: 'incremental', since: '2024-07-01T00:00:00.000Z' });

    expect(result).toMatchObject({ pages: 1, created: 0, updated: 0, unchanged: 0, deleted: 0 });
    expect(world.server.requests.map((request) => request.status)).toEqual([200]);
    expect(await world.records('orders')).toEqual(before);
    world.server.assertNoViolations();
  });
});
