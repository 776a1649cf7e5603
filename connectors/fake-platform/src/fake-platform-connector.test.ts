import { validateUnified } from '@portage/core';
import { describe, expect, it } from 'vitest';
import { customers, fakePlatform } from './fake-platform-connector.js';

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
