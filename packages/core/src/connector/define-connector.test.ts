import { describe, expect, expectTypeOf, it } from 'vitest';
import type { Customer } from '../unified/index.js';
import { defineConnector } from './define-connector.js';
import { defineEntity } from './define-entity.js';

interface RawCustomer {
  id: string;
  email: string | null;
  created: number;
}

const customers = defineEntity<RawCustomer, 'Customer'>({
  unified: 'Customer',
  request: { path: '/v1/customers', query: { limit: 100 } },
  recordsPath: 'data',
  pagination: { type: 'last_id', idPath: 'id', token: { in: 'query', name: 'starting_after' }, stop: { hasMorePath: 'has_more' } },
  incremental: { in: 'query', name: 'created[gte]', format: 'unix' },
  primaryKey: 'id',
  map: (raw) => ({ id: raw.id, email: raw.email ?? undefined, createdAt: new Date(raw.created * 1000).toISOString() }),
});

describe('defineEntity', () => {
  it('fills defaults and keeps the mapper', () => {
    expect(customers.request.method).toBe('GET');
    expect(customers.format).toEqual({ type: 'json' });
    expect(customers.incremental?.format).toBe('unix');
    expect(customers.map({ id: 'cus_1', email: null, created: 0 })).toEqual({ id: 'cus_1', createdAt: '1970-01-01T00:00:00.000Z' });
    expectTypeOf(customers.map).returns.toEqualTypeOf<Customer | Customer[]>();
  });

  it.each([
    ['an unknown pagination type', { pagination: { type: 'magic' } }, 'pagination.type'],
    ['a path without a leading slash', { request: { path: 'v1/x' } }, 'request.path'],
    ['a token placed nowhere', { pagination: { type: 'cursor', cursorPath: 'next', token: { in: 'cookie', name: 'c' } } }, 'pagination.token.in'],
    ['an unknown unified entity', { unified: 'Widget' }, 'unified'],
  ])('rejects %s, naming the field', (_label, patch, field) => {
    const definition = { ...customers, map: customers.map, ...patch } as unknown as Parameters<typeof defineEntity>[0];
    expect(() => defineEntity(definition)).toThrow(expect.objectContaining({ code: 'CONFIG_INVALID', message: expect.stringContaining(field) }));
  });
});

describe('defineConnector', () => {
  it('validates config and keeps entities', () => {
    const connector = defineConnector({
      name: 'stripe',
      baseUrl: 'https://api.stripe.com',
      auth: { type: 'bearer' },
      entities: { customers },
    });
    expect(connector.errors).toEqual({ rules: [] });
    expect(connector.entities.customers).toBe(customers);
  });

  it.each([
    ['a bad name', { name: 'Stripe API' }, 'name'],
    ['a relative base URL', { baseUrl: '/api' }, 'baseUrl'],
    ['an unknown error code', { errors: { rules: [{ status: 402, code: 'PAYMENT_NEEDED' }] } }, 'errors.rules.0.code'],
    ['oauth2 without a token URL', { auth: { type: 'oauth2', grant: 'refresh_token' } }, 'auth.tokenUrl'],
  ])('rejects %s, naming the field', (_label, patch, field) => {
    const definition = { name: 'x', baseUrl: 'https://x.test', auth: { type: 'none' }, entities: { customers }, ...patch };
    expect(() => defineConnector(definition as Parameters<typeof defineConnector>[0])).toThrow(
      expect.objectContaining({ code: 'CONFIG_INVALID', message: expect.stringContaining(field) }),
    );
  });

  it('rejects a connector without entities', () => {
    expect(() => defineConnector({ name: 'x', baseUrl: 'https://x.test', auth: { type: 'none' }, entities: {} })).toThrow(
      expect.objectContaining({ code: 'CONFIG_INVALID' }),
    );
  });
});
