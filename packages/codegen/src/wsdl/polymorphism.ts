import { qnameKey } from './namespaces.js';
import type { SchemaIndex } from './schema-model.js';

/**
 * For every complex type that others derive from (by extension or restriction), all of its
 * descendants' keys, sorted. A field of such a type may carry any of them (`xsi:type`), so it
 * is typed as the union of the type and its descendants.
 *
 * @example findDescendants(index).get('{urn:core}Record') // ['{urn:relationships}Customer', '{urn:sales}SalesOrder', ...]
 */
export function findDescendants(index: SchemaIndex): Map<string, string[]> {
  const children = new Map<string, string[]>();
  for (const [key, type] of index.types) {
    if (type.kind !== 'complex' || type.derivation?.base.kind !== 'named') continue;
    const baseKey = qnameKey(type.derivation.base.name);
    if (index.types.get(baseKey)?.kind !== 'complex') continue;
    const list = children.get(baseKey) ?? [];
    list.push(key);
    children.set(baseKey, list);
  }
  const descendants = new Map<string, string[]>();
  const collect = (key: string, into: Set<string>): void => {
    for (const child of children.get(key) ?? []) {
      if (into.has(child)) continue;
      into.add(child);
      collect(child, into);
    }
  };
  for (const key of children.keys()) {
    const all = new Set<string>();
    collect(key, all);
    all.delete(key);
    descendants.set(key, [...all].sort());
  }
  return descendants;
}

/**
 * The discriminated union of a type and its descendants. Every member carries `$type`, the
 * TypeScript name of the concrete type (the SOAP runtime sets it from `xsi:type`); the base
 * type itself, when it is not abstract, may leave it out (an element without `xsi:type`).
 *
 * @example emitUnion('AnyRecord', 'Record', true, ['Customer', 'SalesOrder'])
 * // 'export type AnyRecord =\n  | (Customer & { $type: "Customer" })\n  | (SalesOrder & { $type: "SalesOrder" });'
 */
export function emitUnion(unionName: string, baseName: string, baseAbstract: boolean, concreteDescendants: readonly string[]): string {
  const members = concreteDescendants.map((name) => `(${name} & { $type: ${JSON.stringify(name)} })`);
  if (!baseAbstract) members.unshift(`(${baseName} & { $type?: ${JSON.stringify(baseName)} })`);
  if (members.length === 0) return `export type ${unionName} = ${baseName};`;
  return `export type ${unionName} =\n${members.map((member) => `  | ${member}`).join('\n')};`;
}
