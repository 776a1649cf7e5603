import { describe, it, expect } from 'vitest';
import { isPortageError } from '../errors/portage-error.js';
import { fromMinorUnits, minorUnitExponent, moneySchema, toMinorUnits } from './money.js';

function codeOf(run: () => unknown): string | undefined {
  try {
    run();
  } catch (err) {
    return isPortageError(err) ? err.code : 'not a PortageError';
  }
  return undefined;
}

describe('toMinorUnits', () => {
  it.each([
    { given: ['12.34', 'USD'], want: { amount: 1234, currency: 'USD' } },
    { given: ['12', 'USD'], want: { amount: 1200, currency: 'USD' } },
    { given: ['12.3', 'USD'], want: { amount: 1230, currency: 'USD' } },
    { given: ['12.340', 'USD'], want: { amount: 1234, currency: 'USD' } },
    { given: [12.3, 'USD'], want: { amount: 1230, currency: 'USD' } },
    { given: [0.3, 'USD'], want: { amount: 30, currency: 'USD' } },
    { given: [19.99, 'EUR'], want: { amount: 1999, currency: 'EUR' } },
    { given: ['-0.5', 'USD'], want: { amount: -50, currency: 'USD' } },
    { given: ['+7.5', 'GBP'], want: { amount: 750, currency: 'GBP' } },
    { given: ['.5', 'USD'], want: { amount: 50, currency: 'USD' } },
    { given: ['-0.00', 'USD'], want: { amount: 0, currency: 'USD' } },
    { given: ['0', 'JPY'], want: { amount: 0, currency: 'JPY' } },
    { given: ['500', 'JPY'], want: { amount: 500, currency: 'JPY' } },
    { given: ['500.00', 'JPY'], want: { amount: 500, currency: 'JPY' } },
    { given: ['1500', 'KRW'], want: { amount: 1500, currency: 'KRW' } },
    { given: ['1.234', 'KWD'], want: { amount: 1234, currency: 'KWD' } },
    { given: ['1.5', 'BHD'], want: { amount: 1500, currency: 'BHD' } },
    { given: ['1E+2', 'USD'], want: { amount: 10000, currency: 'USD' } },
    { given: ['1E+2', 'JPY'], want: { amount: 100, currency: 'JPY' } },
    { given: ['1.0E7', 'USD'], want: { amount: 1_000_000_000, currency: 'USD' } },
    { given: ['1.25e-1', 'KWD'], want: { amount: 125, currency: 'KWD' } },
    { given: ['125e-2', 'USD'], want: { amount: 125, currency: 'USD' } },
    { given: [1e6, 'USD'], want: { amount: 100_000_000, currency: 'USD' } },
    { given: ['90071992547409.91', 'USD'], want: { amount: 9_007_199_254_740_991, currency: 'USD' } },
    { given: ['-90071992547409.91', 'USD'], want: { amount: -9_007_199_254_740_991, currency: 'USD' } },
    { given: ['9007199254740991', 'JPY'], want: { amount: 9_007_199_254_740_991, currency: 'JPY' } },
    { given: ['12.34', 'usd'], want: { amount: 1234, currency: 'USD' } },
    { given: [' 12.34 ', 'USD'], want: { amount: 1234, currency: 'USD' } },
  ] as const)('$given.0 $given.1 -> $want.amount', ({ given, want }) => {
    expect(toMinorUnits(given[0], given[1])).toEqual(want);
  });

  it.each([
    { given: ['12.345', 'USD'], why: 'more decimals than USD allows' },
    { given: ['0.001', 'EUR'], why: 'more decimals than EUR allows' },
    { given: ['1.5', 'JPY'], why: 'JPY has no minor unit' },
    { given: ['1.2345', 'KWD'], why: 'more decimals than KWD allows' },
    { given: [0.125, 'USD'], why: 'a number with too many decimals' },
    { given: [0.1 + 0.2, 'USD'], why: 'float noise (0.30000000000000004)' },
    { given: ['1E-3', 'USD'], why: 'exponent form with too many decimals' },
    { given: ['90071992547409.92', 'USD'], why: 'one above the safe integer range' },
    { given: ['1E+20', 'USD'], why: 'far beyond the safe integer range' },
    { given: ['1E+999999999', 'USD'], why: 'a huge exponent' },
    { given: ['abc', 'USD'], why: 'not a number' },
    { given: ['', 'USD'], why: 'empty' },
    { given: ['1,234.56', 'USD'], why: 'thousands separator' },
    { given: ['$12', 'USD'], why: 'currency symbol' },
    { given: ['1.2.3', 'USD'], why: 'two points' },
    { given: ['.', 'USD'], why: 'a lone point' },
    { given: ['0x10', 'USD'], why: 'hexadecimal' },
    { given: [Number.NaN, 'USD'], why: 'NaN' },
    { given: [Number.POSITIVE_INFINITY, 'USD'], why: 'Infinity' },
    { given: ['12', 'US'], why: 'a two-letter currency' },
    { given: ['12', 'US$'], why: 'a currency symbol as currency' },
  ] as const)('throws VALIDATION_FAILED for $why ($given.0 $given.1)', ({ given }) => {
    expect(codeOf(() => toMinorUnits(given[0], given[1]))).toBe('VALIDATION_FAILED');
  });

  it('puts the amount, the currency and the allowed decimals in the message', () => {
    expect(() => toMinorUnits('12.345', 'USD')).toThrow(/12\.345.*USD/);
  });
});

