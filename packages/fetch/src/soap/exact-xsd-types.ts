/**
 * How XSD simple types are read from SOAP responses, keyed by the type's local name (the way
 * the `soap` package looks deserializers up).
 *
 * `soap` by default turns xsd:long and xsd:integer into `parseInt` numbers and xsd:decimal,
 * xsd:double and xsd:float into `Number`s, and dates into `Date` objects. A NetSuite internal id
 * or a Salesforce amount then loses digits past 2^53 or its exact decimal text, and a `Date`
 * drops the offset the platform sent. Here every value a JS number could misrepresent stays
 * the exact text the platform sent (JSON-safe, unlike bigint); the mapping decides what it
 * becomes, e.g. `toMinorUnits('12.10', 'USD')`. Types that always fit a double (xsd:int and
 * smaller) become numbers, booleans become booleans.
 */
const keepText = (text: string): string => text;

/** Integer types whose values can pass Number.MAX_SAFE_INTEGER. */
export const EXACT_INTEGER_TYPES = [
  'long',
  'integer',
  'unsignedLong',
  'nonNegativeInteger',
  'positiveInteger',
  'nonPositiveInteger',
  'negativeInteger',
] as const;

/** Decimal and floating types: text keeps the digits the platform sent. */
export const EXACT_DECIMAL_TYPES = ['decimal', 'double', 'float'] as const;

/** Date and time types: kept as sent, offset included. */
export const TEMPORAL_TYPES = ['dateTime', 'date', 'time'] as const;

/** Types that always fit a JS number exactly. */
const SMALL_INTEGER_TYPES = ['int', 'short', 'byte', 'unsignedInt', 'unsignedShort', 'unsignedByte'] as const;

function smallInteger(text: string): number | string {
  const value = Number(text);
  // Out-of-range text is the platform's mistake; keeping it beats inventing a number.
  return Number.isSafeInteger(value) ? value : text;
}

function boolean(text: string): boolean | string {
  if (text === 'true' || text === '1') return true;
  if (text === 'false' || text === '0') return false;
  return text;
}

/**
 * The `customDeserializer` option given to `soap`, so no response value is ever a lossy number.
 *
 * @example
 * const read = exactDeserializers();
 * read.long!('9007199254740993'); // '9007199254740993'
 * read.int!('42'); // 42
 */
export function exactDeserializers(): Record<string, (text: string) => unknown> {
  const table: Record<string, (text: string) => unknown> = {};
  for (const name of [...EXACT_INTEGER_TYPES, ...EXACT_DECIMAL_TYPES, ...TEMPORAL_TYPES]) table[name] = keepText;
  for (const name of SMALL_INTEGER_TYPES) table[name] = smallInteger;
  table.boolean = boolean;
  return table;
}
