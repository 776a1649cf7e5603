import { SpecError } from '../openapi/spec-error.js';
import { resolveQName, XSD_NS, type QName } from './namespaces.js';
import type { Occurs, TypeRef } from './schema-model.js';
import type { XmlElement } from './xml-tree.js';

/** What a reader needs besides the element: the namespace its global names belong to. */
export interface ReadContext {
  targetNamespace: string;
}

/** The xsd:* children of an element, in document order (annotations skipped). */
export function xsdChildren(element: XmlElement): XmlElement[] {
  return element.children.filter((child) => child.namespace === XSD_NS && child.localName !== 'annotation');
}

/**
 * Resolves a QName-valued attribute of `element` in the element's own scope.
 *
 * @throws SpecError naming the file when the prefix is unbound.
 */
export function qnameAttribute(element: XmlElement, attribute: string): QName | undefined {
  const value = element.attributes[attribute];
  return value === undefined ? undefined : qnameValue(element, attribute, value);
}

/** Resolves one QName written in an attribute of `element` (`memberTypes` holds several). */
export function qnameValue(element: XmlElement, attribute: string, value: string): QName {
  try {
    return resolveQName(value, element.scope);
  } catch (cause) {
    throw new SpecError(`${element.file}: <${element.localName} ${attribute}="${value}">: ${(cause as Error).message}; declare the prefix or fix the name`);
  }
}

/** minOccurs/maxOccurs, both defaulting to 1; `unbounded` is Infinity. */
export function readOccurs(element: XmlElement): Occurs {
  const min = element.attributes['minOccurs'];
  const max = element.attributes['maxOccurs'];
  return {
    min: min === undefined ? 1 : Number(min),
    max: max === undefined ? 1 : max === 'unbounded' ? Infinity : Number(max),
  };
}

/** `anyType`: the type of an element declared without one. */
export const ANY_TYPE_NAME: QName = { namespace: XSD_NS, localName: 'anyType' };
export const ANY_TYPE: TypeRef = { kind: 'named', name: ANY_TYPE_NAME };
