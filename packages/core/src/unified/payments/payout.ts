import { z } from 'zod';
import { externalIdSchema, isoDateSchema, unifiedRecordShape } from '../common.js';
import { moneySchema } from '../money.js';

/**
 * Where a payout is on its way to the bank; `other` when the platform's status has no equivalent.
 *
 * @example payoutStatusSchema.parse('in_transit')
 */
export const payoutStatusSchema = z.enum(['pending', 'in_transit', 'paid', 'failed', 'cancelled', 'other']);

/**
 * A transfer of settled funds from a payment processor to the merchant's bank account.
 *
 * @example
 * payoutSchema.parse({ id: 'po_1', status: 'paid', amount: { amount: 94100, currency: 'USD' }, arrivalDate: '2024-03-04' });
 */
export const payoutSchema = z.strictObject({
  ...unifiedRecordShape,
  status: payoutStatusSchema,
  /** What reaches the bank, positive. */
  amount: moneySchema,
  /** A fee charged for the payout itself (instant payouts). */
  fee: moneySchema.optional(),
  /** The date the bank is expected to receive, or received, the funds. */
  arrivalDate: isoDateSchema.optional(),
  /** The platform's id of the receiving bank account or card. */
  destinationId: externalIdSchema.optional(),
  description: z.string().optional(),
  failureReason: z.string().optional(),
});

/**
 * A transfer of settled funds to the merchant's bank.
 *
 * @example const arrived = (payout: Payout) => payout.status === 'paid';
 */
export type Payout = z.infer<typeof payoutSchema>;
