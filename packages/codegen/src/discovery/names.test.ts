import { describe, expect, it } from 'vitest';
import { endsInPathParameter, resourceSegment, singular, singularKey, words } from './names.js';

describe('names', () => {
  it.each([
    ['nextPageToken', ['next', 'page', 'token']],
    ['updated_at[gte]', ['updated', 'at', 'gte']],
    ['UpdatedDateUTC', ['updated', 'date', 'utc']],
    ['@odata.nextLink', ['odata', 'next', 'link']],
    ['If-Modified-Since', ['if', 'modified', 'since']],
  ])('words(%s)', (name, want) => {
    expect(words(name)).toEqual(want);
  });

  it.each([
    ['invoices', 'invoice'],
    ['categories', 'category'],
    ['addresses', 'address'],
    ['taxes', 'tax'],
    ['statuses', 'status'],
    ['purchases', 'purchase'],
    ['prices', 'price'],
    ['status', 'status'],
    ['analysis', 'analysis'],
    ['Invoices', 'Invoice'],
  ])('singular(%s) = %s', (word, want) => {
    expect(singular(word)).toBe(want);
  });

  it('singularKey joins singular words', () => {
    expect(singularKey('payment_intents')).toBe('paymentintent');
    expect(singularKey('BankTransactions')).toBe('banktransaction');
  });

  it.each([
    ['/v2/orders/search', 'orders'],
    ['/repos/{owner}/{repo}/issues', 'issues'],
    ['/v1/charges', 'charges'],
    ['/v2/catalog/list', 'catalog'],
    ['/v1/', undefined],
  ])('resourceSegment(%s)', (path, want) => {
    expect(resourceSegment(path)).toBe(want);
  });

  it.each([
    ['/v1/charges/{charge}', true],
    ['/users/{name}.json', true],
    ['/v1/charges/{charge}/refunds', false],
    ['/v1/charges/', false],
  ])('endsInPathParameter(%s) = %s', (path, want) => {
    expect(endsInPathParameter(path)).toBe(want);
  });
});
