import type { Product } from '@portage/core';
import type { ProductsRecord } from '../generated/platform.js';
import { isoTime } from './shared.js';

/** Maps one Stripe product to a unified Product; its prices arrive as Variants of their own. */
export function toProduct(raw: ProductsRecord): Product {
  return {
    id: raw.id,
    title: raw.name,
    description: raw.description,
    // Stripe archives a product by deactivating it; it has no draft state.
    status: raw.active ? 'active' : 'archived',
    url: raw.url ?? undefined,
    createdAt: isoTime(raw.created),
    updatedAt: isoTime(raw.updated),
  };
}
