import type { LineItem, Order } from '@portage/core';
import type { NetSuiteSalesOrder } from '../platform.js';
import { address, currencyOf, idOf, instant, internalId, maybeMoney, money, type CurrencyOptions } from './shared.js';

type Status = NonNullable<NetSuiteSalesOrder['orderStatus']>;
const STATUS: Readonly<Record<Status, Order['status']>> = {
  _pendingApproval: 'draft', _pendingFulfillment: 'open', _partiallyFulfilled: 'open', _pendingBillingPartFulfilled: 'open',
  _pendingBilling: 'open', _fullyBilled: 'closed', _closed: 'closed', _cancelled: 'cancelled', _undefined: 'other',
};
const FULFILLMENT: Partial<Record<Status, Order['fulfillmentStatus']>> = {
  _pendingFulfillment: 'unfulfilled', _partiallyFulfilled: 'partially_fulfilled', _pendingBillingPartFulfilled: 'partially_fulfilled', _pendingBilling: 'fulfilled', _fullyBilled: 'fulfilled',
};

/**
 * Maps one NetSuite sales order (searched with bodyFieldsOnly=false) to a unified Order with
 * its `itemList` lines. NetSuite's discount total is negative; the unified one is positive.
 */
export function toOrder(raw: NetSuiteSalesOrder, currencies: CurrencyOptions): Order {
  const currency = currencyOf(raw.currency, raw.currencyName, currencies);
  const discount = maybeMoney(raw.discountTotal, currency);
  const lines = (raw.itemList?.item ?? []).map((line, index): LineItem => ({
    id: line.line ?? line.lineUniqueKey ?? String(index + 1),
    productId: idOf(line.item),
    name: line.item?.name ?? line.description ?? '',
    quantity: Number(line.quantity ?? 0),
    // `rate` is the unit price (text: it may be a percentage on discount lines); else amount / quantity.
    price: money(line.rate && !line.rate.endsWith('%') ? line.rate : Number(line.amount ?? 0) / Number(line.quantity || 1), currency),
    totalTax: maybeMoney(line.tax1Amt ?? line.taxAmount, currency),
    total: maybeMoney(line.amount, currency),
  }));
  return {
    id: internalId(raw),
    orderNumber: raw.tranId,
    customerId: idOf(raw.entity),
    email: raw.email || undefined,
    status: STATUS[raw.orderStatus ?? '_undefined'],
    fulfillmentStatus: raw.orderStatus ? FULFILLMENT[raw.orderStatus] : undefined,
    lineItems: lines,
    subtotal: money(raw.subTotal ?? 0, currency),
    totalDiscount: discount && { ...discount, amount: Math.abs(discount.amount) },
    totalShipping: maybeMoney(raw.shippingCost, currency),
    totalTax: maybeMoney(raw.taxTotal, currency),
    total: money(raw.total ?? 0, currency),
    billingAddress: address(raw.billingAddress),
    shippingAddress: address(raw.shippingAddress),
    note: raw.memo || undefined,
    createdAt: instant(raw.createdDate),
    updatedAt: instant(raw.lastModifiedDate),
  };
}
