import type { Variant } from '@portage/core';
import type { CatalogRecord, Square } from '../generated/platform.js';
import { requireMoney } from './shared.js';

/**
 * Maps one ITEM_VARIATION nested in a catalog ITEM (`item_data.variations`) to a unified
 * Variant. A variation with variable pricing has no price until it is sold, so it is rejected.
 */
export function toVariant(raw: Square['CatalogObject'], parent: CatalogRecord): Variant {
  const variation = raw.item_variation_data;
  return {
    id: raw.id,
    updatedAt: raw.updated_at,
    productId: variation?.item_id ?? parent.id,
    // Square sends no sku, or "", for variations without one.
    sku: variation?.sku || null,
    title: variation?.name,
    price: requireMoney(variation?.price_money, `variation ${raw.id} (${variation?.pricing_type ?? 'no pricing type'}) price_money`),
    barcode: variation?.upc,
  };
}
