import { z } from 'zod';
import { externalIdSchema, unifiedRecordShape } from '../common.js';
import { moneySchema } from '../money.js';

/**
 * One sellable version of a product (a size, a colour), with its own SKU, price and stock.
 *
 * @example
 * variantSchema.parse({ id: '7', productId: '3', sku: 'TEE-L', price: { amount: 1500, currency: 'USD' } });
 */
export const variantSchema = z.strictObject({
  ...unifiedRecordShape,
  productId: externalIdSchema,
  /** `null` when the platform holds no SKU for the variant (map `""` to `null`). */
  sku: z.string().min(1).nullable(),
  title: z.string().optional(),
  price: moneySchema,
  /** The "was" price shown struck through; `null` when explicitly removed. */
  compareAtPrice: moneySchema.nullable().optional(),
  /** Units on hand across locations; negative when oversold. */
  inventoryQuantity: z.number().int().optional(),
  barcode: z.string().optional(),
  /** Option values by option name, such as `{ Size: 'L', Colour: 'Red' }`. */
  options: z.record(z.string(), z.string()).optional(),
});

/**
 * One sellable version of a product.
 *
 * @example const inStock = (variant: Variant) => (variant.inventoryQuantity ?? 0) > 0;
 */
export type Variant = z.infer<typeof variantSchema>;
