import { z } from 'zod';
import { addressSchema, currencyCodeSchema, unifiedRecordShape } from '../common.js';

/**
 * Whether a contact can still be used on new documents.
 *
 * @example contactStatusSchema.parse('active')
 */
export const contactStatusSchema = z.enum(['active', 'archived', 'other']);

/**
 * A customer or supplier in an accounting system (one record can be both).
 *
 * @example contactSchema.parse({ id: 'c-1', name: 'Acme Ltd', isCustomer: true, status: 'active' });
 */
export const contactSchema = z.strictObject({
  ...unifiedRecordShape,
  name: z.string(),
  status: contactStatusSchema,
  isCustomer: z.boolean().optional(),
  isSupplier: z.boolean().optional(),
  email: z.string().optional(),
  phone: z.string().optional(),
  /** VAT, GST or EIN number, as sent. */
  taxNumber: z.string().optional(),
  /** The default currency of documents for this contact. */
  currency: currencyCodeSchema.optional(),
  address: addressSchema.optional(),
});

/**
 * A customer or supplier in an accounting system.
 *
 * @example const isVendor = (contact: Contact) => contact.isSupplier === true;
 */
export type Contact = z.infer<typeof contactSchema>;
