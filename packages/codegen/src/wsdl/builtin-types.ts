// XML Schema built-in types as TypeScript. Integers that can exceed 2^53 and decimals stay
// `string` so no digit is lost (a NetSuite internal id, a 19-digit amount); only types that a
// JavaScript number holds exactly (or binary floats) become `number`.

const NUMBER = new Set(['int', 'short', 'byte', 'unsignedInt', 'unsignedShort', 'unsignedByte', 'float', 'double']);
const EXACT = new Set(['long', 'unsignedLong', 'integer', 'decimal', 'nonNegativeInteger', 'positiveInteger', 'nonPositiveInteger', 'negativeInteger']);
const LISTS = new Set(['IDREFS', 'NMTOKENS', 'ENTITIES']);

/**
 * The TypeScript type of an XML Schema built-in, by local name; `undefined` for a name the
 * XSD namespace does not define.
 *
 * @example builtinTypeScript('long') // 'string'
 * @example builtinTypeScript('int') // 'number'
 */
export function builtinTypeScript(localName: string): string | undefined {
  if (localName === 'anyType') return 'unknown';
  if (localName === 'boolean') return 'boolean';
  if (NUMBER.has(localName)) return 'number';
  if (EXACT.has(localName)) return 'string';
  if (LISTS.has(localName)) return 'string[]';
  return STRING_LIKE.has(localName) ? 'string' : undefined;
}

const STRING_LIKE = new Set([
  'anySimpleType', 'string', 'normalizedString', 'token', 'language', 'Name', 'NCName', 'ID', 'IDREF', 'ENTITY', 'NMTOKEN',
  'anyURI', 'QName', 'NOTATION', 'base64Binary', 'hexBinary', 'dateTime', 'date', 'time', 'duration', 'gYear', 'gYearMonth',
  'gMonth', 'gMonthDay', 'gDay',
]);
