import type { UnifiedEntityName } from '@portage/core';
import { describe, expect, it } from 'vitest';
import type { ListEndpoint } from '../model.js';
import { suggestEntities } from './choose-entities.js';
import { entityNameOf } from './names.js';

const endpoint = (path: string, unified: UnifiedEntityName | null, score = 0.8, confidence = 0.9): ListEndpoint => ({
  method: 'GET',
  path,
  records: 'data',
  pagination: { type: 'none' },
  incremental: null,
  primaryKey: 'id',
  confidence,
  evidence: [],
  suggestedEntity: unified === null ? null : { name: unified, score },
});

describe('entityNameOf', () => {
  it.each([
    ['/v1/charges', 'charges'],
    ['/v1/payment_intents', 'paymentIntents'],
    ['/api.xro/2.0/Invoices', 'invoices'],
    ['/admin/api/2024-01/orders.json', 'orders'],
    ['/v1/customers/{customer}/sources', 'sources'],
    ['/sell/fulfillment/v1/order', 'order'],
    ['/v1/export', 'exportRecords'],
    ['/v2/orders/search', 'orders'],
    ['/v2/catalog/search-catalog-items', 'catalogItems'],
    ['/v2/list', 'records'],
    ['/{id}', 'records'],
    ['/2024/{id}', 'records'],
  ])('%s -> %s', (path, name) => expect(entityNameOf(path)).toBe(name));
});

describe('suggestEntities', () => {
  it('takes one endpoint per unified entity: best score, then confidence, then the shorter path', () => {
    const suggestions = suggestEntities([
      endpoint('/v1/charges', 'Transaction', 0.9),
      endpoint('/v1/balance_transactions', 'Transaction', 0.7),
      endpoint('/v1/customers', 'Customer', 0.8, 0.7),
      endpoint('/v1/test_helpers/customers', 'Customer', 0.8, 0.7),
      endpoint('/v1/payouts', 'Payout', 0.8, 0.95),
      endpoint('/v2/payouts', 'Payout', 0.8, 0.9),
    ]);
    expect(suggestions).toEqual([
      { name: 'charges', method: 'GET', path: '/v1/charges', unified: 'Transaction' },
      { name: 'customers', method: 'GET', path: '/v1/customers', unified: 'Customer' },
      { name: 'payouts', method: 'GET', path: '/v1/payouts', unified: 'Payout' },
    ]);
  });

  it('skips unconfident detections, unsuggested endpoints and endpoints under a parent', () => {
    expect(
      suggestEntities([
        endpoint('/v1/products', 'Product', 0.9, 0.49),
        endpoint('/v1/events', null),
        endpoint('/v1/customers/{customer}/cards', 'Account'),
      ]),
    ).toEqual([]);
  });

  it('qualifies names that two suggestions share', () => {
    const names = suggestEntities([endpoint('/v1/issuing/transactions', 'Transaction'), endpoint('/v1/treasury/transactions', 'Payment')]).map((s) => s.name);
    expect(names).toEqual(['issuingTransactions', 'treasuryTransactions']);
  });
});
