import { validateUnified } from '@portage/core';
import { describe, expect, it } from 'vitest';
import type { OrderRecord } from '../generated/platform.js';
import { toOrder } from './order.js';

const usd = (value: string) => ({ value, currency: 'USD' });

const minimal: OrderRecord = {
  orderId: '24-00001-00001',
  orderPaymentStatus: 'PAID',
  orderFulfillmentStatus: 'NOT_STARTED',
  cancelStatus: { cancelState: 'NONE_REQUESTED', cancelRequests: [] },
  pricingSummary: { priceSubtotal: usd('10.00'), total: usd('10.00') },
  lineItems: [{ lineItemId: '1', title: 'Mug', quantity: 1, lineItemCost: usd('10.00') }],
};

// The edge cases the end-to-end fixtures do not reach; the whole mapping is checked there.
describe('toOrder', () => {
  it('maps statuses eBay has no unified word for to `other`, and keeps a cancel request open', () => {
    const order = toOrder({ ...minimal, orderPaymentStatus: 'FAILED', cancelStatus: { cancelState: 'IN_PROGRESS' } });
    expect(order).toMatchObject({ status: 'open', financialStatus: 'other', fulfillmentStatus: 'unfulfilled' });
    expect(validateUnified('Order', order)).toEqual(order);
  });

  it('says which amount is missing instead of storing a zero', () => {
    expect(() => toOrder({ ...minimal, pricingSummary: { priceSubtotal: usd('10.00') } })).toThrow(
      expect.objectContaining({ code: 'VALIDATION_FAILED', message: expect.stringContaining('pricingSummary.total') }),
    );
  });

  it('does not round a line cost that is not a whole number of unit prices', () => {
    const order = toOrder({ ...minimal, lineItems: [{ lineItemId: '1', title: 'Mug', quantity: 3, lineItemCost: usd('10.00') }] });
    expect(() => validateUnified('Order', order)).toThrow(expect.objectContaining({ code: 'VALIDATION_FAILED' }));
  });
});
