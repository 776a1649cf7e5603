import type { Transaction } from '@portage/core';
import type { ChargesRecord } from '../generated/platform.js';
import { idOf, isoTime, money } from './shared.js';

const STATUS: Readonly<Record<string, Transaction['status']>> = { succeeded: 'succeeded', pending: 'pending', failed: 'failed' };

/**
 * Maps one Stripe charge to a unified Transaction: the gross amount charged; fee, net and
 * availability only when the charge's balance transaction was expanded (lists send its id).
 */
export function toTransaction(raw: ChargesRecord): Transaction {
  const balance = typeof raw.balance_transaction === 'object' ? raw.balance_transaction : null;
  return {
    id: raw.id,
    type: 'charge',
    // An authorised, uncaptured charge says "succeeded" but has moved no money yet.
    status: raw.status === 'succeeded' && !raw.captured ? 'pending' : (STATUS[raw.status] ?? 'other'),
    amount: money(raw.amount, raw.currency),
    ...(balance && {
      fee: money(balance.fee, balance.currency),
      net: money(balance.net, balance.currency),
      availableOn: isoTime(balance.available_on),
    }),
    description: raw.description ?? undefined,
    customerId: idOf(raw.customer),
    // The invoice a charge pays is the closest thing Stripe has to an order.
    orderId: idOf(raw.invoice),
    createdAt: isoTime(raw.created),
  };
}
