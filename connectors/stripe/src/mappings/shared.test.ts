import { describe, expect, it } from 'vitest';
import { idOf, isoTime, money } from './shared.js';

describe('money', () => {
  it.each([
    { given: [1999, 'usd'], want: { amount: 1999, currency: 'USD' } },
    { given: [500, 'jpy'], want: { amount: 500, currency: 'JPY' } },
    { given: [5120, 'kwd'], want: { amount: 5120, currency: 'KWD' } },
    // Stripe keeps ISK two-decimal (ISO: none) and MGA zero-decimal (ISO: two).
    { given: [150000, 'isk'], want: { amount: 1500, currency: 'ISK' } },
    { given: [-500, 'isk'], want: { amount: -5, currency: 'ISK' } },
    { given: [1000, 'mga'], want: { amount: 100000, currency: 'MGA' } },
  ] as const)('$given.0 $given.1 -> $want.amount $want.currency', ({ given, want }) => {
    expect(money(given[0], given[1])).toEqual(want);
  });

  it('refuses a fractional ISK amount (before 2023 Stripe allowed them) instead of rounding it', () => {
    expect(() => money(4010, 'isk')).toThrow(/ISK/);
  });
});

describe('isoTime and idOf', () => {
  it('reads unix seconds as a UTC instant', () => {
    expect(isoTime(1717243200)).toBe('2024-06-01T12:00:00.000Z');
  });

  it.each([
    { given: 'cus_1', want: 'cus_1' },
    { given: { id: 'cus_2', object: 'customer' }, want: 'cus_2' },
    { given: null, want: undefined },
  ])('idOf($given) -> $want', ({ given, want }) => {
    expect(idOf(given)).toBe(want);
  });
});
