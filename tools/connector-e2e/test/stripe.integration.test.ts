import { randomBytes } from 'node:crypto';
import { stripe } from '@portage/connector-stripe';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startSpecSyncWorld, type SpecSyncWorld } from '../src/index.js';
import * as fixtures from '../src/platforms/stripe/records.js';
import { stripeHandlers, stripeServed } from '../src/platforms/stripe/server.js';

type EntityName = keyof typeof stripe.entities;

// A test-mode-shaped secret key, made per run: no key-like literal in the sources.
const secretKey = ['sk', 'test', randomBytes(12).toString('hex')].join('_');

// What the handlers serve; tests may change it and restore it.
const served = stripeServed();

let world: SpecSyncWorld;

beforeAll(async () => {
  // One world (and one load of the 2.5 MB spec) for the whole file.
  world = await startSpecSyncWorld({
    platform: 'stripe',
    connector: stripe,
    credentials: { type: 'bearer', token: secretKey },
    handlers: stripeHandlers(served),
  });
});

afterAll(async () => {
  await world?.close();
});

beforeEach(() => world.server.clear());

afterEach(() => {
  // Every request the connector sent, and every response served, conformed to the pinned spec.
  world.server.assertNoViolations();
});

/** The query of every request for an entity's list, in order. */
function sentQueries(entity: EntityName): Record<string, string | string[]>[] {
  return world.server.requests.filter((request) => request.operation === `GET /v1/${entity}`).map((request) => request.query);
}

async function stored(entity: EntityName, id: string): Promise<unknown> {
  return (await world.records(entity)).find((record) => record.externalId === id)?.data;
}

