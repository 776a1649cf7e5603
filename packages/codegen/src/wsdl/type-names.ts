import type { QName } from './namespaces.js';

// Names a generated declaration cannot take: TypeScript's own type keywords and the reserved
// words of JavaScript, plus the global helpers the output itself refers to.
const RESERVED = new Set(
  (
    'any unknown never object string number boolean symbol bigint undefined void null this true false ' +
    'break case catch class const continue debugger default delete do else enum export extends finally for function if ' +
    'import in instanceof new return super switch throw try typeof var while with yield let static implements ' +
    'interface package private protected public await Omit'
  ).split(' '),
);

/** One schema declaration that needs a TypeScript name. */
export interface NameRequest {
  /** A unique key: `type {ns}local` or `element {ns}local`. */
  key: string;
  name: QName;
  kind: 'type' | 'element';
}

/**
 * Gives schema declarations distinct, stable TypeScript names. A name unique across the set
 * is kept as written (`SalesOrder`, `sObject`); names that differ only in case stay distinct
 * because TypeScript is case-sensitive. Clashes are settled in a fixed order (types before
 * elements, then by namespace URI): the first keeps the name, an element clashing with a type
 * gets `Element`, the others a suffix made from their namespace (`Customer_TypesSales`), so
 * the result never depends on file or declaration order.
 *
 * @example
 * allocateTypeNames([{ key: 'type {urn:a}Item', name: { namespace: 'urn:a', localName: 'Item' }, kind: 'type' },
 *                    { key: 'type {urn:b}Item', name: { namespace: 'urn:b', localName: 'Item' }, kind: 'type' }])
 * // Map { 'type {urn:a}Item' => 'Item', 'type {urn:b}Item' => 'Item_B' }
 */
export function allocateTypeNames(requests: readonly NameRequest[], taken: Set<string> = new Set()): Map<string, string> {
  const sorted = [...requests].sort(
    (a, b) => KIND_ORDER[a.kind] - KIND_ORDER[b.kind] || compare(a.name.localName, b.name.localName) || compare(a.name.namespace, b.name.namespace),
  );
  const names = new Map<string, string>();
  const firstOfName = new Map<string, NameRequest>();
  for (const request of sorted) {
    const base = toIdentifier(request.name.localName);
    const first = firstOfName.get(base);
    let wanted = base;
    if (first === undefined) firstOfName.set(base, request);
    else if (first.kind !== request.kind && first.name.namespace === request.name.namespace) wanted = `${base}Element`;
    else wanted = `${base}_${namespaceTag(request.name.namespace)}`;
    const name = uniqueName(wanted, taken);
    taken.add(name);
    names.set(request.key, name);
  }
  return names;
}

/** `wanted` if free, else `wanted2`, `wanted3`, ... Adds nothing to `taken`. */
export function uniqueName(wanted: string, taken: ReadonlySet<string>): string {
  let name = RESERVED.has(wanted) ? `${wanted}_` : wanted;
  for (let n = 2; taken.has(name); n += 1) name = `${wanted}${n}`;
  return name;
}

/** A valid TypeScript identifier from an XML NCName (`-` and `.` become `_`). */
export function toIdentifier(localName: string): string {
  const cleaned = localName.replace(/[^A-Za-z0-9_$]/g, '_');
  return /^[0-9]/.test(cleaned) || cleaned === '' ? `_${cleaned}` : cleaned;
}

// The distinctive part of a namespace URI: `urn:types.sales_2023_2.transactions.webservices.netsuite.com`
// -> `TypesSales`, `http://schemas.microsoft.com/exchange/services/2006/types` -> `Types`.
const NOISE = new Set(['http', 'https', 'urn', 'www', 'com', 'org', 'net', 'schemas', 'webservices', 'xml', 'soap']);
export function namespaceTag(namespace: string): string {
  const words = namespace.split(/[^A-Za-z0-9]+/).filter((word) => word !== '' && !/^\d+$/.test(word) && !NOISE.has(word.toLowerCase()));
  const chosen = namespace.startsWith('urn:') ? words.slice(0, 2) : words.slice(-1);
  const tag = chosen.map((word) => word[0]!.toUpperCase() + word.slice(1)).join('');
  return tag === '' ? 'NoNamespace' : tag;
}

const KIND_ORDER = { type: 0, element: 1 } as const;

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
