import { z } from 'zod';
import { currencyCodeSchema, externalIdSchema, unifiedRecordShape } from '../common.js';
import { moneySchema } from '../money.js';

/**
 * The classification of a ledger account; `other` when the platform's class has no equivalent.
 *
 * @example accountTypeSchema.parse('income')
 */
export const accountTypeSchema = z.enum(['asset', 'liability', 'equity', 'income', 'expense', 'other']);

/**
 * Whether an account can still be posted to.
 *
 * @example accountStatusSchema.parse('archived')
 */
export const accountStatusSchema = z.enum(['active', 'archived', 'other']);

/**
 * An account of the chart of accounts in a general ledger.
 *
 * @example accountSchema.parse({ id: '81', name: 'Sales', code: '4000', type: 'income', status: 'active' });
 */
export const accountSchema = z.strictObject({
  ...unifiedRecordShape,
  name: z.string(),
  /** The account number people use, such as "4000". */
  code: z.string().optional(),
  type: accountTypeSchema,
  /** The platform's finer classification, as sent ("AccountsReceivable", "Bank"). */
  subtype: z.string().optional(),
  status: accountStatusSchema,
  description: z.string().optional(),
  currency: currencyCodeSchema.optional(),
  /** The current balance, when the platform reports one. */
  balance: moneySchema.optional(),
  parentId: externalIdSchema.optional(),
});

/**
 * A ledger account.
 *
 * @example const isRevenue = (account: Account) => account.type === 'income';
 */
export type Account = z.infer<typeof accountSchema>;
