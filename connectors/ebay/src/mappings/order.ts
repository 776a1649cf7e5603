import type { LineItem, Order } from '@portage/core';
import type { Ebay, OrderRecord } from '../generated/platform.js';
import { FINANCIAL_STATUS, FULFILLMENT_STATUS, missing, money, toAddress } from './shared.js';

/** Maps one eBay order (GET /order) to a unified Order with its line items. */
export function toOrder(raw: OrderRecord): Order {
  const { pricingSummary: pricing, cancelStatus: cancel, fulfillmentStartInstructions: [start] = [] } = raw;
  const discount = money(pricing?.priceDiscount);
  return {
    // The Selling Manager record number is the one on eBay's Orders grid.
    id: raw.orderId ?? '', orderNumber: raw.salesRecordReference,
    customerId: raw.buyer?.username, email: raw.buyer?.buyerRegistrationAddress?.email, note: raw.buyerCheckoutNotes,
    // A finished fulfilment is the end of an eBay order's life; a cancel request alone (IN_PROGRESS) is not.
    status: cancel?.cancelState === 'CANCELED' ? 'cancelled' : raw.orderFulfillmentStatus === 'FULFILLED' ? 'closed' : 'open',
    financialStatus: FINANCIAL_STATUS[raw.orderPaymentStatus ?? ''] ?? 'other',
    fulfillmentStatus: FULFILLMENT_STATUS[raw.orderFulfillmentStatus ?? ''] ?? 'other',
    lineItems: (raw.lineItems ?? []).map(toLineItem),
    subtotal: money(pricing?.priceSubtotal) ?? missing('pricingSummary.priceSubtotal'),
    // eBay reports the discount as a negative amount; the unified one is what was taken off.
    totalDiscount: discount && { ...discount, amount: -discount.amount },
    totalShipping: money(pricing?.deliveryCost), totalTax: money(pricing?.tax),
    total: money(pricing?.total) ?? missing('pricingSummary.total'),
    shippingAddress: start?.fulfillmentInstructionsType === 'DIGITAL' ? null : toAddress(start?.shippingStep?.shipTo?.contactAddress),
    createdAt: raw.creationDate, updatedAt: raw.lastModifiedDate, cancelledAt: cancel?.cancelledDate,
  };
}

function toLineItem(line: Ebay['LineItem']): LineItem {
  const quantity = line.quantity ?? missing('lineItems.quantity');
  const cost = money(line.lineItemCost) ?? missing('lineItems.lineItemCost');
  return {
    // legacyItemId is the listing, legacyVariationId the variation bought from a multi-variation listing.
    id: line.lineItemId ?? '', productId: line.legacyItemId, variantId: line.legacyVariationId,
    sku: line.sku, name: line.title ?? '', quantity,
    // eBay sends the line's cost (unit price x quantity): a remainder fails validation instead of being rounded.
    price: { ...cost, amount: cost.amount / quantity }, total: money(line.total),
  };
}
