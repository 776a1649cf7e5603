import { defineConnector, defineEntity, toMinorUnits, type Customer, type EntityDefinition, type EntityExport } from '@portage/core';
import { fakePlatformWebhooks } from './webhooks.js';

/** A record as the fake platform serves it. */
export interface FakeCustomerRecord {
  id: string;
  updated_at: string;
  name: string;
  email: string;
  amount: number;
  currency: string;
  status: string;
  note: string;
}

const STATUS = { open: 'active', paid: 'active', void: 'disabled', refunded: 'disabled' } as const;
const PLATFORM_STATUS = { active: 'open', disabled: 'void' } as const;

/** The body of the platform's customer create and update (`POST /records`, `PATCH /records/:id`). */
export interface FakeCustomerWrite {
  name?: string;
  email?: string;
  status?: string;
}

/**
 * The reverse mapping: a unified Customer as the platform's write body. The platform status
 * travels in `tags` (see `map`), so a synced customer written back keeps its exact status.
 *
 * @example fromCustomer({ id: 'crm-1', firstName: 'Ada', lastName: 'Lovelace', email: 'ada@example.test' }); // { name: 'Ada Lovelace', email: 'ada@example.test' }
 */
export function fromCustomer(customer: Customer): FakeCustomerWrite {
  const name = [customer.firstName, customer.lastName].filter((part) => part !== undefined && part !== '').join(' ');
  const status = customer.tags?.find((tag) => tag in STATUS) ?? (customer.status && customer.status in PLATFORM_STATUS ? PLATFORM_STATUS[customer.status as keyof typeof PLATFORM_STATUS] : undefined);
  return {
    ...(name !== '' && { name }),
    ...(typeof customer.email === 'string' && { email: customer.email }),
    ...(status !== undefined && { status }),
  };
}

/**
 * How customers are written back: create and update one record per request, keyed by
 * `Idempotency-Key`; the email finds a record a lost create made when keys are off.
 *
 * @example await exportRecord(context, { connectionId, entity: 'customers', localKey: 'crm-1', record });
 */
export const customerExport: EntityExport<'Customer', FakeCustomerWrite> = {
  create: { method: 'POST', path: '/records', from: fromCustomer },
  update: { method: 'PATCH', path: '/records/{id}', from: fromCustomer },
  read: { path: '/records/{id}' },
  idempotencyHeader: 'Idempotency-Key',
  lookup: { path: '/records', query: (customer) => ({ email: customer.email ?? '' }), recordsPath: 'data' },
};

/**
 * Customers in the last-id (Stripe-like) paging style, with a modified-since filter.
 *
 * @example for await (const page of client.paginate(fakePlatform.entities.customers)) ...
 */
const customersDefinition: EntityDefinition<FakeCustomerRecord, 'Customer'> = {
  unified: 'Customer',
  request: { path: '/last_id/records', query: { limit: 500 } },
  pageSize: { param: { in: 'query', name: 'limit' }, max: 1000 },
  recordsPath: 'data',
  pagination: { type: 'last_id', idPath: 'id', token: { in: 'query', name: 'starting_after' }, stop: { hasMorePath: 'has_more' } },
  incremental: { in: 'query', name: 'updated_since', format: 'iso8601' },
  primaryKey: 'id',
  updatedAtPath: 'updated_at',
  deletions: {
    request: { path: '/deleted' },
    recordsPath: 'data',
    idPath: 'id',
    pagination: { type: 'none' },
    incremental: { in: 'query', name: 'since', format: 'iso8601' },
  },
  map: (raw) => {
    const [firstName, ...rest] = raw.name.split(' ');
    return {
      id: raw.id,
      firstName: firstName ?? raw.name,
      lastName: rest.join(' ') || undefined,
      email: raw.email,
      status: STATUS[raw.status as keyof typeof STATUS] ?? 'other',
      updatedAt: raw.updated_at,
      tags: [raw.status],
    };
  },
  export: customerExport,
};

/**
 * The customers entity, read and written back.
 *
 * @example const customer = customers.map(raw); customers.export?.create?.from(customer);
 */
export const customers = defineEntity(customersDefinition);

const PAYMENT_STATUS = { open: 'pending', paid: 'succeeded', void: 'failed', refunded: 'succeeded' } as const;

/**
 * The same records read as payments, in the cursor paging style.
 *
 * @example for await (const page of client.paginate(fakePlatform.entities.payments)) ...
 */
export const payments = defineEntity<FakeCustomerRecord, 'Transaction'>({
  unified: 'Transaction',
  request: { path: '/cursor/records', query: { limit: 500 } },
  pageSize: { param: { in: 'query', name: 'limit' }, max: 1000 },
  recordsPath: 'data',
  pagination: { type: 'cursor', cursorPath: 'next_cursor', token: { in: 'query', name: 'cursor' } },
  incremental: { in: 'query', name: 'updated_since', format: 'iso8601' },
  primaryKey: 'id',
  updatedAtPath: 'updated_at',
  map: (raw) => ({
    id: raw.id,
    type: raw.status === 'refunded' ? 'refund' : 'charge',
    status: PAYMENT_STATUS[raw.status as keyof typeof PAYMENT_STATUS] ?? 'pending',
    // The platform sends integer cents; the string form keeps the conversion exact.
    amount: toMinorUnits((raw.amount / 100).toFixed(2), raw.currency),
    customerId: raw.id,
    updatedAt: raw.updated_at,
  }),
});

/**
 * The connector for `@portage/fake-platform`: what a generated-then-completed connector looks
 * like, small enough to read in one go. The platform listens on a port chosen at start, hence
 * the base URL parameter.
 *
 * @example const connector = createFakePlatformConnector(platform.url);
 */
export const createFakePlatformConnector = (baseUrl: string, options: { idempotency?: boolean } = {}) =>
  defineConnector({
    name: 'fake-platform',
    baseUrl,
    auth: { type: 'api_key', in: 'header', name: 'X-Api-Key' },
    defaults: { concurrency: 5 },
    errors: { messagePath: 'error.message', rules: [] },
    webhooks: fakePlatformWebhooks,
    entities: {
      // Without keys, a lost create is found again by the lookup instead.
      customers: options.idempotency === false ? defineEntity({ ...customersDefinition, export: { ...customerExport, idempotencyHeader: undefined } }) : customers,
      payments,
    },
  });

export const fakePlatform = createFakePlatformConnector('http://127.0.0.1');
