import { qnameAttribute, xsdChildren, type ReadContext } from './read-context.js';
import { readSimpleType } from './read-simple-type.js';
import { XSD_NS } from './namespaces.js';
import type { AttributeUse, TypeRef } from './schema-model.js';
import type { XmlElement } from './xml-tree.js';

const ATTRIBUTE_KINDS = new Set(['attribute', 'attributeGroup', 'anyAttribute']);

/**
 * Reads the attribute uses among an element's children: `xsd:attribute` (by name or `ref`),
 * `xsd:attributeGroup ref` and `xsd:anyAttribute`, in document order.
 *
 * @example readAttributes(<complexType><attribute name="id" type="xs:string" use="required"/></complexType>)
 * // [{ kind: 'attribute', name: 'id', type, required: true, prohibited: false }]
 */
export function readAttributes(parent: XmlElement, context: ReadContext): AttributeUse[] {
  return xsdChildren(parent)
    .filter((child) => ATTRIBUTE_KINDS.has(child.localName))
    .map((child) => readAttributeUse(child, context));
}

function readAttributeUse(element: XmlElement, context: ReadContext): AttributeUse {
  if (element.localName === 'anyAttribute') return { kind: 'anyAttribute' };
  const ref = qnameAttribute(element, 'ref');
  if (element.localName === 'attributeGroup') {
    return { kind: 'attributeGroupRef', ref: ref ?? { namespace: context.targetNamespace, localName: element.attributes['name'] ?? '' } };
  }
  const use = element.attributes['use'];
  const required = use === 'required';
  const prohibited = use === 'prohibited';
  if (ref !== undefined) return { kind: 'attributeRef', ref, required, prohibited };
  return { kind: 'attribute', name: element.attributes['name'] ?? '', type: attributeType(element, context), required, prohibited };
}

/** The type of an attribute declaration: `type="..."`, an inline simpleType, or anySimpleType. */
export function attributeType(element: XmlElement, context: ReadContext): TypeRef {
  const named = qnameAttribute(element, 'type');
  if (named !== undefined) return { kind: 'named', name: named };
  const inline = xsdChildren(element).find((child) => child.localName === 'simpleType');
  if (inline !== undefined) return { kind: 'inline', type: readSimpleType(inline, context) };
  return { kind: 'named', name: { namespace: XSD_NS, localName: 'anySimpleType' } };
}
