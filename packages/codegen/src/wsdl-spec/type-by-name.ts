import type { LoadedWsdl } from '../model.js';
import { typeNameKey } from '../wsdl/compile-context.js';
import type { SchemaType } from '../wsdl/schema-model.js';
import { wsdlContext } from './wsdl-context.js';

const byName = new WeakMap<LoadedWsdl, Map<string, SchemaType>>();

/**
 * The declared type of a WSDL set with this TypeScript name (as in generated/types.ts), if any.
 *
 * @example typeByName(spec.wsdl, 'Customer')?.kind // 'complex'
 */
export function typeByName(wsdl: LoadedWsdl, name: string): SchemaType | undefined {
  let map = byName.get(wsdl);
  if (map === undefined) {
    const context = wsdlContext(wsdl);
    map = new Map();
    for (const type of wsdl.index.types.values()) {
      const tsName = type.name === undefined ? undefined : context.names.get(typeNameKey(type.name));
      if (tsName !== undefined) map.set(tsName, type);
    }
    byName.set(wsdl, map);
  }
  return map.get(name);
}