describe('fromMinorUnits', () => {
  it.each([
    { given: { amount: 1234, currency: 'USD' }, want: '12.34' },
    { given: { amount: 5, currency: 'USD' }, want: '0.05' },
    { given: { amount: -5, currency: 'USD' }, want: '-0.05' },
    { given: { amount: 0, currency: 'EUR' }, want: '0.00' },
    { given: { amount: 500, currency: 'JPY' }, want: '500' },
    { given: { amount: -5, currency: 'KWD' }, want: '-0.005' },
    { given: { amount: 9_007_199_254_740_991, currency: 'USD' }, want: '90071992547409.91' },
  ])('$given.amount $given.currency -> $want', ({ given, want }) => {
    expect(fromMinorUnits(given)).toBe(want);
  });

  it.each([
    { given: { amount: 12.5, currency: 'USD' } },
    { given: { amount: 2 ** 60, currency: 'USD' } },
    { given: { amount: 1, currency: 'usd' } },
  ])('throws VALIDATION_FAILED for $given.amount $given.currency', ({ given }) => {
    expect(codeOf(() => fromMinorUnits(given))).toBe('VALIDATION_FAILED');
  });

  it.each(['0.01', '-12.34', '90071992547409.91', '1.00'])('round-trips %s USD', (given) => {
    expect(toMinorUnits(fromMinorUnits(toMinorUnits(given, 'USD')), 'USD')).toEqual(toMinorUnits(given, 'USD'));
  });
});

describe('minorUnitExponent', () => {
  it.each([
    { given: 'JPY', want: 0 },
    { given: 'VND', want: 0 },
    { given: 'XOF', want: 0 },
    { given: 'USD', want: 2 },
    { given: 'KWD', want: 3 },
    { given: 'TND', want: 3 },
    { given: 'CLF', want: 4 },
  ])('$given -> $want', ({ given, want }) => {
    expect(minorUnitExponent(given)).toBe(want);
  });
});

describe('moneySchema', () => {
  it.each([
    { given: { amount: 100, currency: 'USD' }, want: true },
    { given: { amount: 1.5, currency: 'USD' }, want: false },
    { given: { amount: 2 ** 53, currency: 'USD' }, want: false },
    { given: { amount: 100, currency: 'usd' }, want: false },
    { given: { amount: '100', currency: 'USD' }, want: false },
    { given: { amount: 100, currency: 'USD', extra: 1 }, want: false },
  ])('$given -> $want', ({ given, want }) => {
    expect(moneySchema.safeParse(given).success).toBe(want);
  });
});
