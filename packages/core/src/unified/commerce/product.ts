import { z } from 'zod';
import { unifiedRecordShape } from '../common.js';
import { variantSchema } from './variant.js';

/**
 * Whether a product is for sale; `other` when the platform's status has no equivalent.
 *
 * @example productStatusSchema.parse('active')
 */
export const productStatusSchema = z.enum(['active', 'draft', 'archived', 'other']);

/**
 * A product in a catalogue, optionally with its variants inline.
 *
 * @example productSchema.parse({ id: '3', title: 'T-shirt', status: 'active' });
 */
export const productSchema = z.strictObject({
  ...unifiedRecordShape,
  title: z.string(),
  /** `null` when the platform holds an explicitly empty description. */
  description: z.string().nullable().optional(),
  status: productStatusSchema,
  vendor: z.string().optional(),
  productType: z.string().optional(),
  tags: z.array(z.string()).optional(),
  /** The storefront address of the product page. */
  url: z.string().optional(),
  /** Absent when the endpoint does not return variants with the product. */
  variants: z.array(variantSchema).optional(),
});

/**
 * A product in a catalogue.
 *
 * @example const skus = (product: Product) => product.variants?.map((v) => v.sku) ?? [];
 */
export type Product = z.infer<typeof productSchema>;
