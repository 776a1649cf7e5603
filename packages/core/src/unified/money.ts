import { z } from 'zod';
import { PortageError } from '../errors/portage-error.js';
import { currencyCodeSchema } from './common.js';

/**
 * An amount of money: an integer count of the currency's minor units (cents, fils, yen) and
 * an ISO 4217 code. Never a float.
 *
 * @example moneySchema.parse({ amount: 1234, currency: 'USD' }) // $12.34
 */
export const moneySchema = z.strictObject({
  amount: z
    .number()
    .int()
    .refine(Number.isSafeInteger, 'expected a safe integer of minor units'),
  currency: currencyCodeSchema,
});

/**
 * An amount of money in minor units.
 *
 * @example const price: Money = { amount: 500, currency: 'JPY' }; // ¥500
 */
export type Money = z.infer<typeof moneySchema>;

const ZERO_DECIMAL = [
  'BIF', 'CLP', 'DJF', 'GNF', 'ISK', 'JPY', 'KMF', 'KRW', 'PYG',
  'RWF', 'UGX', 'UYI', 'VND', 'VUV', 'XAF', 'XOF', 'XPF',
];
const THREE_DECIMAL = ['BHD', 'IQD', 'JOD', 'KWD', 'LYD', 'OMR', 'TND'];
const FOUR_DECIMAL = ['CLF', 'UYW'];

const EXPONENTS: ReadonlyMap<string, number> = new Map([
  ...ZERO_DECIMAL.map((code) => [code, 0] as const),
  ...THREE_DECIMAL.map((code) => [code, 3] as const),
  ...FOUR_DECIMAL.map((code) => [code, 4] as const),
]);

/**
 * The ISO 4217 minor-unit exponent of a currency: digits after the decimal point (2 unless
 * the currency is known to differ).
 *
 * @example minorUnitExponent('JPY') // 0
 * @example minorUnitExponent('KWD') // 3
 */
export function minorUnitExponent(currency: string): number {
  return EXPONENTS.get(currency) ?? 2;
}

const DECIMAL = /^([+-])?(?:(\d+)(?:\.(\d*))?|\.(\d+))(?:[eE]([+-]?\d+))?$/;
const MAX_SAFE = BigInt(Number.MAX_SAFE_INTEGER);

function invalid(message: string): PortageError {
  return new PortageError('VALIDATION_FAILED', message);
}

function normalizeCurrency(currency: string): string {
  const code = currency.toUpperCase();
  if (!/^[A-Z]{3}$/.test(code)) {
    throw invalid(`currency ${JSON.stringify(currency)} is not an ISO 4217 code: pass three letters such as "USD"`);
  }
  return code;
}

/**
 * Converts a decimal amount to integer minor units exactly (string arithmetic, no float
 * multiplication). Accepts plain and exponent forms. Throws VALIDATION_FAILED when the amount
 * has more decimals than the currency allows (nothing is rounded), is not a number, or does not
 * fit in a safe integer. Currency codes are upper-cased (Stripe sends "usd"). Pass amounts that
 * exceed float precision as strings: a `number` argument is read as its shortest decimal form.
 *
 * @example toMinorUnits('12.34', 'USD') // { amount: 1234, currency: 'USD' }
 * @example toMinorUnits('1E+2', 'JPY') // { amount: 100, currency: 'JPY' }
 * @example toMinorUnits('12.345', 'USD') // throws PortageError VALIDATION_FAILED
 */
export function toMinorUnits(amount: string | number, currency: string): Money {
  const code = normalizeCurrency(currency);
  if (typeof amount === 'number' && !Number.isFinite(amount)) {
    throw invalid(`amount ${String(amount)} is not a finite number: map a real decimal amount`);
  }
  const text = typeof amount === 'number' ? String(amount) : amount.trim();
  const match = DECIMAL.exec(text);
  if (!match) {
    throw invalid(
      `amount ${JSON.stringify(amount)} is not a decimal number: pass digits with an optional sign, "." and exponent, without thousands separators or currency symbols`,
    );
  }
  const [, sign, intPart, fracPart, bareFrac, expPart] = match;
  const fraction = fracPart ?? bareFrac ?? '';
  const exponent = minorUnitExponent(code);

  let digits = `${intPart ?? ''}${fraction}`.replace(/^0+/, '');
  if (digits === '') return { amount: 0, currency: code };
  // value = digits * 10^shift minor units
  let shift = Number(expPart ?? '0') - fraction.length + exponent;
  const trimmed = digits.replace(/0+$/, '');
  shift += digits.length - trimmed.length;
  digits = trimmed;

  if (shift < 0) {
    const decimals = exponent - shift;
    throw invalid(
      `amount ${JSON.stringify(amount)} has ${decimals} decimal places but ${code} allows ${exponent}: round it explicitly before converting, or check that the currency is right`,
    );
  }
  const tooBig = () =>
    invalid(`amount ${JSON.stringify(amount)} ${code} is beyond the safe integer range of minor units: check the amount and its currency`);
  if (digits.length + shift > 16) throw tooBig();
  const minor = BigInt(digits) * 10n ** BigInt(shift);
  if (minor > MAX_SAFE) throw tooBig();
  return { amount: Number(sign === '-' ? -minor : minor), currency: code };
}

/**
 * Formats money as its exact decimal string in major units. Throws VALIDATION_FAILED when the
 * value is not valid Money.
 *
 * @example fromMinorUnits({ amount: 1234, currency: 'USD' }) // '12.34'
 * @example fromMinorUnits({ amount: -5, currency: 'KWD' }) // '-0.005'
 */
export function fromMinorUnits(money: Money): string {
  const parsed = moneySchema.safeParse(money);
  if (!parsed.success) {
    throw invalid(`${JSON.stringify(money)} is not Money: pass an integer amount of minor units and an ISO 4217 code`);
  }
  const { amount, currency } = parsed.data;
  const exponent = minorUnitExponent(currency);
  const digits = String(Math.abs(amount)).padStart(exponent + 1, '0');
  const sign = amount < 0 ? '-' : '';
  if (exponent === 0) return `${sign}${digits}`;
  return `${sign}${digits.slice(0, -exponent)}.${digits.slice(-exponent)}`;
}
