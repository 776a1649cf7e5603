import { defineConnector, defineEntity, type ChildEntity } from '@portage/core';
import * as generated from './generated/entities.js';
import type { CatalogRecord, CustomersRecord, OrdersRecord, Square } from './generated/platform.js';
import { toOrder } from './mappings/orders.js';
import { toProduct } from './mappings/catalog.js';
import { toCustomer } from './mappings/customers.js';
import { toVariant } from './mappings/variations.js';

/** A nested variation, typed: `children` accepts any child shape. */
type ChildVariations = ChildEntity<CatalogRecord, Square['CatalogObject'], 'Variant'>;

/**
 * The Square connector. Endpoints, pagination and incremental filters come from
 * ./generated/entities.ts (regenerated); overrides follow the spread, each with the reason.
 * A Square connection's `tenant` is the seller's location ids, comma-separated ("L1,L2"):
 * SearchOrders needs 1 to 10 of them in its body.
 *
 * @example await connections.create({ platform: 'square', tenant: 'L8ZQ3Y9WJ2K1P', credentials });
 */
export const square = defineConnector({
  name: 'square',
  baseUrl: 'https://connect.squareup.com',
  // Auth from the spec's security scheme "oauth2"; Square takes the client id and secret in the token request body.
  auth: {
    type: 'oauth2',
    grant: 'refresh_token',
    tokenUrl: 'https://connect.squareup.com/oauth2/token',
    scopes: ['CUSTOMERS_READ', 'ITEMS_READ', 'ORDERS_READ'],
    clientAuth: 'body',
  },
  // Pins the response shapes to the API version the spec documents (its reference links name it).
  defaults: { headers: { 'Square-Version': '2021-08-18' } },
  entities: {
    orders: defineEntity<OrdersRecord, 'Order'>({
      unified: 'Order',
      ...generated.orders,
    // Square answers `{}` when nothing matches.
    omitsEmptyRecords: true,
      // Square requires location_ids, and an updated_at filter only works with sort_field UPDATED_AT;
      // ascending order keeps the cursor stable while orders keep changing.
      request: {
        ...generated.orders.request,
        body: { ...generated.orders.request.body, query: { sort: { sort_field: 'UPDATED_AT', sort_order: 'ASC' } } },
      },
      // The seller's locations, from the connection (see above).
      tenant: { in: 'body', name: 'location_ids', list: true },
      map: toOrder,
    }),
    catalog: defineEntity<CatalogRecord, 'Product'>({
      unified: 'Product',
      ...generated.catalog,
    omitsEmptyRecords: true,
      // Only ITEM objects are products; unfiltered, the list mixes in categories, taxes, modifiers and images.
      request: { ...generated.catalog.request, query: { types: 'ITEM' } },
      map: toProduct,
      children: [{ entity: 'variations', unified: 'Variant', path: 'item_data.variations', primaryKey: 'id', map: toVariant } satisfies ChildVariations],
    }),
    customers: defineEntity<CustomersRecord, 'Customer'>({
      unified: 'Customer',
      ...generated.customers,
    omitsEmptyRecords: true,
      // ListCustomers ignores a limit above 100.
      pageSize: { ...generated.customers.pageSize, max: 100 },
      map: toCustomer,
    }),
  },
});
