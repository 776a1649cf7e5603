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
import { fromCustomer } from './mappings/customers-export.js';
import { toInvoice } from './mappings/invoices.js';
import { toProduct } from './mappings/products.js';
import { toVariant } from './mappings/prices.js';
import { stripeWebhooks } from './webhooks.js';

// Stripe answers 400 to `limit` above 100; the spec only says "integer", so the generator could not know.
const pageSize = { param: { in: 'query', name: 'limit' }, max: 100 } as const;

/**
 * The stripe connector. Lists page with `limit` + `starting_after` (the last id) until
 * `has_more` is false. Stripe has no modified-since filter on these lists (`created` filters
 * by creation time only), so every entity syncs by full passes, which also catch deletions.
 * Endpoints and pagination come from ./generated/entities.ts (regenerated); overrides are
 * written after the spread.
 *
 * @example for await (const page of client.paginate(stripe.entities.charges)) console.log(page.records.length);
 */
export const stripe = defineConnector({
  name: 'stripe',
  baseUrl: 'https://api.stripe.com',
  // The secret key as a bearer token: the spec's "bearerAuth" (it also accepts the key as basic-auth user).
  auth: { type: 'bearer' },
  // Stripe errors read { error: { type, code, message } }.
  errors: { messagePath: 'error.message', codePath: 'error.code', rules: [] },
  webhooks: stripeWebhooks,
  entities: {
    charges: defineEntity<ChargesRecord, 'Transaction'>({ unified: 'Transaction', ...generated.charges, pageSize, map: toTransaction }),
    customers: defineEntity<CustomersRecord, 'Customer'>({
      unified: 'Customer',
      ...generated.customers,
      pageSize,
      map: toCustomer,
      export: {
        ...generated.customersExport,
        create: { ...generated.customersExport.create, from: fromCustomer },
        update: { ...generated.customersExport.update, from: fromCustomer },
        // Stripe takes an Idempotency-Key header on every POST; its spec does not declare it.
        idempotencyHeader: 'Idempotency-Key',
      },
    }),
    invoices: defineEntity<InvoicesRecord, 'Invoice'>({ unified: 'Invoice', ...generated.invoices, pageSize, map: toInvoice }),
    products: defineEntity<ProductsRecord, 'Product'>({ unified: 'Product', ...generated.products, pageSize, map: toProduct }),
    prices: defineEntity<PricesRecord, 'Variant'>({ unified: 'Variant', ...generated.prices, pageSize, map: toVariant }),
  },
});
