import { z } from 'zod';
import { addressSchema, externalIdSchema, isoDateTimeSchema, unifiedRecordShape } from '../common.js';
import { moneySchema } from '../money.js';
import { lineItemSchema } from './line-item.js';

/**
 * Where an order is in its life; `other` when the platform's status has no equivalent.
 *
 * @example orderStatusSchema.parse('open')
 */
export const orderStatusSchema = z.enum(['draft', 'open', 'closed', 'cancelled', 'other']);

/**
 * Whether an order has been paid for.
 *
 * @example orderFinancialStatusSchema.parse('partially_refunded')
 */
export const orderFinancialStatusSchema = z.enum([
  'pending',
  'authorized',
  'partially_paid',
  'paid',
  'partially_refunded',
  'refunded',
  'voided',
  'other',
]);

/**
 * Whether an order's goods have been shipped.
 *
 * @example orderFulfillmentStatusSchema.parse('unfulfilled')
 */
export const orderFulfillmentStatusSchema = z.enum([
  'unfulfilled',
  'partially_fulfilled',
  'fulfilled',
  'restocked',
  'other',
]);

/**
 * A sales order from a store or marketplace.
 *
 * @example
 * orderSchema.parse({
 *   id: '42', status: 'open', financialStatus: 'paid', fulfillmentStatus: 'unfulfilled',
 *   lineItems: [], subtotal: { amount: 0, currency: 'USD' }, total: { amount: 0, currency: 'USD' },
 * });
 */
export const orderSchema = z.strictObject({
  ...unifiedRecordShape,
  /** The number people see, such as "#1001"; the `id` is the API's id. */
  orderNumber: z.string().optional(),
  customerId: externalIdSchema.optional(),
  email: z.string().optional(),
  status: orderStatusSchema,
  financialStatus: orderFinancialStatusSchema.optional(),
  fulfillmentStatus: orderFulfillmentStatusSchema.optional(),
  lineItems: z.array(lineItemSchema),
  /** Sum of the lines before order-level discounts, shipping and tax. */
  subtotal: moneySchema,
  totalDiscount: moneySchema.optional(),
  totalShipping: moneySchema.optional(),
  totalTax: moneySchema.optional(),
  /** What the customer pays. */
  total: moneySchema,
  billingAddress: addressSchema.optional(),
  /** `null` when the order needs no shipping (digital goods). */
  shippingAddress: addressSchema.nullable().optional(),
  /** When the customer placed the order, if it differs from `createdAt`. */
  placedAt: isoDateTimeSchema.optional(),
  cancelledAt: isoDateTimeSchema.nullable().optional(),
  note: z.string().optional(),
});

/**
 * A sales order.
 *
 * @example const statusOf = (order: Order) => order.financialStatus ?? 'other';
 */
export type Order = z.infer<typeof orderSchema>;
