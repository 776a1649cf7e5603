import { z } from 'zod';
import { externalIdSchema, unifiedRecordShape } from '../common.js';
import { moneySchema } from '../money.js';

/**
 * One line of an order: what was bought, how many, and at what unit price.
 *
 * @example
 * lineItemSchema.parse({
 *   id: '9', name: 'T-shirt / L', quantity: 2, price: { amount: 1500, currency: 'USD' },
 * });
 */
export const lineItemSchema = z.strictObject({
  ...unifiedRecordShape,
  productId: externalIdSchema.optional(),
  variantId: externalIdSchema.optional(),
  sku: z.string().optional(),
  /** The title shown on the order, as it was when the order was placed. */
  name: z.string(),
  quantity: z.number().int().nonnegative(),
  /** Unit price before discounts and tax. */
  price: moneySchema,
  /** Discount on the whole line. */
  totalDiscount: moneySchema.optional(),
  /** Tax on the whole line. */
  totalTax: moneySchema.optional(),
  /** What the line costs in total, as the platform reports it. */
  total: moneySchema.optional(),
  requiresShipping: z.boolean().optional(),
});

/**
 * One line of an order.
 *
 * @example const line: LineItem = { id: '9', name: 'Mug', quantity: 1, price: { amount: 800, currency: 'EUR' } };
 */
export type LineItem = z.infer<typeof lineItemSchema>;
