import type { Customer } from '@portage/core';
import { describe, expect, it } from 'vitest';
import { fromCustomer } from './customers-export.js';
import { toCustomer } from './customers.js';

describe('fromCustomer', () => {
  it.each<[string, Customer, unknown]>([
    [
      'names joined, address in Stripe fields, absent parts left out',
      { id: 'c-1', firstName: 'Ada', lastName: 'King Lovelace', email: 'ada@example.com', phone: '+44 20 7946 0018', address: { line1: '12 St James Square', region: 'London', country: 'GB' } },
      { name: 'Ada King Lovelace', email: 'ada@example.com', phone: '+44 20 7946 0018', address: { line1: '12 St James Square', state: 'London', country: 'GB' } },
    ],
    ['the company name when there is no person name', { id: 'c-2', companyName: 'Acme Ltd' }, { name: 'Acme Ltd' }],
    // Sending "" would blank what Stripe holds: a missing or null field is not sent at all.
    ['nothing for fields the record lacks or nulls', { id: 'c-3', email: null, phone: null }, {}],
  ])('%s', (_name, customer, body) => {
    expect(fromCustomer(customer)).toEqual(body);
  });

  it('round-trips through toCustomer for the fields both sides have', () => {
    const customer: Customer = { id: 'cus_1', firstName: 'Grace', lastName: 'Hopper', email: 'grace@example.com', phone: null, address: { city: 'Arlington', country: 'US' } };
    const body = fromCustomer(customer);
    const raw = { id: 'cus_1', object: 'customer', created: 1717200000, livemode: false, name: body.name, email: body.email ?? null, phone: null, address: { line1: null, line2: null, postal_code: null, state: null, ...(body.address as object) } };
    expect(toCustomer(raw as Parameters<typeof toCustomer>[0])).toMatchObject({ firstName: 'Grace', lastName: 'Hopper', email: 'grace@example.com', address: { city: 'Arlington', country: 'US' } });
  });
});
