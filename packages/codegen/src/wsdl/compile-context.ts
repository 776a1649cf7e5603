import { SpecError } from '../openapi/spec-error.js';
import { qnameKey, type QName } from './namespaces.js';
import type { ObjectShape } from './emit-complex-type.js';
import type { ComplexType, ElementDecl, SchemaIndex, SchemaType } from './schema-model.js';

/** What every emitter reads: the declarations, their TypeScript names and the polymorphic unions. */
export interface CompileContext {
  index: SchemaIndex;
  /** `type {ns}local` / `element {ns}local` -> TypeScript name. */
  names: Map<string, string>;
  /** `{ns}local` of a complex type with subtypes -> the name of its discriminated union. */
  unions: Map<string, string>;
  /** `{ns}local` of a substitution group head -> the global elements that may stand for it. */
  substitutes: Map<string, ElementDecl[]>;
  /** Object shapes already worked out (a base type is read by each of its subtypes). */
  shapes: WeakMap<ComplexType, ObjectShape>;
}

/** Key of a named type in {@link CompileContext.names}. */
export function typeNameKey(name: QName): string {
  return `type ${qnameKey(name)}`;
}

/** Key of a global element (with an anonymous type) in {@link CompileContext.names}. */
export function elementNameKey(name: QName): string {
  return `element ${qnameKey(name)}`;
}

/** The declared type named `name`, if the set declares it. */
export function lookupType(context: CompileContext, name: QName): SchemaType | undefined {
  return context.index.types.get(qnameKey(name));
}

/** The declared complex type named `name`, if it is one. */
export function lookupComplexType(context: CompileContext, name: QName): ComplexType | undefined {
  const type = lookupType(context, name);
  return type?.kind === 'complex' ? type : undefined;
}

/**
 * A global declaration that must exist.
 *
 * @throws SpecError naming what was referenced and what is missing.
 */
export function mustFind<T>(map: ReadonlyMap<string, T>, name: QName, what: string): T {
  const found = map.get(qnameKey(name));
  if (found === undefined) {
    throw new SpecError(`the ${what} ${name.localName} of namespace "${name.namespace}" is referenced but no schema of the WSDL set declares it; check the imports`);
  }
  return found;
}
