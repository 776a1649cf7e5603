import type { LineItem, Order } from '@portage/core';
import type { Ebay, OrderRecord } from '../generated/platform.js';
import { FINANCIAL_STATUS, FULFILLMENT_STATUS, missing, money, sum, toAddress } from './shared.js';

/** Maps one eBay order (GET /order) to a unified Order with its line items. */
export function toOrder(raw: OrderRecord): Order {
  const pricing = raw.pricingSummary;
  const contact = raw.buyer?.buyerRegistrationAddress;
  const start = raw.fulfillmentStartInstructions?.[0];
  // eBay reports discounts as negative amounts; the unified discount is what was taken off.
  const discount = sum([pricing?.priceDiscount, pricing?.deliveryDiscount]);
  return {
    id: raw.orderId ?? '',
    // The Selling Manager record number, shown on eBay's Orders grid.
    orderNumber: raw.salesRecordReference,
    customerId: raw.buyer?.username,
    email: contact?.email,
    status: raw.cancelStatus?.cancelState === 'CANCELED' ? 'cancelled' : raw.orderFulfillmentStatus === 'FULFILLED' ? 'closed' : 'open',
    financialStatus: FINANCIAL_STATUS[raw.orderPaymentStatus ?? ''] ?? 'other',
    fulfillmentStatus: FULFILLMENT_STATUS[raw.orderFulfillmentStatus ?? ''] ?? 'other',
    lineItems: (raw.lineItems ?? []).map(toLineItem),
    subtotal: money(pricing?.priceSubtotal) ?? missing('pricingSummary.priceSubtotal'),
    totalDiscount: discount && { ...discount, amount: -discount.amount },
    totalShipping: money(pricing?.deliveryCost),
    totalTax: money(pricing?.tax),
    total: money(pricing?.total) ?? missing('pricingSummary.total'),
    billingAddress: toAddress(contact?.contactAddress),
    shippingAddress: start?.fulfillmentInstructionsType === 'DIGITAL' ? null : toAddress(start?.shippingStep?.shipTo?.contactAddress),
    createdAt: raw.creationDate,
    updatedAt: raw.lastModifiedDate,
    cancelledAt: raw.cancelStatus?.cancelledDate,
    note: raw.buyerCheckoutNotes,
  };
}

function toLineItem(line: Ebay['LineItem']): LineItem {
  const quantity = line.quantity ?? 0;
  const cost = money(line.lineItemCost) ?? missing('lineItems.lineItemCost');
  const discounted = money(line.discountedLineItemCost);
  return {
    id: line.lineItemId ?? '',
    productId: line.legacyItemId,
    variantId: line.legacyVariationId,
    sku: line.sku,
    name: line.title ?? '',
    quantity,
    // eBay sends the line's cost (unit price x quantity); a remainder fails validation rather than being rounded.
    price: { ...cost, amount: quantity > 0 ? cost.amount / quantity : cost.amount },
    totalDiscount: discounted && { ...cost, amount: cost.amount - discounted.amount },
    totalTax: sum((line.taxes ?? []).map((tax) => tax.amount)),
    total: money(line.total),
  };
}
