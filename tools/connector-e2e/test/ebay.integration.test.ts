import { randomBytes } from 'node:crypto';
import { ebay } from '@portage/connector-ebay';
import { type Credentials, type Order } from '@portage/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSpecSyncWorld, type SpecSyncWorld } from '../src/index.js';
import { CHANGED_SINCE, orders } from '../src/platforms/ebay/records.js';
import { ebayHandlers } from '../src/platforms/ebay/server.js';

// A valid, unexpired access token: no request goes to eBay's token endpoint.
const accessToken = randomBytes(24).toString('base64url');
const credentials: Credentials = {
  type: 'oauth2',
  clientId: 'portage-e2e-client',
  clientSecret: randomBytes(16).toString('hex'),
  refreshToken: randomBytes(32).toString('base64url'),
  accessToken,
  expiresAt: Date.now() + 2 * 60 * 60 * 1000,
};

const usd = (amount: number) => ({ amount, currency: 'USD' });

// Hand-computed from the fixtures: amounts in cents, the line price per unit.
const expectedFirst: Order = {
  id: '24-11702-33415',
  orderNumber: '1207',
  customerId: 'ada_lovelace_42',
  email: 'a3c7f1e2b8d94e0f@members.ebay.com',
  note: 'Please ship in a plain box.',
  status: 'open',
  financialStatus: 'paid',
  fulfillmentStatus: 'unfulfilled',
  lineItems: [
    {
      id: '10063412345001',
      productId: '334512345678',
      variantId: '623456789012',
      sku: 'TEE-ORG-BLK-L',
      name: 'Organic Cotton T-Shirt - Black',
      quantity: 2,
      price: usd(1999),
      total: usd(4813),
    },
  ],
  subtotal: usd(3998),
  totalShipping: usd(495),
  totalTax: usd(320),
  total: usd(4813),
  shippingAddress: { line1: '742 Evergreen Terrace', city: 'Springfield', region: 'OR', postalCode: '97477', country: 'US' },
  createdAt: '2024-06-04T16:20:11.000Z',
  updatedAt: '2024-06-04T16:21:40.000Z',
};

const expectedShipped: Order = {
  id: '24-11698-80213',
  orderNumber: '1206',
  customerId: 'grace.h',
  email: '5b1d0c9e7a2f4b61@members.ebay.com',
  status: 'closed',
  financialStatus: 'paid',
  fulfillmentStatus: 'fulfilled',
  lineItems: [
    { id: '10063412345002', productId: '334598765432', sku: 'MUG-ENAMEL-12OZ', name: 'Enamel Camp Mug 12 oz', quantity: 1, price: usd(2500), total: usd(2000) },
    { id: '10063412345003', productId: '334598765499', name: 'Vintage Road Map Print 8x10', quantity: 1, price: usd(3250), total: usd(3250) },
  ],
  subtotal: usd(5750),
  totalDiscount: usd(500),
  totalShipping: usd(0),
  total: usd(5250),
  shippingAddress: { line1: '12 Harbor Way', line2: 'Apt 4', city: 'Arlington', region: 'VA', postalCode: '22201', country: 'US' },
  createdAt: '2024-06-03T11:02:45.000Z',
  updatedAt: '2024-06-05T09:14:03.000Z',
};

describe('ebay orders against the pinned Sell Fulfillment spec', () => {
  let world: SpecSyncWorld;

  beforeAll(async () => {
    world = await startSpecSyncWorld({ platform: 'ebay', connector: ebay, credentials, handlers: ebayHandlers() });
  });

  afterAll(async () => {
    await world?.close();
  });

  const dataOf = async (entity: string, id: string) => (await world.records(entity)).find((record) => record.externalId === id)?.data;

  it('reads every order by following the absolute next hrefs, and stores them mapped', async () => {
    world.server.clear();
    const result = await world.sync('order', { pageSize: 3 });
    expect(result).toMatchObject({ pages: 3, created: 7, updated: 0, unchanged: 0, rejected: 0 });

    const stored = await world.records('order');
    expect(stored.map((record) => record.externalId)).toEqual(orders.map((order) => order.orderId).sort());
    expect(await dataOf('order', '24-11702-33415')).toEqual(expectedFirst);
    expect(await dataOf('order', '24-11698-80213')).toEqual(expectedShipped);
    expect(await dataOf('order', '24-11690-12007')).toMatchObject({ status: 'cancelled', financialStatus: 'refunded', cancelledAt: '2024-06-03T08:30:00.000Z' });
    expect(await dataOf('order', '24-11685-55521')).toMatchObject({
      fulfillmentStatus: 'partially_fulfilled',
      total: { amount: 5740, currency: 'EUR' },
      shippingAddress: { line1: 'Bunsenstraße 3', city: 'Göttingen', region: 'Niedersachsen', postalCode: '37073', country: 'DE' },
    });
    expect(await dataOf('order', '24-11680-40118')).toMatchObject({ status: 'open', financialStatus: 'pending' });
    expect(await dataOf('order', '24-11677-90342')).toMatchObject({ status: 'closed', shippingAddress: null });
    expect(await dataOf('order', '24-11671-01234')).toMatchObject({
      financialStatus: 'partially_refunded',
      lineItems: [{ quantity: 2, price: { amount: 1500, currency: 'GBP' }, total: { amount: 4260, currency: 'GBP' } }],
    });

    // The first request carries the page size; the next two are eBay's next hrefs, on this server.
    expect(world.server.requests.map((request) => [request.path, request.query])).toEqual([
      ['/sell/fulfillment/v1/order', { limit: '3' }],
      ['/sell/fulfillment/v1/order', { limit: '3', offset: '3' }],
      ['/sell/fulfillment/v1/order', { limit: '3', offset: '6' }],
    ]);
    expect(world.server.requests.map((request) => request.headers.authorization)).toEqual(Array(3).fill(`Bearer ${accessToken}`));
    world.server.assertNoViolations();
  });

  it('writes nothing when a re-sync finds the same orders', async () => {
    const countEvents = async () => (await world.database.db.selectFrom('change_events').select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow()).n;
    const eventsBefore = await countEvents();
    world.server.clear();
    const result = await world.sync('order', { pageSize: 3 });
    expect(result).toMatchObject({ pages: 3, created: 0, updated: 0, unchanged: 7, deleted: 0, rejected: 0 });
    expect(await countEvents()).toBe(eventsBefore);
    world.server.assertNoViolations();
  });

  it('an incremental read sends lastmodifieddate in the filter on every page, and stores only the orders changed since', async () => {
    world.server.clear();
    const result = await world.sync('order', { kind: 'incremental', since: CHANGED_SINCE, pageSize: 3 });
    expect(result).toMatchObject({ pages: 2, created: 0, unchanged: 4, rejected: 0 });
    const filter = `lastmodifieddate:[${CHANGED_SINCE}..]`;
    expect(world.server.requests.map((request) => request.query)).toEqual([
      { limit: '3', filter },
      { filter, limit: '3', offset: '3' },
    ]);
    world.server.assertNoViolations();
  });

  it('caps the page size at the 200 eBay accepts', async () => {
    world.server.clear();
    const result = await world.sync('order', { pageSize: 500 });
    expect(result).toMatchObject({ pages: 1, unchanged: 7 });
    expect(world.server.requests.map((request) => request.query)).toEqual([{ limit: '200' }]);
    world.server.assertNoViolations();
  });
});
