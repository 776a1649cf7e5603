import { PortageError } from '@portage/core';
import { XMLParser, XMLValidator, type X2jOptions } from 'fast-xml-parser';

/**
 * Prefix of attribute keys: `<Invoice status="PAID">` gives `{ '@status': 'PAID' }`.
 *
 * @example getPath(invoice, `${XML_ATTRIBUTE_PREFIX}status`) // 'PAID'
 */
export const XML_ATTRIBUTE_PREFIX = '@';

/**
 * Key of an element's text when the element also has attributes:
 * `<Amount currency="EUR">12.50</Amount>` gives `{ '@currency': 'EUR', '#text': '12.50' }`.
 * Without attributes the element is the string itself: `<Amount>12.50</Amount>` gives `'12.50'`.
 *
 * @example getPath(line, `Amount.${XML_TEXT_KEY}`) // '12.50'
 */
export const XML_TEXT_KEY = '#text';

/** Options of {@link parseXml}. */
export interface ParseXmlOptions {
  /**
   * Dot paths of elements, from the root and without namespace prefixes, that are always
   * arrays, so a page with one record has the same shape as a page with many.
   *
   * @example ['Response.Invoices.Invoice', 'Response.Invoices.Invoice.LineItems.LineItem']
   */
  arrayPaths?: readonly string[];
}

// Entities: the five XML ones and numeric references (&#233;) are decoded. A DOCTYPE may declare
// internal entities, but fast-xml-parser refuses external (SYSTEM) ones and ignores entities that
// reference other entities, so expansion cannot nest (no billion laughs); these limits also cap
// the linear case, and the parser resets them for every document.
const ENTITY_LIMITS = {
  enabled: true,
  maxEntityCount: 20,
  maxEntitySize: 1_000,
  maxExpandedLength: 100_000,
} as const;

const BASE_OPTIONS: X2jOptions = {
  ignoreAttributes: false,
  attributeNamePrefix: XML_ATTRIBUTE_PREFIX,
  textNodeName: XML_TEXT_KEY,
  // Platforms put ids, amounts and codes in text: "00123", "1.0E7" or a 19-digit id must
  // reach the mapper exactly as sent; the entity schema decides what is a number.
  parseTagValue: false,
  parseAttributeValue: false,
  // REST XML (Xero, QuickBooks, S3) uses namespaces for versioning, not to tell apart
  // elements that share a name, so dropping prefixes gives stable paths.
  removeNSPrefix: true,
  ignoreDeclaration: true,
  ignorePiTags: true,
  processEntities: ENTITY_LIMITS,
  // The only switch that makes fast-xml-parser decode numeric references (&#8217;); it also
  // accepts HTML names like &nbsp;, which is harmless for data.
  htmlEntities: true,
};

/**
 * Parses an XML response body into plain objects whose leaves are all strings.
 *
 * Attributes become `@name` keys, text beside attributes is `#text`, namespace prefixes are
 * dropped, repeated elements become arrays, and elements under `arrayPaths` are arrays even
 * when there is only one.
 *
 * @throws PortageError 'MALFORMED_RESPONSE' with the line and column of the first error; the
 * document itself is never put in the error.
 *
 * @example
 * parseXml('<Response><Invoices><Invoice><Total>10.50</Total></Invoice></Invoices></Response>', {
 *   arrayPaths: ['Response.Invoices.Invoice'],
 * });
 * // { Response: { Invoices: { Invoice: [{ Total: '10.50' }] } } }
 */
export function parseXml(text: string, options: ParseXmlOptions = {}): unknown {
  // A BOM or a blank line before the declaration is common in platform output and harmless.
  const xml = text.replace(/^\uFEFF/, '').trimStart();
  const validation = XMLValidator.validate(xml);
  if (validation !== true) {
    const { code, line, col } = validation.err;
    const at = col === undefined ? `line ${line}` : `line ${line}, column ${col}`;
    throw new PortageError('MALFORMED_RESPONSE', `the body is not valid XML (${code} at ${at}, ${text.length} characters)`, {
      context: { xmlError: code, line, ...(col === undefined ? {} : { column: col }) },
    });
  }
  const arrayPaths = new Set(options.arrayPaths ?? []);
  const parser = new XMLParser({
    ...BASE_OPTIONS,
    isArray: (_name, path, _isLeaf, isAttribute) => !isAttribute && arrayPaths.has(String(path)),
  });
  try {
    return parser.parse(xml) as unknown;
  } catch (cause) {
    // Valid XML the parser still refuses: an external entity, too many expansions, a
    // reserved name like __proto__. The cause names the rule, not the content.
    throw new PortageError('MALFORMED_RESPONSE', `the XML body was refused by the parser (${text.length} characters)`, {
      cause,
    });
  }
}
