// Portage unified schema v1: one zod schema per entity, with TypeScript types inferred from it.
export {
  addressSchema,
  countryCodeSchema,
  currencyCodeSchema,
  externalIdSchema,
  isoDateSchema,
  isoDateTimeSchema,
  unifiedRecordSchema,
  unifiedRecordShape,
} from './common.js';
export type { Address, UnifiedRecord } from './common.js';
export { fromMinorUnits, minorUnitExponent, moneySchema, toMinorUnits } from './money.js';
export type { Money } from './money.js';

export { customerSchema, customerStatusSchema } from './commerce/customer.js';
export type { Customer } from './commerce/customer.js';
export { lineItemSchema } from './commerce/line-item.js';
export type { LineItem } from './commerce/line-item.js';
export {
  orderFinancialStatusSchema,
  orderFulfillmentStatusSchema,
  orderSchema,
  orderStatusSchema,
} from './commerce/order.js';
export type { Order } from './commerce/order.js';
export { productSchema, productStatusSchema } from './commerce/product.js';
export type { Product } from './commerce/product.js';
export { variantSchema } from './commerce/variant.js';
export type { Variant } from './commerce/variant.js';

export { accountSchema, accountStatusSchema, accountTypeSchema } from './accounting/account.js';
export type { Account } from './accounting/account.js';
export { contactSchema, contactStatusSchema } from './accounting/contact.js';
export type { Contact } from './accounting/contact.js';
export {
  invoiceLineItemSchema,
  invoiceSchema,
  invoiceStatusSchema,
  invoiceTypeSchema,
} from './accounting/invoice.js';
export type { Invoice, InvoiceLineItem } from './accounting/invoice.js';
export { paymentAllocationSchema, paymentSchema, paymentStatusSchema } from './accounting/payment.js';
export type { Payment, PaymentAllocation } from './accounting/payment.js';

export { payoutSchema, payoutStatusSchema } from './payments/payout.js';
export type { Payout } from './payments/payout.js';
export { transactionSchema, transactionStatusSchema, transactionTypeSchema } from './payments/transaction.js';
export type { Transaction } from './payments/transaction.js';

export { UNIFIED_ENTITY_NAMES, UNIFIED_SCHEMA_VERSION, UNIFIED_SCHEMAS, validateUnified } from './registry.js';
export type { UnifiedEntities, UnifiedEntityName } from './registry.js';
