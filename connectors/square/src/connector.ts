import { defineConnector, defineEntity } from '@portage/core';
import * as generated from './generated/entities.js';
import type { CatalogRecord, CustomersRecord, OrdersRecord } from './generated/platform.js';
import { toOrder } from './mappings/orders.js';
import { toProduct } from './mappings/catalog.js';
import { toCustomer } from './mappings/customers.js';

/**
 * The square connector. Endpoints, pagination and incremental filters come from
 * ./generated/entities.ts (regenerated); override one by writing it after the spread.
 *
 * @example for await (const page of client.paginate(square.entities.orders)) console.log(page.records.length);
 */
export const square = defineConnector({
  name: 'square',
  baseUrl: 'https://connect.squareup.com',
  // Auth from the spec's security scheme "oauth2".
  auth: {
    type: 'oauth2',
    grant: 'refresh_token',
    tokenUrl: 'https://connect.squareup.com/oauth2/token',
    scopes: ['CUSTOMERS_READ', 'ITEMS_READ', 'ORDERS_READ'],
  },
  entities: {
    orders: defineEntity<OrdersRecord, 'Order'>({ unified: 'Order', ...generated.orders, map: toOrder }),
    catalog: defineEntity<CatalogRecord, 'Product'>({ unified: 'Product', ...generated.catalog, map: toProduct }),
    customers: defineEntity<CustomersRecord, 'Customer'>({ unified: 'Customer', ...generated.customers, map: toCustomer }),
  },
});
