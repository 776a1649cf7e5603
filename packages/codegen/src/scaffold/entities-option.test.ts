import type { ListEndpoint } from '../model.js';
import { describe, expect, it } from 'vitest';
import { chooseRequestedEntities, parseEntitiesOption } from './entities-option.js';

function endpoint(path: string, confidence: number, suggested: ListEndpoint['suggestedEntity'] = null): ListEndpoint {
  return {
    method: 'GET',
    path,
    records: 'data',
    pagination: { type: 'none' } as ListEndpoint['pagination'],
    incremental: null,
    primaryKey: 'id',
    confidence,
    evidence: [],
    suggestedEntity: suggested,
  };
}

describe('parseEntitiesOption', () => {
  it('reads name:Unified pairs, trimming spaces and skipping empty items', () => {
    expect(parseEntitiesOption(' charges:Transaction, ,customers : Customer,')).toEqual([
      { name: 'charges', unified: 'Transaction' },
      { name: 'customers', unified: 'Customer' },
    ]);
  });

  it.each([
    [',', '--entities is empty'],
    ['charges', '--entities item "charges" is not name:UnifiedEntity'],
    [':Customer', '--entities item ":Customer" is not name:UnifiedEntity'],
    ['charges:transaction', '"transaction" is not a unified entity; use one of Order, LineItem, Product'],
  ])('rejects %j', (given, message) => {
    expect(() => parseEntitiesOption(given)).toThrow(message);
  });
});

describe('chooseRequestedEntities', () => {
  const endpoints = [
    endpoint('/v1/charges/search', 0.7),
    endpoint('/v1/charges', 0.96, { name: 'Transaction', score: 0.9 }),
    endpoint('/v1/customers/{customer}/sources', 0.9),
    endpoint('/v1/sources', 0.6),
    endpoint('/v1/refunds', 0.5),
    endpoint('/v2/refunds', 0.5),
  ];

  it('keeps a saved endpoint, else takes the suggested one, else the most confident, then shortest, path with that name', () => {
    const saved = [{ name: 'refunds', method: 'GET' as const, path: '/v2/refunds', unified: 'Payment' as const }];
    expect(chooseRequestedEntities('acme', parseEntitiesOption('charges:Payment,sources:Account,refunds:Transaction'), endpoints, saved)).toEqual([
      { name: 'charges', method: 'GET', path: '/v1/charges', unified: 'Payment' },
      { name: 'sources', method: 'GET', path: '/v1/customers/{customer}/sources', unified: 'Account' },
      { name: 'refunds', method: 'GET', path: '/v2/refunds', unified: 'Transaction' },
    ]);
    expect(chooseRequestedEntities('acme', parseEntitiesOption('refunds:Payment'), endpoints, undefined)).toEqual([
      { name: 'refunds', method: 'GET', path: '/v1/refunds', unified: 'Payment' },
    ]);
  });

  it('names the entity names there are for an unknown one', () => {
    expect(() => chooseRequestedEntities('acme', parseEntitiesOption('payouts:Payout'), endpoints, undefined)).toThrow(
      '--entities: no list endpoint of acme is named "payouts"; the names there are: charges, refunds, sources',
    );
  });
});
