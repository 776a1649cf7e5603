import { PortageError, type Address, type Money } from '@portage/core';
import type { Square } from '../generated/platform.js';

/** Square money is already integer minor units; `undefined` when Square left out the amount or its currency. */
export function toMoney(money: Square['Money'] | undefined): Money | undefined {
  return money?.amount === undefined || money.currency === undefined ? undefined : { amount: money.amount, currency: money.currency };
}

/** {@link toMoney} for an amount the unified record cannot do without: its absence rejects the record. */
export function requireMoney(money: Square['Money'] | undefined, what: string): Money {
  const mapped = toMoney(money);
  if (!mapped) throw new PortageError('VALIDATION_FAILED', `${what} has no amount with a currency, which the unified record requires`);
  return mapped;
}

/** A Square address; the level-1 administrative district is the state or province. */
export function toAddress(a: Square['Address'] | undefined): Address | undefined {
  return a && { line1: a.address_line_1, line2: a.address_line_2, city: a.locality, region: a.administrative_district_level_1, postalCode: a.postal_code, country: a.country };
}
