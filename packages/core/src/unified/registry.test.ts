import { describe, it, expect, expectTypeOf } from 'vitest';
import { isPortageError, type PortageError } from '../errors/portage-error.js';
import type { Invoice, Order, UnifiedEntities, UnifiedEntityName } from './index.js';
import { UNIFIED_ENTITY_NAMES, UNIFIED_SCHEMA_VERSION, UNIFIED_SCHEMAS, validateUnified } from './index.js';

const usd = (amount: number) => ({ amount, currency: 'USD' });

const validOrder = {
  id: '42',
  createdAt: '2024-03-01T12:00:00Z',
  updatedAt: '2024-03-01T12:05:00+01:00',
  orderNumber: '#1001',
  customerId: '5',
  status: 'open',
  financialStatus: 'paid',
  fulfillmentStatus: 'unfulfilled',
  lineItems: [{ id: '9', productId: '3', variantId: '7', sku: 'TEE-L', name: 'T-shirt / L', quantity: 2, price: usd(1500) }],
  subtotal: usd(3000),
  totalTax: usd(240),
  total: usd(3240),
  shippingAddress: null,
  billingAddress: { line1: '1 Main St', city: 'Springfield', postalCode: '12345', country: 'US' },
};

const validInvoice = {
  id: 'inv-1',
  number: 'INV-001',
  type: 'receivable',
  contactId: 'c-1',
  status: 'open',
  issueDate: '2024-03-01',
  dueDate: '2024-03-31',
  lineItems: [{ description: 'Consulting', quantity: 1.5, unitAmount: usd(10000), amount: usd(15000) }],
  total: usd(15000),
  amountDue: usd(15000),
};

function failure(run: () => unknown): PortageError {
  try {
    run();
  } catch (err) {
    if (isPortageError(err)) return err;
    throw err;
  }
  throw new Error('expected a PortageError');
}

const withLine = (line: Record<string, unknown>) => ({ ...validOrder, lineItems: [{ ...validOrder.lineItems[0], ...line }] });

