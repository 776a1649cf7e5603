// Pre-filled where a record field matched by name and type: id, description, url.

import type { Product } from '@portage/core';
import type { ProductsRecord } from '../generated/platform.js';

/** Maps one `products` record to a unified Product. */
export function toProduct(raw: ProductsRecord): Product {
  return {
    id: raw.id,
    description: raw.description,
    url: raw.url ?? undefined,
  };
}
