import { SpecError } from '../openapi/spec-error.js';
import { XSD_NS } from './namespaces.js';
import { qnameAttribute, qnameValue, xsdChildren, type ReadContext } from './read-context.js';
import type { SimpleType, TypeRef } from './schema-model.js';
import type { XmlElement } from './xml-tree.js';

/**
 * Reads an `xsd:simpleType`: a restriction (enumeration values kept, other facets dropped:
 * they do not change the TypeScript type), a list, or a union.
 *
 * @example readSimpleType(<simpleType name="Status"><restriction base="xs:string"><enumeration value="open"/>...)
 * // { kind: 'simple', name: {...}, variety: { kind: 'restriction', base, enumeration: ['open'] } }
 */
export function readSimpleType(element: XmlElement, context: ReadContext): SimpleType {
  const name = element.attributes['name'];
  const type: SimpleType = { kind: 'simple', variety: readVariety(element, context) };
  if (name !== undefined) type.name = { namespace: context.targetNamespace, localName: name };
  return type;
}

function readVariety(element: XmlElement, context: ReadContext): SimpleType['variety'] {
  const [derivation] = xsdChildren(element);
  switch (derivation?.localName) {
    case 'restriction': {
      const enumeration = readEnumeration(derivation);
      return { kind: 'restriction', base: baseOf(derivation, 'base', context), ...(enumeration ? { enumeration } : {}) };
    }
    case 'list':
      return { kind: 'list', item: baseOf(derivation, 'itemType', context) };
    case 'union': {
      const named = (derivation.attributes['memberTypes'] ?? '').split(/\s+/).filter((member) => member !== '');
      const members: TypeRef[] = named.map((member) => ({ kind: 'named', name: qnameValue(derivation, 'memberTypes', member) }));
      for (const inline of xsdChildren(derivation)) {
        if (inline.localName === 'simpleType') members.push({ kind: 'inline', type: readSimpleType(inline, context) });
      }
      return { kind: 'union', members };
    }
    default:
      throw new SpecError(`${element.file}: the simpleType ${element.attributes['name'] ?? '(anonymous)'} has no restriction, list or union; fix the schema`);
  }
}

/** The `enumeration` facet values of a restriction, if it has any. */
export function readEnumeration(restriction: XmlElement): string[] | undefined {
  const values = xsdChildren(restriction)
    .filter((facet) => facet.localName === 'enumeration')
    .map((facet) => facet.attributes['value'] ?? '');
  return values.length > 0 ? values : undefined;
}

// `base="..."` / `itemType="..."`, or an anonymous simpleType child in its place.
function baseOf(element: XmlElement, attribute: string, context: ReadContext): TypeRef {
  const named = qnameAttribute(element, attribute);
  if (named !== undefined) return { kind: 'named', name: named };
  const inline = xsdChildren(element).find((child) => child.localName === 'simpleType');
  if (inline !== undefined) return { kind: 'inline', type: readSimpleType(inline, context) };
  return { kind: 'named', name: { namespace: XSD_NS, localName: 'anySimpleType' } };
}
