import type { UnifiedEntityName } from '@portage/core';
import { describe, expect, it } from 'vitest';
import { createSpecRefs } from '../openapi/spec-refs.js';
import { viewSchema } from './schema-view.js';
import { suggestEntity } from './suggest-entity.js';

const refs = createSpecRefs({});
const record = (...fields: string[]) => viewSchema(refs, { type: 'object', properties: Object.fromEntries(fields.map((field) => [field, { type: 'string' }])) });
const named = (...names: string[]) => names.map((name) => ({ name, weight: 1 }));

describe('suggestEntity', () => {
  it.each<[string, string[], string[], UnifiedEntityName | null]>([
    ['charges', ['charge', 'charges'], ['id', 'amount', 'currency', 'status'], 'Transaction'],
    ['payment intents are transactions, not payments', ['payment_intent'], ['id', 'amount', 'currency'], 'Transaction'],
    ['invoices', ['Invoice', 'Invoices'], ['InvoiceID', 'Total', 'DueDate', 'LineItems'], 'Invoice'],
    ['invoice items are line items', ['invoiceitem'], ['id', 'quantity', 'unit_amount'], 'LineItem'],
    ['InvoiceLineItem is a line item', ['InvoiceLineItem'], ['id', 'quantity'], 'LineItem'],
    ['customers', ['Customer', 'customers'], ['id', 'email_address', 'given_name'], 'Customer'],
    ['contacts', ['Contact', 'Contacts'], ['ContactID', 'EmailAddress', 'Name'], 'Contact'],
    ['accounts', ['Account'], ['AccountID', 'Code', 'Type'], 'Account'],
    ['payments', ['Payment', 'Payments'], ['PaymentID', 'Amount', 'Invoice'], 'Payment'],
    ['orders', ['Order', 'orders'], ['orderId', 'lineItems', 'pricingSummary', 'buyer'], 'Order'],
    ['products', ['product'], ['id', 'name', 'description'], 'Product'],
    ['catalog objects', ['CatalogObject', 'catalog'], ['id', 'type'], 'Product'],
    ['Xero items', ['Item', 'Items'], ['ItemID', 'Name', 'Description'], 'Product'],
    ['prices are variants', ['price', 'prices'], ['id', 'unit_amount', 'product'], 'Variant'],
    ['variations are variants', ['ItemVariation'], ['id', 'sku', 'price_money'], 'Variant'],
    ['payouts', ['payout'], ['id', 'amount', 'currency', 'arrival_date'], 'Payout'],
    ['line items', ['line_item'], ['id', 'quantity', 'price'], 'LineItem'],
    ['subscription items are no products', ['subscription_item'], ['id', 'metadata'], null],
    ['billing portal is no bill', ['billing_portal.configuration'], ['id', 'active'], null],
    ['issues fit nothing', ['issue', 'issues'], ['id', 'title', 'state', 'body'], null],
  ])('%s', (_name, names, fields, want) => {
    const suggestion = suggestEntity(named(...names), record(...fields));
    expect(suggestion?.name ?? null).toBe(want);
    if (suggestion) expect(suggestion.score).toBeGreaterThan(0);
    if (suggestion) expect(suggestion.score).toBeLessThanOrEqual(1);
  });

  it('scores a matching name with a matching shape above the name alone', () => {
    const withShape = suggestEntity(named('charge'), record('amount', 'currency', 'status', 'fee'));
    const nameOnly = suggestEntity(named('charge'), record('id'));
    expect(withShape).toEqual({ name: 'Transaction', score: 1 });
    expect(nameOnly).toEqual({ name: 'Transaction', score: 0.7 });
  });

  it('suggests from shape alone only with a weak score', () => {
    const suggestion = suggestEntity(named('thing'), record('email', 'first_name', 'phone', 'address'));
    expect(suggestion).toEqual({ name: 'Customer', score: 0.5 });
  });
});
