import type { SurfaceType } from '../model.js';
import type { FieldKind } from '../scaffold/field-kinds.js';
import { lookupType, typeNameKey, type CompileContext } from '../wsdl/compile-context.js';
import { XML_NS, XSD_NS } from '../wsdl/namespaces.js';
import type { ComplexType, TypeRef } from '../wsdl/schema-model.js';

const SOAP_ENCODING_NS = 'http://schemas.xmlsoap.org/soap/encoding/';
const INTEGERS = new Set(['int', 'short', 'byte', 'unsignedInt', 'unsignedShort', 'unsignedByte']);
const FLOATS = new Set(['float', 'double']);

/** What a type reference is, as the surface and the mapping pre-fill see it. */
export interface TypeKind {
  type: SurfaceType;
  /** The XSD built-in behind a scalar when it says more than `type` (`long`, `decimal`, `date-time`). */
  format?: string;
  enum?: string[];
  /** The TypeScript name of a named declared type (generated/types.ts, surface schema key). */
  ref?: string;
  /** The complex type behind an object, to read its fields. */
  complex?: ComplexType;
  /** The mapping pre-fill's kind (field-kinds.ts). */
  fieldKind: FieldKind;
}

function builtinKind(localName: string): TypeKind {
  if (localName === 'boolean') return { type: 'boolean', fieldKind: 'boolean' };
  if (INTEGERS.has(localName)) return { type: 'integer', format: localName, fieldKind: 'integer' };
  if (FLOATS.has(localName)) return { type: 'number', format: localName, fieldKind: 'number' };
  if (localName === 'anyType') return { type: 'unknown', fieldKind: 'other' };
  // xsd:long, decimal and friends arrive as their exact text (see wsdl/builtin-types.ts).
  if (localName === 'dateTime') return { type: 'string', format: 'date-time', fieldKind: 'date-time' };
  if (localName === 'date') return { type: 'string', format: 'date', fieldKind: 'date' };
  return localName === 'string' ? { type: 'string', fieldKind: 'string' } : { type: 'string', format: localName, fieldKind: 'string' };
}

/**
 * Classifies a type reference: a built-in scalar (with its XSD name as format), a simple type
 * followed down to its built-in (enumerations kept), or an object (named: `ref`; inline: its
 * complex type to expand).
 *
 * @example typeKind({ kind: 'named', name: { namespace: XSD_NS, localName: 'dateTime' } }, context) // { type: 'string', format: 'date-time', fieldKind: 'date-time' }
 */
export function typeKind(ref: TypeRef | undefined, context: CompileContext, depth = 0): TypeKind {
  if (ref === undefined || depth > 20) return { type: 'unknown', fieldKind: 'other' };
  if (ref.kind === 'named') {
    const { namespace, localName } = ref.name;
    if (namespace === XSD_NS || namespace === SOAP_ENCODING_NS) return builtinKind(localName);
    if (namespace === XML_NS) return { type: 'string', fieldKind: 'string' };
    const declared = lookupType(context, ref.name);
    const name = context.names.get(typeNameKey(ref.name));
    if (declared === undefined) return { type: 'unknown', fieldKind: 'other' };
    const inner = typeKind({ kind: 'inline', type: declared }, context, depth + 1);
    return { ...inner, ...(name !== undefined ? { ref: name } : {}) };
  }
  const type = ref.type;
  if (type.kind === 'complex') {
    // Simple content with only attributes is still an object (`#text` plus `@attributes`).
    return { type: 'object', complex: type, fieldKind: 'other' };
  }
  const variety = type.variety;
  if (variety.kind === 'list') return { type: 'string', format: 'list', fieldKind: 'other' };
  if (variety.kind === 'union') return { type: 'string', format: 'union', fieldKind: 'other' };
  const base = typeKind(variety.base, context, depth + 1);
  const { ref: _baseName, ...rest } = base;
  if (variety.enumeration !== undefined && variety.enumeration.length > 0) return { ...rest, enum: [...variety.enumeration], fieldKind: 'enum' };
  return rest;
}
