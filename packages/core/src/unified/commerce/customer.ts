import { z } from 'zod';
import { addressSchema, unifiedRecordShape } from '../common.js';

/**
 * The state of a customer account; `other` when the platform's state has no equivalent.
 *
 * @example customerStatusSchema.parse('active')
 */
export const customerStatusSchema = z.enum(['active', 'invited', 'disabled', 'other']);

/**
 * A person or business that buys from a store. Contact details are kept as the platform sent
 * them (not format-checked), so one odd email does not reject the record.
 *
 * @example customerSchema.parse({ id: '5', email: 'ada@example.com', firstName: 'Ada' });
 */
export const customerSchema = z.strictObject({
  ...unifiedRecordShape,
  /** `null` when the customer explicitly has no email (guest checkouts by phone). */
  email: z.string().nullable().optional(),
  phone: z.string().nullable().optional(),
  firstName: z.string().optional(),
  lastName: z.string().optional(),
  companyName: z.string().optional(),
  status: customerStatusSchema.optional(),
  /** The default address. */
  address: addressSchema.optional(),
  acceptsMarketing: z.boolean().optional(),
  tags: z.array(z.string()).optional(),
});

/**
 * A person or business that buys from a store.
 *
 * @example const label = (c: Customer) => [c.firstName, c.lastName].filter(Boolean).join(' ');
 */
export type Customer = z.infer<typeof customerSchema>;
