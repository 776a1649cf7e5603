import { readAttributes } from './read-attributes.js';
import { ANY_TYPE_NAME, qnameAttribute, xsdChildren, type ReadContext } from './read-context.js';
import { childParticles } from './read-particle.js';
import { readEnumeration } from './read-simple-type.js';
import type { ComplexType } from './schema-model.js';
import type { XmlElement } from './xml-tree.js';

/**
 * Reads an `xsd:complexType`: a content model from scratch, or a complexContent /
 * simpleContent extension or restriction of a base type, plus its attributes.
 *
 * @example readComplexType(<complexType name="Customer"><complexContent><extension base="core:Record">...)
 * // { kind: 'complex', derivation: { method: 'extension', base: core:Record, simpleContent: false }, particle, ... }
 */
export function readComplexType(element: XmlElement, context: ReadContext): ComplexType {
  const name = element.attributes['name'];
  const type: ComplexType = {
    kind: 'complex',
    abstract: element.attributes['abstract'] === 'true',
    mixed: element.attributes['mixed'] === 'true',
    attributes: [],
  };
  if (name !== undefined) type.name = { namespace: context.targetNamespace, localName: name };
  const content = xsdChildren(element).find((child) => child.localName === 'complexContent' || child.localName === 'simpleContent');
  const body = content === undefined ? element : xsdChildren(content).find((child) => child.localName === 'extension' || child.localName === 'restriction');
  if (content !== undefined && body !== undefined) {
    const enumeration = readEnumeration(body);
    type.derivation = {
      method: body.localName as 'extension' | 'restriction',
      base: { kind: 'named', name: qnameAttribute(body, 'base') ?? ANY_TYPE_NAME },
      simpleContent: content.localName === 'simpleContent',
      ...(enumeration ? { enumeration } : {}),
    };
    if (content.attributes['mixed'] === 'true') type.mixed = true;
  }
  if (body === undefined) return type;
  const [particle] = childParticles(body, context);
  if (particle !== undefined) type.particle = particle;
  type.attributes = readAttributes(body, context);
  return type;
}
