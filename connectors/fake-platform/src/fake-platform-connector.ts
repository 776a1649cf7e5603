import { defineConnector, defineEntity, toMinorUnits } from '@portage/core';

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

/**
 * Customers in the last-id (Stripe-like) paging style, with a modified-since filter.
 *
 * @example for await (const page of client.paginate(fakePlatform.entities.customers)) ...
 */
export const customers = defineEntity<FakeCustomerRecord, 'Customer'>({
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
});

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
export const createFakePlatformConnector = (baseUrl: string) =>
  defineConnector({
    name: 'fake-platform',
    baseUrl,
    auth: { type: 'api_key', in: 'header', name: 'X-Api-Key' },
    defaults: { concurrency: 5 },
    errors: { messagePath: 'error.message', rules: [] },
    entities: { customers, payments },
  });

export const fakePlatform = createFakePlatformConnector('http://127.0.0.1');
