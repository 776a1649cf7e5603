import type { LineItem, Order } from '@portage/core';
import type { OrdersRecord, Square } from '../generated/platform.js';
import { requireMoney, toAddress, toMoney } from './shared.js';

const STATUS: Readonly<Record<string, Order['status']>> = { DRAFT: 'draft', OPEN: 'open', COMPLETED: 'closed', CANCELED: 'cancelled' };

/** Adds up amounts of one order (one currency); missing ones count as zero. */
const sum = (moneys: readonly (Square['Money'] | undefined)[]) => moneys.reduce((total, money) => total + (money?.amount ?? 0), 0);

/** Maps one `orders` record to a unified Order. Square amounts are integer minor units already. */
export function toOrder(raw: OrdersRecord): Order {
  const total = requireMoney(raw.total_money, `order ${raw.id} total_money`);
  return {
    // mapPage has checked the id before mapping; the spec marks it optional only because it is read-only.
    id: String(raw.id),
    createdAt: raw.created_at, updatedAt: raw.updated_at,
    customerId: raw.customer_id,
    status: STATUS[raw.state ?? ''] ?? 'other',
    financialStatus: financialStatus(raw, total.amount),
    lineItems: (raw.line_items ?? []).map((line, index) => toLineItem(line, `${raw.id}:${index}`)),
    // Gross sales are a line's price times quantity plus modifiers, before discounts and tax.
    subtotal: { amount: sum((raw.line_items ?? []).map((line) => line.gross_sales_money)), currency: total.currency },
    totalDiscount: toMoney(raw.total_discount_money), totalTax: toMoney(raw.total_tax_money), total,
    shippingAddress: toAddress(raw.fulfillments?.find((fulfillment) => fulfillment.shipment_details)?.shipment_details?.recipient?.address),
    // closed_at is when the order reached a terminal state, cancelled included.
    cancelledAt: raw.state === 'CANCELED' ? raw.closed_at : undefined,
  };
}

function toLineItem(line: Square['OrderLineItem'], fallbackId: string): LineItem {
  return {
    id: line.uid ?? fallbackId,
    // The catalog object of a line is the item variation sold.
    variantId: line.catalog_object_id,
    name: line.name ?? line.variation_name ?? '',
    // Square quantities are decimal strings; a fractional one (sold by weight) fails validation.
    quantity: Number(line.quantity),
    price: requireMoney(line.base_price_money, `line ${fallbackId} base_price_money`),
    totalDiscount: toMoney(line.total_discount_money), totalTax: toMoney(line.total_tax_money), total: toMoney(line.total_money),
  };
}

// Square orders carry their tenders (payments) and refunds; an order with neither is unpaid.
function financialStatus(raw: OrdersRecord, total: number): Order['financialStatus'] {
  const paid = sum((raw.tenders ?? []).map((tender) => tender.amount_money));
  const refunded = sum((raw.refunds ?? []).filter((refund) => refund.status === 'APPROVED').map((refund) => refund.amount_money));
  if (refunded > 0) return refunded >= paid ? 'refunded' : 'partially_refunded';
  if (paid === 0) return raw.state === 'CANCELED' ? 'voided' : 'pending';
  return paid >= total ? 'paid' : 'partially_paid';
}