describe('stripe connector against the pinned Stripe spec', () => {
  // prices: the tiered price has no single unit amount, so it is rejected, not stored.
  const cases = [
    { entity: 'charges', stored: 7, rejected: 0 },
    { entity: 'customers', stored: 5, rejected: 0 },
    { entity: 'invoices', stored: 5, rejected: 0 },
    { entity: 'products', stored: 4, rejected: 0 },
    { entity: 'prices', stored: 5, rejected: 1 },
  ] as const;

  it.each(cases)('$entity: pages with limit + starting_after, stores every record, and a re-sync changes nothing', async ({ entity, stored: count, rejected }) => {
    const ids = served[entity].map((record) => String(record.id));
    const first = await world.sync(entity, { pageSize: 2 });
    expect(first).toMatchObject({ pages: Math.ceil(ids.length / 2), created: count, updated: 0, unchanged: 0, deleted: 0, rejected });

    // Each page starts after the last id of the one before; the last page said has_more: false.
    const expectedQueries: Record<string, string>[] = [{ limit: '2' }];
    for (let last = 1; last + 1 < ids.length; last += 2) expectedQueries.push({ limit: '2', starting_after: ids[last]! });
    expect(sentQueries(entity)).toEqual(expectedQueries);
    expect(world.server.requests.every((request) => request.headers.authorization === `Bearer ${secretKey}`)).toBe(true);
    expect((await world.records(entity)).filter((record) => !record.deleted)).toHaveLength(count);

    const again = await world.sync(entity, { pageSize: 2 });
    expect(again).toMatchObject({ created: 0, updated: 0, unchanged: count, deleted: 0, rejected });
  });

  it('maps charges to Transactions: minor units as sent (ISK rescaled), uncaptured charges pending', async () => {
    await world.sync('charges');
    expect(await stored('charges', 'ch_3PMq1r2eZvKYlo2C1xYz0aBc')).toEqual({
      id: 'ch_3PMq1r2eZvKYlo2C1xYz0aBc',
      type: 'charge',
      status: 'succeeded',
      amount: { amount: 2660, currency: 'USD' },
      description: 'Invoice 4F2A91C3-0007',
      customerId: 'cus_Q7Lr3JqYz2AbCd',
      orderId: 'in_1PMq0x2eZvKYlo2CkLmNoPqR',
      createdAt: '2024-06-01T12:00:00.000Z',
    });
    expect(await stored('charges', 'ch_3PMpZk2eZvKYlo2C0pQrStUv')).toEqual({
      id: 'ch_3PMpZk2eZvKYlo2C0pQrStUv',
      type: 'charge',
      status: 'pending',
      amount: { amount: 1500, currency: 'ISK' },
      customerId: 'cus_Q7Kx9PmNb4EfGh',
      createdAt: '2024-06-01T09:00:00.000Z',
    });
    expect(await stored('charges', 'ch_3PLz4a2eZvKYlo2C1oPqRsTu')).toMatchObject({ status: 'succeeded', amount: { amount: 500, currency: 'JPY' } });
    expect(await stored('charges', 'ch_3PMoWd2eZvKYlo2C1aBcDeFg')).toMatchObject({ status: 'failed', amount: { amount: 4999, currency: 'EUR' } });
  });

  it('maps customers: the one name split in two, the address, explicit nulls kept', async () => {
    await world.sync('customers');
    expect(await stored('customers', 'cus_Q7Lr3JqYz2AbCd')).toEqual({
      id: 'cus_Q7Lr3JqYz2AbCd',
      email: 'ada@example.com',
      phone: '+44 20 7946 0018',
      firstName: 'Ada',
      lastName: 'King Lovelace',
      address: { line1: '12 St James Square', city: 'London', postalCode: 'SW1Y 4JH', country: 'GB' },
      createdAt: '2024-06-01T01:00:00.000Z',
    });
    expect(await stored('customers', 'cus_Q7Jw2LkMo6GhIj')).toEqual({ id: 'cus_Q7Jw2LkMo6GhIj', email: null, phone: null, createdAt: '2024-05-31T00:00:00.000Z' });
  });

  it('maps invoices: lines with tax, amount still due, partial payment and drafts', async () => {
    await world.sync('invoices');
    expect(await stored('invoices', 'in_1PMq0x2eZvKYlo2CkLmNoPqR')).toEqual({
      id: 'in_1PMq0x2eZvKYlo2CkLmNoPqR',
      number: '4F2A91C3-0007',
      type: 'receivable',
      contactId: 'cus_Q7Lr3JqYz2AbCd',
      status: 'paid',
      issueDate: '2024-06-01',
      dueDate: '2024-07-01',
      lineItems: [
        {
          id: 'il_1PMq0y2eZvKYlo2CaAbBcCdD',
          description: 'Pro plan (June)',
          quantity: 1,
          unitAmount: { amount: 2000, currency: 'USD' },
          amount: { amount: 2000, currency: 'USD' },
          taxAmount: { amount: 160, currency: 'USD' },
          itemId: 'prod_Q7Lq8ZxCvBnM01',
        },
        { id: 'il_1PMq0y2eZvKYlo2CiIjJkKlL', description: 'Setup fee', quantity: 1, amount: { amount: 500, currency: 'USD' } },
      ],
      subtotal: { amount: 2500, currency: 'USD' },
      totalTax: { amount: 160, currency: 'USD' },
      total: { amount: 2660, currency: 'USD' },
      amountDue: { amount: 0, currency: 'USD' },
      memo: 'June subscription',
      createdAt: '2024-06-01T10:00:00.000Z',
    });
    expect(await stored('invoices', 'in_1PMb7r2eZvKYlo2CsStTuUvV')).toEqual({
      id: 'in_1PMb7r2eZvKYlo2CsStTuUvV',
      number: '4F2A91C3-0006',
      type: 'receivable',
      contactId: 'cus_Q6Zt1WvUx8IjKl',
      status: 'partially_paid',
      issueDate: '2024-05-31',
      dueDate: '2024-06-14',
      lineItems: [
        {
          id: 'il_1PMb7s2eZvKYlo2CwWxXyYzZ',
          quantity: 2,
          unitAmount: { amount: 12500, currency: 'GBP' },
          amount: { amount: 25000, currency: 'GBP' },
          itemId: 'prod_Q6Yr6XwVuTs03',
        },
      ],
      subtotal: { amount: 25000, currency: 'GBP' },
      total: { amount: 25000, currency: 'GBP' },
      amountDue: { amount: 15000, currency: 'GBP' },
      createdAt: '2024-05-31T00:00:00.000Z',
    });
    expect(await stored('invoices', 'in_1PLz5t2eZvKYlo2CaBcDeFgH')).toMatchObject({
      number: null,
      status: 'draft',
      issueDate: '2024-05-30',
      total: { amount: 2500, currency: 'ISK' },
      amountDue: { amount: 2500, currency: 'ISK' },
    });
    expect(await stored('invoices', 'in_1PKw8u2eZvKYlo2CqRsTuVwX')).toMatchObject({ status: 'other' });
    expect(await stored('invoices', 'in_1PJa2v2eZvKYlo2CgHiJkLmN')).toMatchObject({ status: 'void' });
  });

  it('maps products (inactive = archived) and prices as Variants of their product', async () => {
    await world.sync('products');
    await world.sync('prices');
    expect(await stored('products', 'prod_Q7Lq8ZxCvBnM01')).toEqual({
      id: 'prod_Q7Lq8ZxCvBnM01',
      title: 'Pro plan',
      description: 'Everything in Basic, plus priority support.',
      status: 'active',
      createdAt: '2024-06-01T00:00:00.000Z',
      updatedAt: '2024-06-01T03:00:00.000Z',
    });
    expect(await stored('products', 'prod_PSq5WvUtSr04')).toEqual({
      id: 'prod_PSq5WvUtSr04',
      title: 'Legacy starter',
      description: null,
      status: 'archived',
      createdAt: '2024-02-02T00:00:00.000Z',
      updatedAt: '2024-05-22T00:00:00.000Z',
    });
    expect(await stored('prices', 'price_1PMq0a2eZvKYlo2CQwErTyUi')).toEqual({
      id: 'price_1PMq0a2eZvKYlo2CQwErTyUi',
      productId: 'prod_Q7Lq8ZxCvBnM01',
      sku: null,
      title: 'Pro monthly',
      price: { amount: 2000, currency: 'USD' },
      options: { interval: 'month', interval_count: '1' },
      createdAt: '2024-06-01T00:00:00.000Z',
    });
    expect(await stored('prices', 'price_1PLz3d2eZvKYlo2CPoIuYtRe')).toEqual({
      id: 'price_1PLz3d2eZvKYlo2CPoIuYtRe',
      productId: 'prod_Q6Zs7YxWvUt02',
      sku: null,
      price: { amount: 500, currency: 'JPY' },
      createdAt: '2024-05-30T00:00:00.000Z',
    });
    expect(await stored('prices', 'price_1PMe3c2eZvKYlo2CZxCvBnMl')).toBeUndefined();
  });

  it('asks for 100 records a page by default and caps a larger configured page size at 100', async () => {
    await world.sync('customers');
    await world.sync('customers', { pageSize: 500 });
    expect(sentQueries('customers')).toEqual([{ limit: '100' }, { limit: '100' }]);
  });

  it.each(Object.keys(served) as EntityName[])('%s: has no modified-since filter, so an incremental read is refused before any request', async (entity) => {
    expect(stripe.entities[entity].incremental).toBeUndefined();
    await expect(world.sync(entity, { kind: 'incremental', since: '2024-06-01T00:00:00Z' })).rejects.toMatchObject({ code: 'CONFIG_INVALID' });
    expect(world.server.requests).toEqual([]);
  });

  it('a full re-sync picks up changed records and sweeps deleted ones', async () => {
    await world.sync('customers');
    const [ada, ...others] = fixtures.customers;
    const gone = others.at(-1)!;
    served.customers = [{ ...ada!, email: 'ada.lovelace@example.com' }, ...others.slice(0, -1)];
    try {
      const result = await world.sync('customers', { pageSize: 2 });
      expect(result).toMatchObject({ created: 0, updated: 1, unchanged: 3, deleted: 1 });
      expect(await stored('customers', ada!.id)).toMatchObject({ email: 'ada.lovelace@example.com' });
      expect((await world.records('customers')).find((record) => record.externalId === gone.id)?.deleted).toBe(true);
    } finally {
      served.customers = [...fixtures.customers];
    }
  });
});
