import { describe, expect, expectTypeOf, it } from 'vitest';
import type { Customer } from '../unified/index.js';
import { defineEntity, type EntityDefinition } from './define-entity.js';
import type { EntityExport } from './define-export.js';

interface RawCustomer {
  id: string;
  email: string;
  updated_at: string;
}
interface CustomerCreate {
  email: string;
}

const fromCustomer = (record: Customer): CustomerCreate => ({ email: record.email ?? '' });

const base: EntityDefinition<RawCustomer, 'Customer'> = {
  unified: 'Customer',
  request: { path: '/customers' },
  recordsPath: 'data',
  pagination: { type: 'none' },
  primaryKey: 'id',
  updatedAtPath: 'updated_at',
  map: (raw) => ({ id: raw.id, email: raw.email, createdAt: raw.updated_at }),
};

const customerExport: EntityExport<'Customer', CustomerCreate> = {
  create: { method: 'POST', path: '/customers', from: fromCustomer },
  update: { method: 'PATCH', path: '/customers/{id}', bodyFormat: 'form', from: fromCustomer },
  read: { path: '/customers/{id}' },
  idempotencyHeader: 'Idempotency-Key',
};

describe('defineEntity export', () => {
  it('keeps the export declaration, typed by the unified entity', () => {
    const customers = defineEntity({ ...base, export: customerExport });
    expect(customers.export).toBe(customerExport);
    expect(customers.export?.create?.from({ id: 'c1', email: 'a@example.test', createdAt: '2024-01-01T00:00:00Z' })).toEqual({ email: 'a@example.test' });
    expectTypeOf(customerExport.create!.from).parameter(0).toEqualTypeOf<Customer>();
  });

  it('leaves export out when none is declared', () => {
    expect('export' in defineEntity(base)).toBe(false);
  });

  it.each([
    ['neither create nor update', { read: { path: '/customers/{id}' } }, 'create/update'],
    ['a create without from', { create: { method: 'POST', path: '/customers' } }, 'create.from'],
    ['an update path without a leading slash', { update: { method: 'PATCH', path: 'customers/{id}', from: fromCustomer } }, 'update.path'],
    ['an unknown method', { create: { method: 'DELETE', path: '/customers', from: fromCustomer } }, 'create.method'],
    ['a read without {id}', { create: customerExport.create, read: { path: '/customers' } }, 'read.path'],
    ['an unknown body format', { create: { method: 'POST', path: '/c', bodyFormat: 'xml', from: fromCustomer } }, 'create.bodyFormat'],
  ])('rejects %s, naming the field', (_label, entityExport, field) => {
    const definition = { ...base, export: entityExport } as unknown as EntityDefinition<RawCustomer, 'Customer'>;
    expect(() => defineEntity(definition)).toThrow(expect.objectContaining({ code: 'CONFIG_INVALID', message: expect.stringContaining(`export.${field}`) }));
  });
});
