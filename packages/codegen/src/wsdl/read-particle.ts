import { ANY_TYPE, qnameAttribute, readOccurs, xsdChildren, type ReadContext } from './read-context.js';
import { readComplexType } from './read-complex-type.js';
import { readSimpleType } from './read-simple-type.js';
import type { Particle, TypeRef } from './schema-model.js';
import type { XmlElement } from './xml-tree.js';

const PARTICLE_KINDS = new Set(['sequence', 'choice', 'all', 'element', 'group', 'any']);

/**
 * Reads one content particle: a sequence, choice or all (recursively), a local element or an
 * element `ref`, a `group ref`, or `any`, each with its minOccurs/maxOccurs.
 *
 * @example readParticle(<sequence><element name="id" type="xs:string" minOccurs="0"/></sequence>)
 * // { kind: 'sequence', min: 1, max: 1, particles: [{ kind: 'element', min: 0, max: 1, element: { name: 'id', ... } }] }
 */
export function readParticle(element: XmlElement, context: ReadContext): Particle {
  const occurs = readOccurs(element);
  switch (element.localName) {
    case 'sequence':
    case 'choice':
    case 'all':
      return { kind: element.localName, ...occurs, particles: childParticles(element, context) };
    case 'group':
      return { kind: 'groupRef', ...occurs, ref: qnameAttribute(element, 'ref')! };
    case 'any':
      return { kind: 'any', ...occurs };
    default: {
      const ref = qnameAttribute(element, 'ref');
      if (ref !== undefined) return { kind: 'elementRef', ...occurs, ref };
      return {
        kind: 'element',
        ...occurs,
        element: { name: element.attributes['name'] ?? '', type: elementType(element, context), nillable: element.attributes['nillable'] === 'true' },
      };
    }
  }
}

/** The particle children of a compositor or complexType, in document order. */
export function childParticles(parent: XmlElement, context: ReadContext): Particle[] {
  return xsdChildren(parent)
    .filter((child) => PARTICLE_KINDS.has(child.localName))
    .map((child) => readParticle(child, context));
}

/** An element declaration's type: `type="..."`, an anonymous type child, or anyType. */
export function elementType(element: XmlElement, context: ReadContext): TypeRef {
  const named = qnameAttribute(element, 'type');
  if (named !== undefined) return { kind: 'named', name: named };
  for (const child of xsdChildren(element)) {
    if (child.localName === 'complexType') return { kind: 'inline', type: readComplexType(child, context) };
    if (child.localName === 'simpleType') return { kind: 'inline', type: readSimpleType(child, context) };
  }
  return ANY_TYPE;
}
