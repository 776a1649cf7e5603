import { builtinTypeScript } from './builtin-types.js';
import { lookupType, type CompileContext, typeNameKey, mustFind } from './compile-context.js';
import { emitInlineComplexType } from './emit-complex-type.js';
import { simpleTypeToTs } from './emit-simple-type.js';
import { qnameKey, XML_NS, XSD_NS, type QName } from './namespaces.js';
import type { TypeRef } from './schema-model.js';

const SOAP_ENCODING_NS = 'http://schemas.xmlsoap.org/soap/encoding/';

/**
 * The TypeScript type expression for a type reference: a built-in, the name of a declared type
 * (its discriminated union when it has subtypes), or an anonymous type written inline.
 *
 * @example typeRefToTs({ kind: 'named', name: { namespace: XSD_NS, localName: 'decimal' } }, context) // 'string'
 */
export function typeRefToTs(ref: TypeRef, context: CompileContext): string {
  if (ref.kind === 'inline') return ref.type.kind === 'simple' ? simpleTypeToTs(ref.type, context) : emitInlineComplexType(ref.type, context);
  return namedTypeToTs(ref.name, context);
}

/** The TypeScript type for a type name; see {@link typeRefToTs}. */
export function namedTypeToTs(name: QName, context: CompileContext): string {
  const builtin = builtinOf(name);
  if (builtin !== undefined) return builtin;
  const union = context.unions.get(qnameKey(name));
  if (union !== undefined) return union;
  if (lookupType(context, name) === undefined) mustFind(context.index.types, name, 'type');
  return context.names.get(typeNameKey(name))!;
}

/** The TypeScript type of a built-in (XSD, SOAP-encoding and `xml:` names), if `name` is one. */
export function builtinOf(name: QName): string | undefined {
  if (name.namespace === XSD_NS || name.namespace === SOAP_ENCODING_NS) return builtinTypeScript(name.localName);
  if (name.namespace === XML_NS) return 'string';
  return undefined;
}
