import { z } from 'zod';
import { externalIdSchema, isoDateTimeSchema, unifiedRecordShape } from '../common.js';
import { moneySchema } from '../money.js';

/**
 * What moved money in a payment processor's balance.
 *
 * @example transactionTypeSchema.parse('refund')
 */
export const transactionTypeSchema = z.enum(['charge', 'refund', 'adjustment', 'payout', 'other']);

/**
 * Whether a transaction has settled; `other` when the platform's status has no equivalent.
 *
 * @example transactionStatusSchema.parse('succeeded')
 */
export const transactionStatusSchema = z.enum(['pending', 'succeeded', 'failed', 'cancelled', 'other']);

/**
 * One movement in a payment processor's balance (a charge, a refund, a fee adjustment).
 * `amount` is signed as it affects the merchant's balance: refunds and payouts are negative.
 *
 * @example
 * transactionSchema.parse({
 *   id: 'txn_1', type: 'charge', status: 'succeeded', amount: { amount: 1000, currency: 'USD' },
 *   fee: { amount: 59, currency: 'USD' }, net: { amount: 941, currency: 'USD' },
 * });
 */
export const transactionSchema = z.strictObject({
  ...unifiedRecordShape,
  type: transactionTypeSchema,
  status: transactionStatusSchema,
  /** Gross amount, signed. */
  amount: moneySchema,
  /** The processor's fee, a positive amount. */
  fee: moneySchema.optional(),
  /** `amount` minus `fee`, as the processor reports it. */
  net: moneySchema.optional(),
  description: z.string().optional(),
  /** The charge, refund or dispute this transaction records. */
  sourceId: externalIdSchema.optional(),
  customerId: externalIdSchema.optional(),
  orderId: externalIdSchema.optional(),
  /** The payout that settled this transaction to the bank. */
  payoutId: externalIdSchema.optional(),
  /** When the funds become available for payout. */
  availableOn: isoDateTimeSchema.optional(),
});

/**
 * One movement in a payment processor's balance.
 *
 * @example const fees = (txns: Transaction[]) => txns.reduce((sum, t) => sum + (t.fee?.amount ?? 0), 0);
 */
export type Transaction = z.infer<typeof transactionSchema>;
