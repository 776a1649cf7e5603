import { minorUnitExponent, PortageError, toMinorUnits, type Address, type Money } from '@portage/core';
import type { NetSuiteAddress, NetSuiteRecordRef } from '../platform.js';

/** How NetSuite currency records (named freely per account) become ISO 4217 codes. */
export interface CurrencyOptions {
  /** Currency record name or internal id -> ISO code, e.g. { 'US Dollar': 'USD', '4': 'EUR' }. */
  names?: Readonly<Record<string, string>>;
  /** For records that carry no currency (accounts without the Multiple Currencies feature). */
  default?: string;
}

// Names NetSuite gives the currency records it creates; accounts may rename them (then use `names`).
const BUILT_IN: Readonly<Record<string, string>> = { USA: 'USD', 'US Dollar': 'USD', 'British pound': 'GBP', 'Canadian Dollar': 'CAD', Euro: 'EUR' };
const ISO = new Set(Intl.supportedValuesOf('currency'));

/**
 * The ISO code of a record's currency: from its currency reference (configured names and
 * internal ids, then NetSuite's default names, then a name that is itself an ISO code),
 * else the configured default.
 *
 * @throws PortageError VALIDATION_FAILED when the currency cannot be resolved (the record is rejected).
 *
 * @example currencyOf({ name: 'Euro' }, undefined, {}) // 'EUR'
 */
export function currencyOf(ref: NetSuiteRecordRef | undefined, name: string | undefined, options: CurrencyOptions): string {
  const label = ref?.name ?? name;
  const id = ref?.attributes?.internalId;
  const code = (id && options.names?.[id]) || (label && (options.names?.[label] ?? BUILT_IN[label] ?? (ISO.has(label) ? label : undefined))) || (label || id ? undefined : options.default);
  if (!code) {
    throw new PortageError('VALIDATION_FAILED', `NetSuite currency ${JSON.stringify(label ?? id ?? '(none)')} has no ISO code: add it to the connector's currencies.names (or set currencies.default for records without one)`);
  }
  return code;
}

/**
 * Exact decimal text (or an xsd:int number) as Money. More decimals than the currency has
 * (NetSuite rates may carry 4+) are rounded half away from zero, exactly, on the text.
 *
 * @example money('12.345', 'USD') // { amount: 1235, currency: 'USD' }
 */
export function money(value: string | number, currency: string): Money {
  const text = String(value).trim();
  const [, sign = '', whole = '0', fraction = ''] = /^([+-]?)(\d*)\.?(\d*)$/.exec(text) ?? [];
  const exponent = minorUnitExponent(currency.toUpperCase());
  if (fraction.length <= exponent || !/^\d*$/.test(fraction)) return toMinorUnits(text, currency);
  const minor = BigInt(`${whole}${fraction.slice(0, exponent)}` || '0') + (Number(fraction[exponent]) >= 5 ? 1n : 0n);
  return toMinorUnits(`${sign}${minor}e-${exponent}`, currency);
}

/** Money when the value is there. */
export function maybeMoney(value: string | number | undefined | null, currency: string): Money | undefined {
  return value === undefined || value === null || value === '' ? undefined : money(value, currency);
}

/**
 * A record's internal id (its primary key).
 *
 * @throws PortageError MALFORMED_RESPONSE when the record has none.
 */
export function internalId(record: { attributes?: { internalId?: string } }): string {
  const id = record.attributes?.internalId;
  if (!id) throw new PortageError('MALFORMED_RESPONSE', 'a NetSuite record without an internalId attribute: check that the search returned whole records');
  return id;
}

/** The internal id of a reference. */
export function idOf(ref: NetSuiteRecordRef | undefined): string | undefined {
  return ref?.attributes?.internalId || undefined;
}

/** NetSuite dateTime text (offset included) as an ISO instant; the calendar date for dates. */
export function instant(value: string | undefined): string | undefined {
  return value ? new Date(value).toISOString() : undefined;
}

/** The calendar date of a NetSuite date field, as the account sees it (the text's own date). */
export function calendarDate(value: string | undefined): string | undefined {
  return value ? value.slice(0, 10) : undefined;
}

/** A NetSuite address as a unified one; the `_unitedStates`-style country becomes its alpha-2 code. */
export function address(raw: NetSuiteAddress | undefined): Address | undefined {
  if (!raw) return undefined;
  const parts: Address = { line1: raw.addr1, line2: [raw.addr2, raw.addr3].filter(Boolean).join(', ') || undefined, city: raw.city, region: raw.state, postalCode: raw.zip, country: raw.country ? COUNTRIES().get(normal(raw.country)) : undefined };
  const present = Object.entries(parts).filter(([, value]) => value !== undefined && value !== '');
  return present.length > 0 ? (Object.fromEntries(present) as Address) : undefined;
}

// NetSuite's Country enum is the English name in camelCase ("_unitedKingdom"): matched
// against the English region names Intl knows, so no 250-line table is kept here.
// Codes Intl names that are not current ISO 3166-1 countries (withdrawn DD "Germany", reserved
// UK "United Kingdom", groupings): never a NetSuite country.
const NOT_COUNTRIES = new Set(['AC', 'AN', 'BU', 'CP', 'CS', 'DD', 'DG', 'EU', 'EZ', 'FX', 'NT', 'QO', 'SU', 'TA', 'TP', 'UK', 'UN', 'YU', 'ZR']);
let countries: Map<string, string> | undefined;
function COUNTRIES(): Map<string, string> {
  if (countries) return countries;
  const names = new Intl.DisplayNames(['en'], { type: 'region', fallback: 'none' });
  countries = new Map();
  for (let a = 65; a <= 90; a++) {
    for (let b = 65; b <= 90; b++) {
      const code = String.fromCharCode(a, b);
      const name = names.of(code);
      if (name && name !== code && !NOT_COUNTRIES.has(code)) countries.set(normal(name), code);
    }
  }
  return countries;
}

function normal(name: string): string {
  return name.normalize('NFD').replace(/[^A-Za-z]/g, '').toLowerCase();
}
