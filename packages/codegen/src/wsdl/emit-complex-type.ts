import { lookupComplexType, typeNameKey, type CompileContext } from './compile-context.js';
import { qnameKey, type QName } from './namespaces.js';
import { attributeProperties } from './emit-attributes.js';
import { particleProperties } from './emit-particles.js';
import { renderProperty, type Property } from './emit-properties.js';
import { literalUnion } from './emit-simple-type.js';
import { namedTypeToTs, typeRefToTs } from './emit-type-ref.js';
import type { AttributeUse, ComplexType } from './schema-model.js';

/** A complex type as a TypeScript object type: what it extends and what it adds. */
export interface ObjectShape {
  /** The base interface (`Record`), or `Omit<Base, 'x'>` when the type re-declares `x`. */
  extends?: string;
  /** Own properties: `#text` first, then elements in document order, then `@attributes`. */
  properties: Property[];
  /** `xs:any`: other elements may appear -> `[key: string]: unknown`. */
  openElements: boolean;
  /** `xs:anyAttribute`: other attributes may appear -> ``[key: `@${string}`]: unknown``. */
  openAttributes: boolean;
}

/**
 * Works out the object shape of a complex type. An extension of a complex type extends its
 * base interface and adds its own particles and attributes; a restriction states its content
 * in full (so it does not extend: its properties may be narrower than the base's) and keeps
 * the base's attributes; simple content becomes a `#text` property beside `@attributes`,
 * the names the fetch client's XML parser gives them.
 *
 * @example complexTypeShape(<complexType name="Customer"><complexContent><extension base="core:Record">...)
 * // { extends: 'Record', properties: [...], openElements: false, openAttributes: false }
 */
export function complexTypeShape(type: ComplexType, context: CompileContext): ObjectShape {
  const cached = context.shapes.get(type);
  if (cached !== undefined) return cached;
  const shape = buildShape(type, context);
  context.shapes.set(type, shape);
  return shape;
}

function buildShape(type: ComplexType, context: CompileContext): ObjectShape {
  const derivation = type.derivation;
  const base = derivation?.base.kind === 'named' ? lookupComplexType(context, derivation.base.name) : undefined;
  const extendsBase = derivation?.method === 'extension' && base !== undefined;
  const elements = particleProperties(type.particle, context);
  const attributeUses = derivation?.method === 'restriction' && base !== undefined ? [...inheritedAttributes(base, context), ...type.attributes] : type.attributes;
  const attributes = attributeProperties(attributeUses, context);
  const properties: Property[] = [];
  if (derivation?.simpleContent && !extendsBase) {
    const text = derivation.enumeration ? literalUnion(derivation.enumeration) : base !== undefined ? simpleContentText(base, context) : typeRefToTs(derivation.base, context);
    properties.push({ name: '#text', type: text, optional: false, array: false, nullable: false });
  } else if (type.mixed) {
    properties.push({ name: '#text', type: 'string', optional: true, array: false, nullable: false });
  }
  properties.push(...elements.properties.values(), ...attributes.properties.values());
  const shape: ObjectShape = { properties, openElements: elements.open, openAttributes: attributes.open };
  if (!extendsBase || derivation.base.kind !== 'named') return shape;

  // A property the base already has: the same line again says nothing, a different one must
  // replace it, which an interface can only do by extending Omit<Base, ...>.
  const baseName = namedInterfaceName(derivation.base.name, context);
  const inherited = inheritedProperties(base!, context);
  const replaced: string[] = [];
  shape.properties = properties.filter((property) => {
    const previous = inherited.get(property.name);
    if (previous === undefined) return true;
    if (renderProperty(previous) === renderProperty(property)) return false;
    replaced.push(property.name);
    return true;
  });
  shape.extends = replaced.length === 0 ? baseName : `Omit<${baseName}, ${replaced.map((name) => JSON.stringify(name)).join(' | ')}>`;
  return shape;
}

/**
 * An anonymous complex type written inline: `{ a: T; b?: U }`, or `Base & { ... }` for an
 * extension.
 *
 * @example emitInlineComplexType(<complexType><sequence><element name="id" type="xs:long"/></sequence></complexType>, context) // '{ id: string }'
 */
export function emitInlineComplexType(type: ComplexType, context: CompileContext): string {
  const shape = complexTypeShape(type, context);
  const body = objectBody(shape);
  const literal = body.length === 0 ? '{}' : `{ ${body.join(' ')} }`;
  if (shape.extends === undefined) return literal;
  return body.length === 0 ? shape.extends : `${shape.extends} & ${literal}`;
}

/**
 * A named complex type as an exported interface.
 *
 * @example emitComplexDeclaration('Customer', type, context) // 'export interface Customer extends Record {\n  entityId?: string;\n}'
 */
export function emitComplexDeclaration(name: string, type: ComplexType, context: CompileContext): string {
  const shape = complexTypeShape(type, context);
  const body = objectBody(shape);
  const head = `export interface ${name}${shape.extends === undefined ? '' : ` extends ${shape.extends}`} {`;
  return body.length === 0 ? `${head}}` : `${head}\n${body.map((line) => `  ${line}`).join('\n')}\n}`;
}

function objectBody(shape: ObjectShape): string[] {
  const lines = shape.properties.map(renderProperty);
  if (shape.openElements) lines.push('[key: string]: unknown;');
  else if (shape.openAttributes) lines.push('[key: `@${string}`]: unknown;');
  return lines;
}

// The interface a subtype extends: the type's own name, never its union of subtypes.
function namedInterfaceName(name: QName, context: CompileContext): string {
  return context.unions.has(qnameKey(name)) ? context.names.get(typeNameKey(name))! : namedTypeToTs(name, context);
}

// Every property a type has, its bases' included, by name.
function inheritedProperties(type: ComplexType, context: CompileContext): Map<string, Property> {
  const shape = complexTypeShape(type, context);
  const base = type.derivation?.method === 'extension' && type.derivation.base.kind === 'named' ? lookupComplexType(context, type.derivation.base.name) : undefined;
  const all = base === undefined ? new Map<string, Property>() : new Map(inheritedProperties(base, context));
  for (const property of shape.properties) all.set(property.name, property);
  return all;
}

function inheritedAttributes(type: ComplexType, context: CompileContext): AttributeUse[] {
  const base = type.derivation?.base.kind === 'named' ? lookupComplexType(context, type.derivation.base.name) : undefined;
  return base === undefined ? type.attributes : [...inheritedAttributes(base, context), ...type.attributes];
}

// The text type of a complex type with simple content, followed down its bases.
function simpleContentText(type: ComplexType, context: CompileContext): string {
  const text = complexTypeShape(type, context).properties.find((property) => property.name === '#text');
  if (text !== undefined) return text.type;
  const base = type.derivation?.base.kind === 'named' ? lookupComplexType(context, type.derivation.base.name) : undefined;
  return base === undefined ? 'string' : simpleContentText(base, context);
}
