// Pre-filled where a record field matched by name and type: id.

import type { Product } from '@portage/core';
import type { CatalogRecord } from '../generated/platform.js';

/** Maps one `catalog` record to a unified Product. */
export function toProduct(raw: CatalogRecord): Product {
  return {
    id: raw.id,
  };
}
