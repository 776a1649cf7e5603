import { PortageError, type Variant } from '@portage/core';
import type { PricesRecord } from '../generated/platform.js';
import { isoTime, money } from './shared.js';

/**
 * Maps one Stripe price to a unified Variant of its product. Stripe prices have no SKU. A price
 * without a fixed unit amount (tiered, customer-chosen, or in fractions of a minor unit) cannot
 * be one Variant price: it is rejected with the reason, and the sync goes on.
 */
export function toVariant(raw: PricesRecord): Variant {
  if (typeof raw.unit_amount !== 'number') {
    const kind = raw.billing_scheme === 'tiered' ? 'tiered' : raw.custom_unit_amount ? 'customer-chosen' : `${raw.unit_amount_decimal ?? '?'} minor units`;
    throw new PortageError('VALIDATION_FAILED', `Stripe price ${raw.id} has no fixed unit amount (${kind}): a Variant needs one price, so it is not stored`);
  }
  return {
    id: raw.id,
    productId: typeof raw.product === 'string' ? raw.product : raw.product.id,
    sku: null,
    title: raw.nickname ?? undefined,
    price: money(raw.unit_amount, raw.currency),
    options: raw.recurring ? { interval: raw.recurring.interval, interval_count: String(raw.recurring.interval_count) } : undefined,
    createdAt: isoTime(raw.created),
  };
}
