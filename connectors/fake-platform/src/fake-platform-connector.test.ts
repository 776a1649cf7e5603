import { validateUnified, type Customer } from '@portage/core';
import { describe, expect, it } from 'vitest';
import { createFakePlatformConnector, customers, fakePlatform, fromCustomer } from './fake-platform-connector.js';

const raw = { id: 'rec_0000007', updated_at: '2026-01-01T00:00:07.000Z', name: 'Customer 7', email: 'c7@example.test', amount: 55433, currency: 'USD', status: 'void', note: '' };

describe('fake platform connector', () => {
  it('maps a record to a valid unified Customer', () => {
    const mapped = customers.map(raw);
    expect(validateUnified('Customer', mapped)).toEqual({
      id: 'rec_0000007',
      firstName: 'Customer',
      lastName: '7',
      email: 'c7@example.test',
      status: 'disabled',
      updatedAt: '2026-01-01T00:00:07.000Z',
      tags: ['void'],
    });
  });

  it('an unknown platform status maps to other', () => {
    expect(customers.map({ ...raw, status: 'frozen' })).toMatchObject({ status: 'other' });
  });

  it('declares its entity with last-id paging and a modified-since filter', () => {
    expect(fakePlatform.entities.customers.pagination.type).toBe('last_id');
    expect(fakePlatform.entities.customers.incremental).toMatchObject({ in: 'query', name: 'updated_since' });
  });
});

describe('payments entity', () => {
  it('maps integer cents to exact minor units', async () => {
    const { payments } = await import('./fake-platform-connector.js');
    expect(validateUnified('Transaction', payments.map({ ...raw, amount: 55433, status: 'paid' }))).toMatchObject({
      type: 'charge',
      status: 'succeeded',
      amount: { amount: 55433, currency: 'USD' },
    });
  });
});

describe('customer export', () => {
  it('writes a synced customer back as the platform record it came from', () => {
    expect(fromCustomer(customers.map(raw) as Customer)).toEqual({ name: raw.name, email: raw.email, status: raw.status });
  });

  it('maps a new customer without tags from its unified status', () => {
    expect(fromCustomer({ id: 'crm-1', firstName: 'Ada', email: 'ada@example.test', status: 'disabled' })).toEqual({ name: 'Ada', email: 'ada@example.test', status: 'void' });
  });

  it('declares create, update, read, an idempotency header and a lookup; without keys only the lookup', () => {
    expect(customers.export).toMatchObject({ create: { method: 'POST', path: '/records' }, update: { method: 'PATCH', path: '/records/{id}' }, read: { path: '/records/{id}' }, idempotencyHeader: 'Idempotency-Key' });
    const withoutKeys = createFakePlatformConnector('http://127.0.0.1', { idempotency: false }).entities.customers;
    expect(withoutKeys.export?.idempotencyHeader).toBeUndefined();
    expect(withoutKeys.export?.lookup?.query({ id: 'x', email: 'ada@example.test' })).toEqual({ email: 'ada@example.test' });
  });
});
