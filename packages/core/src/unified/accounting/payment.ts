import { z } from 'zod';
import { externalIdSchema, isoDateSchema, unifiedRecordShape } from '../common.js';
import { moneySchema } from '../money.js';
import { invoiceTypeSchema } from './invoice.js';

/**
 * Where a payment is in its life; `other` when the platform's status has no equivalent.
 *
 * @example paymentStatusSchema.parse('completed')
 */
export const paymentStatusSchema = z.enum(['pending', 'completed', 'voided', 'other']);

/**
 * The part of a payment applied to one invoice.
 *
 * @example paymentAllocationSchema.parse({ invoiceId: 'inv-1', amount: { amount: 5000, currency: 'EUR' } });
 */
export const paymentAllocationSchema = z.strictObject({
  invoiceId: externalIdSchema,
  amount: moneySchema,
});

/**
 * The part of a payment applied to one invoice.
 *
 * @example const applied: PaymentAllocation = { invoiceId: 'inv-1', amount: { amount: 5000, currency: 'EUR' } };
 */
export type PaymentAllocation = z.infer<typeof paymentAllocationSchema>;

/**
 * Money received against receivable invoices or paid against bills, as the ledger records it.
 *
 * @example
 * paymentSchema.parse({
 *   id: 'p-1', type: 'receivable', contactId: 'c-1', status: 'completed', date: '2024-03-15',
 *   amount: { amount: 5000, currency: 'EUR' }, allocations: [{ invoiceId: 'inv-1', amount: { amount: 5000, currency: 'EUR' } }],
 * });
 */
export const paymentSchema = z.strictObject({
  ...unifiedRecordShape,
  /** `receivable` for money in from a customer, `payable` for money out to a supplier. */
  type: invoiceTypeSchema,
  contactId: externalIdSchema.optional(),
  status: paymentStatusSchema,
  date: isoDateSchema,
  amount: moneySchema,
  /** The bank or clearing account the money moved through. */
  accountId: externalIdSchema.optional(),
  /** How the payment is split across invoices; absent when the platform does not say. */
  allocations: z.array(paymentAllocationSchema).optional(),
  reference: z.string().optional(),
  memo: z.string().optional(),
});

/**
 * A payment recorded in an accounting system.
 *
 * @example const invoiceIds = (payment: Payment) => payment.allocations?.map((a) => a.invoiceId) ?? [];
 */
export type Payment = z.infer<typeof paymentSchema>;
