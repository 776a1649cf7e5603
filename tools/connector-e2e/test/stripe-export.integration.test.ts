import { randomBytes } from 'node:crypto';
import type { Customer } from '@portage/core';
import { stripe, type CustomersRecord } from '@portage/connector-stripe';
import type { TransportRequest } from '@portage/fetch';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createAnswerLoss, startSpecSyncWorld, type SpecSyncWorld } from '../src/index.js';
import { stripeCustomerWrites } from '../src/platforms/stripe/customer-writes.js';
import { stripeHandlers, stripeServed } from '../src/platforms/stripe/server.js';

// A test-mode-shaped secret key, made per run: no key-like literal in the sources.
const secretKey = ['sk', 'test', randomBytes(12).toString('hex')].join('_');
const served = stripeServed();
const loss = createAnswerLoss();

let world: SpecSyncWorld;

beforeAll(async () => {
  world = await startSpecSyncWorld({
    platform: 'stripe',
    connector: stripe,
    credentials: { type: 'bearer', token: secretKey },
    handlers: { ...stripeHandlers(served), ...stripeCustomerWrites(served) },
    // The connector keeps its real base URL; requests reach the spec server through this wrapper.
    transport: loss.wrap,
  });
});
afterAll(async () => world?.close());
beforeEach(() => world.server.clear());
// Every request the connector sent (form bodies included) and every answer conformed to the pinned spec.
afterEach(() => world.server.assertNoViolations());

const writesTo = (operation: string) => world.server.requests.filter((request) => request.operation === operation);
const customerOf = (id: string | undefined) => (served.customers as CustomersRecord[]).find((record) => record.id === id);
const isCreate = (request: TransportRequest) => request.method === 'POST' && new URL(request.url).pathname === '/v1/customers';

// Unified customers from another system, keyed there as crm-*.
const ada: Customer = {
  id: 'crm-ada',
  firstName: 'Ada',
  lastName: 'Lovelace',
  email: 'ada@example.com',
  phone: '+44 20 7946 0018',
  address: { line1: '12 St James Square', city: 'London', postalCode: 'SW1Y 4JH', country: 'GB' },
};

describe('stripe: exporting unified customers against the pinned Stripe spec', () => {
  it('creates a customer with a form body and an Idempotency-Key, updates it after a sync, and sends nothing for unchanged content', async () => {
    const created = await world.exportRecord({ entity: 'customers', localKey: ada.id, record: ada });
    expect(created).toMatchObject({ status: 'created', externalId: expect.stringMatching(/^cus_[0-9a-f]{14}$/) });

    const [create] = writesTo('POST /v1/customers');
    expect(create?.headers['content-type']).toBe('application/x-www-form-urlencoded');
    expect(create?.headers['idempotency-key']).toMatch(/\S{16,}/);
    // As the spec server read the form: bracketed address fields nested.
    expect(create?.body).toEqual({
      name: 'Ada Lovelace',
      email: 'ada@example.com',
      phone: '+44 20 7946 0018',
      address: { line1: '12 St James Square', city: 'London', postal_code: 'SW1Y 4JH', country: 'GB' },
    });
    expect(customerOf(created.externalId)).toMatchObject({ name: 'Ada Lovelace', email: 'ada@example.com', address: { city: 'London', state: null } });

    // The sync reads the new customer back; its mapping round-trips what the export wrote.
    await world.sync('customers');
    const synced = (await world.records('customers')).find((record) => record.externalId === created.externalId);
    expect(synced?.data).toMatchObject({ firstName: 'Ada', lastName: 'Lovelace', email: 'ada@example.com', address: ada.address });

    world.server.clear();
    const updated = await world.exportRecord({ entity: 'customers', localKey: ada.id, record: { ...ada, email: 'ada.lovelace@example.com' } });
    expect(updated).toEqual({ status: 'updated', externalId: created.externalId });
    // The conflict check reads the customer, then the update goes to its item path.
    expect(world.server.requests.map((request) => `${request.method} ${request.path}`)).toEqual([
      `GET /v1/customers/${created.externalId}`,
      `POST /v1/customers/${created.externalId}`,
    ]);
    expect(writesTo('POST /v1/customers/{customer}')[0]?.body).toMatchObject({ email: 'ada.lovelace@example.com' });
    expect(customerOf(created.externalId)?.email).toBe('ada.lovelace@example.com');

    world.server.clear();
    expect(await world.exportRecord({ entity: 'customers', localKey: ada.id, record: { ...ada, email: 'ada.lovelace@example.com' } })).toMatchObject({ status: 'unchanged' });
    expect(world.server.requests).toEqual([]);
  });

  it('retries a create whose answer was lost with the same Idempotency-Key: Stripe replays it, one customer exists', async () => {
    const before = served.customers.length;
    loss.loseNext(isCreate);
    const result = await world.exportRecord({ entity: 'customers', localKey: 'crm-grace', record: { id: 'crm-grace', firstName: 'Grace', lastName: 'Hopper' } });

    expect(result).toMatchObject({ status: 'created', recovered: true });
    const posts = writesTo('POST /v1/customers');
    expect(posts).toHaveLength(2);
    expect(posts[1]?.headers['idempotency-key']).toBe(posts[0]?.headers['idempotency-key']);
    expect(served.customers.length).toBe(before + 1);
    expect(customerOf(result.externalId)?.name).toBe('Grace Hopper');
  });

  it('a worker retry after every attempt lost its answer resends the same key and body, and still creates once', async () => {
    const before = served.customers.length;
    // Both attempts of the fetch client (the e2e world allows two) lose their answers.
    loss.loseNext(isCreate, 2);
    const record = { id: 'crm-katherine', firstName: 'Katherine', lastName: 'Johnson', email: 'kj@example.com' };
    await expect(world.exportRecord({ entity: 'customers', localKey: record.id, record })).rejects.toMatchObject({ code: 'NETWORK_ERROR' });
    expect(served.customers.length).toBe(before + 1);

    const retried = await world.exportRecord({ entity: 'customers', localKey: record.id, record });
    expect(retried).toMatchObject({ status: 'created', recovered: true });
    const keys = writesTo('POST /v1/customers').map((request) => request.headers['idempotency-key']);
    expect(keys).toHaveLength(3);
    expect(new Set(keys).size).toBe(1);
    expect(served.customers.length).toBe(before + 1);
  });
});
