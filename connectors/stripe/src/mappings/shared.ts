import { toMinorUnits, type Money } from '@portage/core';

// Where Stripe's API exponent differs from ISO 4217 (which unified Money follows): Stripe keeps
// ISK two-decimal (100 = 1 krona) and treats MGA as zero-decimal (1 = 1 ariary).
const STRIPE_EXPONENT: Readonly<Record<string, number>> = { ISK: 2, MGA: 0 };

/**
 * A Stripe amount as unified Money. Stripe already sends integer minor units, used as they
 * are, except for the currencies whose Stripe exponent is not the ISO one (rescaled exactly).
 *
 * @example money(1999, 'usd') // { amount: 1999, currency: 'USD' }
 * @example money(150000, 'isk') // { amount: 1500, currency: 'ISK' }
 */
export function money(amount: number, currency: string): Money {
  const code = currency.toUpperCase();
  const exponent = STRIPE_EXPONENT[code];
  return exponent === undefined ? { amount, currency: code } : toMinorUnits(`${amount}e-${exponent}`, code);
}

/**
 * A Stripe timestamp (unix seconds) as an ISO 8601 instant in UTC.
 *
 * @example isoTime(1700000000) // '2023-11-14T22:13:20.000Z'
 */
export function isoTime(seconds: number): string {
  return new Date(seconds * 1000).toISOString();
}

/**
 * The id behind an expandable reference, which Stripe sends as the id or as the expanded object.
 *
 * @example idOf('cus_123') // 'cus_123'
 * @example idOf({ id: 'cus_123', object: 'customer' }) // 'cus_123'
 */
export function idOf(reference: string | { id?: string } | null | undefined): string | undefined {
  return typeof reference === 'string' ? reference : reference?.id;
}
