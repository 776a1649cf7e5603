import { defineConnector, defineEntity } from '@portage/core';
import * as generated from './generated/entities.js';
import type { OrderRecord } from './generated/platform.js';
import { toOrder } from './mappings/order.js';

/**
 * The eBay Sell Fulfillment connector: orders with their line items. Endpoints, pagination and
 * incremental filters come from ./generated/entities.ts (regenerated); override one by writing
 * it after the spread.
 *
 * @example for await (const page of client.paginate(ebay.entities.order)) console.log(page.records.length);
 */
export const ebay = defineConnector({
  name: 'ebay',
  baseUrl: 'https://api.ebay.com/sell/fulfillment/v1',
  // Auth from the spec's security scheme "api_auth".
  auth: {
    type: 'oauth2',
    grant: 'refresh_token',
    tokenUrl: 'https://api.ebay.com/identity/v1/oauth2/token',
    scopes: [
      'https://api.ebay.com/oauth/api_scope/sell.fulfillment',
      'https://api.ebay.com/oauth/api_scope/sell.fulfillment.readonly',
    ],
  },
  entities: {
    order: defineEntity<OrderRecord, 'Order'>({
      unified: 'Order',
      ...generated.order,
      // The spec caps `limit` at 200 in prose only (a larger one is refused), so detection cannot see it.
      pageSize: { ...generated.order.pageSize, max: 200 },
      // eBay's modified-since filter is an expression inside the free-form `filter` parameter,
      // which detection cannot read from the spec.
      incremental: { in: 'query', name: 'filter', format: 'iso8601', template: 'lastmodifieddate:[{since}..]' },
      map: toOrder,
    }),
  },
});
