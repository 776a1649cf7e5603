import { defineEntity, type Entity, type TenantPlacement } from '@portage/core';
import { describe, expect, it } from 'vitest';
import { applyTenant } from './apply-tenant.js';

const entity = defineEntity({
  unified: 'Order',
  request: { method: 'POST', path: '/orders/search', query: { limit: 10 }, body: { query: { sort: 'asc' } } },
  recordsPath: 'orders',
  pagination: { type: 'none' },
  primaryKey: 'id',
  map: () => ({ id: 'x', status: 'open', lineItems: [], subtotal: { amount: 0, currency: 'USD' }, total: { amount: 0, currency: 'USD' } }),
});

describe('applyTenant', () => {
  it.each<[string, TenantPlacement | undefined, string, (e: Entity) => unknown, unknown]>([
    ['no placement keeps the entity', undefined, 'acme', (e) => e, entity],
    ['a header', { in: 'header', name: 'xero-tenant-id' }, 'org-1', (e) => e.request.headers, { 'xero-tenant-id': 'org-1' }],
    ['a query parameter, next to the others', { in: 'query', name: 'shop' }, 'acme', (e) => e.request.query, { limit: 10, shop: 'acme' }],
    ['a body field', { in: 'body', name: 'account.id' }, 'acc_1', (e) => e.request.body, { query: { sort: 'asc' }, account: { id: 'acc_1' } }],
    ['a list into the body', { in: 'body', name: 'location_ids', list: true }, 'L1, L2,', (e) => e.request.body, { query: { sort: 'asc' }, location_ids: ['L1', 'L2'] }],
  ])('%s', (_label, placement, tenant, pick, want) => {
    expect(pick(applyTenant(entity, placement, tenant))).toEqual(want);
  });
});
