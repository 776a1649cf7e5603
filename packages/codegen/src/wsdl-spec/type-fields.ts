// The fields of a schema type as data (not TypeScript text): what the WSDL surface, SOAP entity
// discovery and the mapping pre-fill read. Follows the same rules as the TypeScript emitters
// (wsdl/emit-particles.ts, emit-attributes.ts) so the surface and the generated types agree.
import { lookupComplexType, mustFind, type CompileContext } from '../wsdl/compile-context.js';
import { qnameKey, XML_NS, type QName } from '../wsdl/namespaces.js';
import type { AttributeUse, ComplexType, Particle, TypeRef } from '../wsdl/schema-model.js';

/** One element, attribute or text content of a complex type. */
export interface WsdlField {
  /** The element's local name, `@name` for an attribute, `#text` for simple content. */
  name: string;
  /** Undefined for an element whose type the schema leaves open. */
  type: TypeRef | undefined;
  /** minOccurs="0" on the way (or a choice branch), or an attribute without use="required". */
  optional: boolean;
  /** maxOccurs > 1 on the element or a repeating group around it. */
  array: boolean;
  /** nillable="true". */
  nillable: boolean;
}

/** The fields of a complex type and whether `xs:any` lets other elements in. */
export interface WsdlFields {
  fields: WsdlField[];
  open: boolean;
}

const ANY_TYPE: TypeRef = { kind: 'named', name: { namespace: 'http://www.w3.org/2001/XMLSchema', localName: 'anyType' } };

/**
 * Every field of a complex type, its extension bases' first (a re-declared field replaces the
 * inherited one in place), then its own elements in document order, then its attributes.
 *
 * @example complexTypeFields(customerType, context).fields.map((field) => field.name) // ['nullFieldList', 'customForm', 'entityId', ..., '@internalId']
 */
export function complexTypeFields(type: ComplexType, context: CompileContext, seen: Set<ComplexType> = new Set()): WsdlFields {
  if (seen.has(type)) return { fields: [], open: false };
  const visiting = new Set([...seen, type]);
  const derivation = type.derivation;
  const base = derivation?.base.kind === 'named' ? lookupComplexType(context, derivation.base.name) : undefined;
  const fields = new Map<string, WsdlField>();
  let open = false;
  if (derivation?.method === 'extension' && base !== undefined) {
    const inherited = complexTypeFields(base, context, visiting);
    for (const field of inherited.fields) fields.set(field.name, field);
    open = inherited.open;
  }
  if (derivation?.simpleContent && (derivation.method !== 'extension' || base === undefined)) {
    fields.set('#text', { name: '#text', type: derivation.base, optional: false, array: false, nillable: false });
  } else if (type.mixed) {
    fields.set('#text', { name: '#text', type: { kind: 'named', name: { namespace: 'http://www.w3.org/2001/XMLSchema', localName: 'string' } }, optional: true, array: false, nillable: false });
  }
  if (type.particle !== undefined) open = walk(type.particle, false, false, context, fields, new Set()) || open;
  const attributes = derivation?.method === 'restriction' && base !== undefined ? [...inheritedAttributes(base, context), ...type.attributes] : type.attributes;
  collectAttributes(attributes, context, fields, new Set());
  return { fields: [...fields.values()], open };
}

function put(fields: Map<string, WsdlField>, field: WsdlField): void {
  const existing = fields.get(field.name);
  if (existing === undefined || existing.type === undefined || field.type === undefined) {
    fields.set(field.name, existing === undefined ? field : { ...field, optional: field.optional || existing.optional, array: field.array || existing.array });
    return;
  }
  // The same element in two branches of a choice: the looser shape wins, the first type stays.
  fields.set(field.name, { ...existing, optional: existing.optional || field.optional, array: existing.array || field.array, nillable: existing.nillable || field.nillable });
}

function walk(particle: Particle, outerOptional: boolean, outerArray: boolean, context: CompileContext, fields: Map<string, WsdlField>, groups: Set<string>): boolean {
  const optional = outerOptional || particle.min === 0;
  const array = outerArray || particle.max > 1;
  switch (particle.kind) {
    case 'sequence':
    case 'all':
      return particle.particles.map((child) => walk(child, optional, array, context, fields, groups)).some(Boolean);
    case 'choice': {
      const branchOptional = optional || particle.particles.length > 1;
      return particle.particles.map((child) => walk(child, branchOptional, array, context, fields, groups)).some(Boolean);
    }
    case 'groupRef': {
      const key = qnameKey(particle.ref);
      if (groups.has(key)) return false;
      const group = mustFind(context.index.groups, particle.ref, 'group');
      return group.particle === undefined ? false : walk(group.particle, optional, array, context, fields, new Set([...groups, key]));
    }
    case 'any':
      return true;
    case 'element':
      put(fields, { name: particle.element.name, type: particle.element.type, optional, array, nillable: particle.element.nillable });
      return false;
    case 'elementRef': {
      const head = mustFind(context.index.elements, particle.ref, 'element');
      const members = [head, ...(context.substitutes.get(qnameKey(head.name)) ?? [])].filter((element) => !element.abstract);
      for (const element of members) {
        put(fields, { name: element.name.localName, type: element.type, optional: optional || members.length > 1, array, nillable: element.nillable });
      }
      return false;
    }
  }
}

function collectAttributes(uses: readonly AttributeUse[], context: CompileContext, fields: Map<string, WsdlField>, groups: Set<string>): void {
  for (const use of uses) {
    if (use.kind === 'anyAttribute') continue;
    if (use.kind === 'attributeGroupRef') {
      const key = qnameKey(use.ref);
      if (groups.has(key)) continue;
      collectAttributes(mustFind(context.index.attributeGroups, use.ref, 'attributeGroup').attributes, context, fields, new Set([...groups, key]));
      continue;
    }
    const name = `@${use.kind === 'attribute' ? use.name : use.ref.localName}`;
    if (use.prohibited) {
      fields.delete(name);
      continue;
    }
    const type = use.kind === 'attribute' ? use.type : attributeRefType(use.ref, context);
    fields.set(name, { name, type, optional: !use.required, array: false, nillable: false });
  }
}

function attributeRefType(ref: QName, context: CompileContext): TypeRef {
  if (ref.namespace === XML_NS) return { kind: 'named', name: { namespace: 'http://www.w3.org/2001/XMLSchema', localName: 'string' } };
  return context.index.attributes.get(qnameKey(ref))?.type ?? ANY_TYPE;
}

function inheritedAttributes(type: ComplexType, context: CompileContext): AttributeUse[] {
  const base = type.derivation?.base.kind === 'named' ? lookupComplexType(context, type.derivation.base.name) : undefined;
  return base === undefined ? type.attributes : [...inheritedAttributes(base, context), ...type.attributes];
}
