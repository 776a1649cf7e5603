import { PortageError, type Product } from '@portage/core';
import type { CatalogRecord } from '../generated/platform.js';

/** Maps one `catalog` ITEM object to a unified Product; its variations are stitched by ./variations.ts. */
export function toProduct(raw: CatalogRecord): Product {
  const item = raw.item_data;
  if (raw.type !== 'ITEM' || !item) {
    // The connector asks for `types=ITEM`, so this is a changed API, not a record to skip quietly.
    throw new PortageError('VALIDATION_FAILED', `catalog object ${raw.id} is a ${raw.type} without item_data: only ITEM objects map to products`);
  }
  return {
    id: raw.id,
    updatedAt: raw.updated_at,
    title: item.name ?? '',
    // Square has no draft items; deleted objects only show up in catalog searches that ask for them.
    status: raw.is_deleted ? 'archived' : 'active',
    productType: item.product_type,
  };
}
