import { transactionSchema } from '@portage/core';
import { describe, expect, it } from 'vitest';
import type { ChargesRecord, Stripe } from '../generated/platform.js';
import { toTransaction } from './charges.js';

const charge = {
  id: 'ch_1',
  object: 'charge',
  amount: 10000,
  currency: 'eur',
  status: 'succeeded',
  captured: true,
  created: 1717243200,
} as ChargesRecord;

describe('toTransaction', () => {
  it('takes fee, net and availability from an expanded balance transaction (settlement currency)', () => {
    const balance = { id: 'txn_1', object: 'balance_transaction', amount: 10850, currency: 'usd', fee: 344, net: 10506, available_on: 1717804800 } as Stripe['balance_transaction'];
    const mapped = toTransaction({ ...charge, balance_transaction: balance });
    expect(mapped).toMatchObject({
      amount: { amount: 10000, currency: 'EUR' },
      fee: { amount: 344, currency: 'USD' },
      net: { amount: 10506, currency: 'USD' },
      availableOn: '2024-06-08T00:00:00.000Z',
    });
    expect(transactionSchema.safeParse(mapped).success).toBe(true);
  });

  it('leaves fee and net out when the list sent only the balance transaction id', () => {
    const mapped = toTransaction({ ...charge, balance_transaction: 'txn_1' });
    expect(mapped).not.toHaveProperty('fee');
    expect(mapped).not.toHaveProperty('net');
  });
});
