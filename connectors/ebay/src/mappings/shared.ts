import { PortageError, toMinorUnits, type Address, type Money, type Order } from '@portage/core';
import type { Ebay } from '../generated/platform.js';

/** eBay's `{ value: "12.34", currency: "USD" }` as integer minor units; undefined when eBay left it out. */
export function money(amount: Ebay['Amount'] | undefined): Money | undefined {
  return amount?.value === undefined || amount.currency === undefined ? undefined : toMinorUnits(amount.value, amount.currency);
}

/** Adds amounts of one currency (a line's taxes, an order's discounts); undefined when there is none. */
export function sum(amounts: readonly (Ebay['Amount'] | undefined)[]): Money | undefined {
  let total: Money | undefined;
  for (const next of amounts.map(money)) {
    if (next && total && next.currency !== total.currency) throw new PortageError('VALIDATION_FAILED', `cannot add ${next.currency} to ${total.currency}: eBay sent amounts of one order in two currencies`);
    if (next) total = { currency: next.currency, amount: (total?.amount ?? 0) + next.amount };
  }
  return total;
}

/** For fields eBay always returns: their absence means the response shape changed, not zero. */
export function missing(field: string): never {
  throw new PortageError('VALIDATION_FAILED', `${field} is missing: eBay always returns it, so check the response against the pinned spec`);
}

export function toAddress(address: Ebay['Address'] | undefined): Address | undefined {
  if (!address) return undefined;
  const { addressLine1: line1, addressLine2: line2, city, stateOrProvince: region, postalCode, countryCode: country } = address;
  return { line1, line2, city, region, postalCode, country };
}

// eBay's OrderPaymentStatusEnum; FAILED has no unified equivalent and becomes `other`.
export const FINANCIAL_STATUS: Readonly<Record<string, Order['financialStatus']>> = { PENDING: 'pending', PAID: 'paid', PARTIALLY_REFUNDED: 'partially_refunded', FULLY_REFUNDED: 'refunded' };
// eBay's OrderFulfillmentStatus (NOT_STARTED, IN_PROGRESS, FULFILLED).
export const FULFILLMENT_STATUS: Readonly<Record<string, Order['fulfillmentStatus']>> = { NOT_STARTED: 'unfulfilled', IN_PROGRESS: 'partially_fulfilled', FULFILLED: 'fulfilled' };