describe('validateUnified', () => {
  it.each([
    { name: 'Order', given: validOrder },
    { name: 'Invoice', given: validInvoice },
    { name: 'Invoice', given: { ...validInvoice, number: null } },
    { name: 'LineItem', given: validOrder.lineItems[0] },
    { name: 'Product', given: { id: '3', title: 'T-shirt', status: 'active', variants: [{ id: '7', productId: '3', sku: null, price: usd(1500) }] } },
    { name: 'Variant', given: { id: '7', productId: '3', sku: 'TEE-L', price: usd(1500), inventoryQuantity: -2 } },
    { name: 'Customer', given: { id: '5', email: 'ada@example.com', address: { country: 'GB' } } },
    { name: 'Account', given: { id: '81', name: 'Sales', code: '4000', type: 'income', status: 'active' } },
    { name: 'Payment', given: { id: 'p-1', type: 'receivable', status: 'completed', date: '2024-03-15', amount: usd(500), allocations: [{ invoiceId: 'inv-1', amount: usd(500) }] } },
    { name: 'Contact', given: { id: 'c-1', name: 'Acme Ltd', status: 'active', isCustomer: true } },
    { name: 'Transaction', given: { id: 'txn_1', type: 'charge', status: 'succeeded', amount: usd(1000), fee: usd(59), net: usd(941) } },
    { name: 'Payout', given: { id: 'po_1', status: 'in_transit', amount: usd(94100), arrivalDate: '2024-03-04' } },
  ] as const)('$name passes: returns the parsed value', ({ name, given }) => {
    expect(validateUnified(name, given)).toEqual(given);
  });

  it.each([
    { why: 'float amount', name: 'Order', given: withLine({ price: usd(15.5) }), fieldPath: 'lineItems.0.price.amount' },
    { why: 'unsafe amount', name: 'Order', given: { ...validOrder, total: usd(2 ** 53) }, fieldPath: 'total.amount' },
    { why: 'lower-case currency', name: 'Order', given: { ...validOrder, total: { amount: 1, currency: 'usd' } }, fieldPath: 'total.currency' },
    { why: 'misspelt field', name: 'Order', given: { ...validOrder, totl: usd(1) }, fieldPath: 'totl' },
    { why: 'misspelt nested field', name: 'Order', given: withLine({ qty: 2 }), fieldPath: 'lineItems.0.qty' },
    { why: 'unknown status', name: 'Order', given: { ...validOrder, status: 'shipped' }, fieldPath: 'status' },
    { why: 'missing required field', name: 'Order', given: { ...validOrder, total: undefined }, fieldPath: 'total' },
    { why: 'empty id', name: 'Order', given: { ...validOrder, id: '' }, fieldPath: 'id' },
    { why: 'datetime without offset', name: 'Order', given: { ...validOrder, createdAt: '2024-03-01T12:00:00' }, fieldPath: 'createdAt' },
    { why: 'datetime as issueDate', name: 'Invoice', given: { ...validInvoice, issueDate: '2024-03-01T00:00:00Z' }, fieldPath: 'issueDate' },
    { why: 'impossible date', name: 'Invoice', given: { ...validInvoice, dueDate: '2024-02-30' }, fieldPath: 'dueDate' },
    { why: 'three-letter country', name: 'Customer', given: { id: '5', address: { country: 'USA' } }, fieldPath: 'address.country' },
    { why: 'not an object', name: 'Payout', given: 'po_1', fieldPath: '(root)' },
  ] as const)('fails with VALIDATION_FAILED at $fieldPath: $why', ({ name, given, fieldPath }) => {
    const err = failure(() => validateUnified(name, given));
    expect(err.code).toBe('VALIDATION_FAILED');
    expect(err.context.fieldPath).toBe(fieldPath);
    expect(err.context.fieldPaths).toContain(fieldPath);
  });

  it('reports every failing field path and the record id in context', () => {
    const given = { ...withLine({ price: usd(1.5) }), total: usd(0.5), extra: true };
    const err = failure(() => validateUnified('Order', given, { entity: 'orders' }));
    expect(err.code).toBe('VALIDATION_FAILED');
    expect(err.context).toMatchObject({ entity: 'orders', unifiedEntity: 'Order', recordId: '42' });
    expect(err.context.fieldPaths).toEqual(expect.arrayContaining(['lineItems.0.price.amount', 'total.amount', 'extra']));
    expect(err.message).toContain('lineItems.0.price.amount');
  });

  it('lists a path with several problems once', () => {
    const err = failure(() => validateUnified('Order', { ...validOrder, total: usd(2 ** 60) }));
    expect(err.context.fieldPaths).toEqual(['total.amount']);
  });

  it('prefers the caller-given record id', () => {
    const err = failure(() => validateUnified('Order', { ...validOrder, id: 7 }, { recordId: 'gid://shopify/Order/7' }));
    expect(err.context.recordId).toBe('gid://shopify/Order/7');
    expect(err.context.fieldPath).toBe('id');
  });

  it('types the result by entity name', () => {
    expectTypeOf(validateUnified('Order', validOrder)).toEqualTypeOf<Order>();
    expectTypeOf(validateUnified('Invoice', validInvoice)).toEqualTypeOf<Invoice>();
    expectTypeOf(validateUnified('Order', validOrder).lineItems[0]?.price.amount).toEqualTypeOf<number | undefined>();
    expectTypeOf<UnifiedEntities['Order']>().toEqualTypeOf<Order>();
    expectTypeOf<UnifiedEntityName>().toEqualTypeOf<
      'Order' | 'LineItem' | 'Product' | 'Variant' | 'Customer' | 'Account' | 'Invoice' | 'Payment' | 'Contact' | 'Transaction' | 'Payout'
    >();
  });
});

describe('registry', () => {
  it('is version 1 and lists every entity', () => {
    expect(UNIFIED_SCHEMA_VERSION).toBe(1);
    expect([...UNIFIED_ENTITY_NAMES].sort()).toEqual(Object.keys(UNIFIED_SCHEMAS).sort());
    expect(UNIFIED_ENTITY_NAMES).toHaveLength(11);
  });
});
