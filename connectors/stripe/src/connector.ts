import { defineConnector, defineEntity } from '@portage/core';
import * as generated from './generated/entities.js';
import type {
  ChargesRecord,
  CustomersRecord,
  InvoicesRecord,
  PricesRecord,
  ProductsRecord,
} from './generated/platform.js';
import { toTransaction } from './mappings/charges.js';
import { toCustomer } from './mappings/customers.js';
import { toInvoice } from './mappings/invoices.js';
import { toProduct } from './mappings/products.js';
import { toVariant } from './mappings/prices.js';

/**
 * The stripe connector. Endpoints, pagination and incremental filters come from
 * ./generated/entities.ts (regenerated); override one by writing it after the spread.
 *
 * @example for await (const page of client.paginate(stripe.entities.charges)) console.log(page.records.length);
 */
export const stripe = defineConnector({
  name: 'stripe',
  baseUrl: 'https://api.stripe.com',
  // Auth from the spec's security scheme "bearerAuth".
  auth: { type: 'bearer' },
  entities: {
    charges: defineEntity<ChargesRecord, 'Transaction'>({ unified: 'Transaction', ...generated.charges, map: toTransaction }),
    customers: defineEntity<CustomersRecord, 'Customer'>({ unified: 'Customer', ...generated.customers, map: toCustomer }),
    invoices: defineEntity<InvoicesRecord, 'Invoice'>({ unified: 'Invoice', ...generated.invoices, map: toInvoice }),
    products: defineEntity<ProductsRecord, 'Product'>({ unified: 'Product', ...generated.products, map: toProduct }),
    prices: defineEntity<PricesRecord, 'Variant'>({ unified: 'Variant', ...generated.prices, map: toVariant }),
  },
});
