import type { Account } from '@portage/core';
import type { AccountsRecord } from '../generated/platform.js';
import { need, opt, xeroDateTime } from './shared.js';

const TYPE: Record<string, Account['type']> = { ASSET: 'asset', EQUITY: 'equity', EXPENSE: 'expense', LIABILITY: 'liability', REVENUE: 'income' };
// DELETED has no unified equivalent: `other`.
const STATUS: Record<string, Account['status']> = { ACTIVE: 'active', ARCHIVED: 'archived' };

/** Maps one `accounts` record (an account of the chart of accounts) to a unified Account. */
export function toAccount(raw: AccountsRecord): Account {
  return {
    id: need(raw.AccountID, 'AccountID'),
    updatedAt: opt(raw.UpdatedDateUTC, xeroDateTime),
    name: need(raw.Name, 'Name'),
    code: raw.Code || undefined,
    // Class is the ledger classification; Type the finer one (BANK, CURRENT, SALES, ...).
    type: TYPE[raw.Class ?? ''] ?? 'other',
    subtype: raw.Type,
    status: STATUS[raw.Status ?? ''] ?? 'other',
    description: raw.Description || undefined,
    // Only bank accounts carry a currency.
    currency: raw.CurrencyCode || undefined,
  };
}
