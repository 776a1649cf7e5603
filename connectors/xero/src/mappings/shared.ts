import { PortageError, toMinorUnits, type Money } from '@portage/core';

/** Xero's JSON dates: `/Date(1573755038314+0000)/`, epoch milliseconds and an offset that does not move the instant. */
const JSON_DATE = /^\/Date\((-?\d+)(?:[+-]\d{4})?\)\/$/;
const CALENDAR_DATE = /^\d{4}-\d{2}-\d{2}/;
const HAS_ZONE = /(?:Z|[+-]\d{2}:?\d{2})$/i;

/**
 * A Xero timestamp as ISO 8601 in UTC. Accepts the JSON form `/Date(<epoch ms>+0000)/` and ISO
 * date-times; those without a zone (`2019-11-14T18:10:38`) are UTC, as Xero's `*UTC` fields say.
 *
 * @example xeroDateTime('/Date(1573755038314+0000)/') // '2019-11-14T18:10:38.314Z'
 */
export function xeroDateTime(value: string): string {
  const epochMs = JSON_DATE.exec(value)?.[1];
  const date = new Date(epochMs !== undefined ? Number(epochMs) : HAS_ZONE.test(value) ? value : `${value}Z`);
  if (Number.isNaN(date.getTime())) throw new PortageError('VALIDATION_FAILED', `"${value}" is not a Xero date: expected "YYYY-MM-DD", "/Date(<epoch ms>+0000)/" or an ISO 8601 date-time`);
  return date.toISOString();
}

/**
 * A Xero calendar date (invoice, due and payment dates) as `YYYY-MM-DD`. Accepts `2019-11-14`,
 * `2019-11-14T00:00:00` and the JSON form `/Date(1573689600000+0000)/` (midnight UTC of that day).
 *
 * @example xeroDate('/Date(1573689600000+0000)/') // '2019-11-14'
 */
export function xeroDate(value: string): string {
  return CALENDAR_DATE.test(value) ? value.slice(0, 10) : xeroDateTime(value).slice(0, 10);
}

/**
 * A Xero decimal amount as exact minor units. Xero sends at most 4 decimal places, so formatting
 * to 4 places drops binary float noise (0.1 + 0.2) and never rounds a real amount; an amount with
 * more places than the currency allows still fails in `toMinorUnits`.
 *
 * @example money(0.1 + 0.2, 'NZD') // { amount: 30, currency: 'NZD' }
 */
export function money(amount: number, currency: string): Money {
  return toMinorUnits(amount.toFixed(4), currency);
}

/**
 * A field Xero sends on every record of this kind; its absence means the response is not what
 * the mapping was written for.
 *
 * @example const id = need(raw.InvoiceID, 'InvoiceID');
 */
export function need<T>(value: T | null | undefined, field: string): T {
  if (value === undefined || value === null || value === '') throw new PortageError('VALIDATION_FAILED', `the Xero record has no ${field}: Xero sends it on every such record, check the response`);
  return value;
}

/**
 * Converts a field Xero may leave out; an empty string counts as absent.
 *
 * @example opt(raw.DueDate, xeroDate) // undefined when the invoice has no due date
 */
export function opt<T, R>(value: T | null | undefined, convert: (value: T) => R): R | undefined {
  return value === undefined || value === null || value === '' ? undefined : convert(value);
}

/**
 * The ledger side of a Xero document or payment type: ACCPAY* and AP* are payable, ACCREC* and
 * AR* receivable.
 *
 * @example sideOf('ARCREDITPAYMENT') // 'receivable'
 */
export function sideOf(type: string): 'receivable' | 'payable' {
  if (/^(?:ACCPAY|AP)/.test(type)) return 'payable';
  if (/^(?:ACCREC|AR)/.test(type)) return 'receivable';
  throw new PortageError('VALIDATION_FAILED', `Xero type "${type}" is neither receivable (ACCREC*, AR*) nor payable (ACCPAY*, AP*)`);
}
