import type { Product } from '@portage/core';
import type { NetSuiteInventoryItem } from '../platform.js';
import { currencyOf, instant, internalId, money, type CurrencyOptions } from './shared.js';

const BASE_PRICE_LEVEL = '1';

/**
 * Maps one NetSuite inventory item to a unified Product with one variant: the item itself,
 * SKU = `itemId`, price = its base price (price level 1, first quantity break) in the
 * pricing currency. An item without a base price has no variant; an inactive one is archived.
 */
export function toProduct(raw: NetSuiteInventoryItem, currencies: CurrencyOptions): Product {
  const id = internalId(raw);
  const pricing = raw.pricingMatrix?.pricing ?? [];
  const base = pricing.find((one) => one.priceLevel?.attributes?.internalId === BASE_PRICE_LEVEL) ?? pricing[0];
  const value = base?.priceList?.price?.[0]?.value;
  const onHand = raw.quantityOnHand === undefined ? undefined : Number(raw.quantityOnHand);
  const variant =
    value === undefined
      ? undefined
      : {
          id,
          productId: id,
          sku: raw.itemId || null,
          title: raw.displayName || undefined,
          price: money(value, currencyOf(base?.currency, undefined, currencies)),
          inventoryQuantity: onHand !== undefined && Number.isInteger(onHand) ? onHand : undefined,
          barcode: raw.upcCode || undefined,
        };
  return {
    id,
    title: raw.displayName || raw.itemId || id,
    description: raw.salesDescription ?? undefined,
    status: raw.isInactive ? 'archived' : 'active',
    vendor: raw.vendorName || undefined,
    productType: 'inventory',
    ...(variant ? { variants: [variant] } : {}),
    createdAt: instant(raw.createdDate),
    updatedAt: instant(raw.lastModifiedDate),
  };
}
