import { PortageError, toMinorUnits, type Address, type Money, type Order } from '@portage/core';
import type { Ebay } from '../generated/platform.js';

/** eBay's `{ value: "12.34", currency: "USD" }` as integer minor units; undefined when eBay left it out. */
export const money = (amount: Ebay['Amount'] | undefined): Money | undefined =>
  amount?.value && amount.currency ? toMinorUnits(amount.value, amount.currency) : undefined;

/** For fields eBay always returns: their absence means the response shape changed, not zero. */
export const missing = (field: string): never => {
  throw new PortageError('VALIDATION_FAILED', `${field} is missing: eBay always returns it, so check the response against the pinned spec`);
};

export const toAddress = (address: Ebay['Address'] | undefined): Address | undefined =>
  address && { line1: address.addressLine1, line2: address.addressLine2, city: address.city, region: address.stateOrProvince, postalCode: address.postalCode, country: address.countryCode };

// eBay's OrderPaymentStatusEnum; FAILED has no unified equivalent and becomes `other`.
export const FINANCIAL_STATUS: Readonly<Record<string, Order['financialStatus']>> = { PENDING: 'pending', PAID: 'paid', PARTIALLY_REFUNDED: 'partially_refunded', FULLY_REFUNDED: 'refunded' };
// eBay's OrderFulfillmentStatus.
export const FULFILLMENT_STATUS: Readonly<Record<string, Order['fulfillmentStatus']>> = { NOT_STARTED: 'unfulfilled', IN_PROGRESS: 'partially_fulfilled', FULFILLED: 'fulfilled' };
