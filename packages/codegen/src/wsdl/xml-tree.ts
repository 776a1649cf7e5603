import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { SpecError } from '../openapi/spec-error.js';
import { childScope, ROOT_SCOPE, type NamespaceScope } from './namespaces.js';

/**
 * One element of a WSDL or XSD file, in document order, with its namespace resolved and the
 * scope its QName-valued attributes (`type`, `base`, `ref`, ...) must be resolved in.
 */
export interface XmlElement {
  namespace: string;
  localName: string;
  attributes: Readonly<Record<string, string>>;
  children: XmlElement[];
  scope: NamespaceScope;
  /** The file the element comes from, for error messages and relative imports. */
  file: string;
}

type OrderedNode = Record<string, unknown> & { ':@'?: Record<string, string> };

// preserveOrder keeps a sequence's particles in order (property order in the output follows
// it) and keeps repeated siblings apart; values stay strings, entities are decoded.
const parser = new XMLParser({
  preserveOrder: true,
  ignoreAttributes: false,
  attributeNamePrefix: '',
  parseAttributeValue: false,
  parseTagValue: false,
  ignoreDeclaration: true,
  ignorePiTags: true,
  removeNSPrefix: false,
  trimValues: true,
});

/**
 * Parses a WSDL or XSD document into its root element. Text and comments are dropped: the
 * compiler reads structure only, never prose.
 *
 * @throws SpecError naming the file when it is not XML.
 * @example parseXmlTree('<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema"/>', 'a.xsd').localName // 'schema'
 */
export function parseXmlTree(text: string, file: string): XmlElement {
  const xml = text.replace(/^\uFEFF/, '');
  // The parser itself accepts mismatched tags; the validator does not.
  const validation = XMLValidator.validate(xml);
  if (validation !== true) {
    const { msg, line, col } = validation.err;
    throw new SpecError(`${file} is not well-formed XML (${msg} at line ${line}${col === undefined ? '' : `, column ${col}`}); check that the file is a WSDL or XSD document`);
  }
  let nodes: OrderedNode[];
  try {
    nodes = parser.parse(xml) as OrderedNode[];
  } catch (cause) {
    const error = new SpecError(`${file} is not well-formed XML (${(cause as Error).message}); check that the file is a WSDL or XSD document`);
    error.cause = cause;
    throw error;
  }
  const roots = toElements(nodes, ROOT_SCOPE, file);
  const root = roots[0];
  if (root === undefined) throw new SpecError(`${file} has no root element; check that the file is a WSDL or XSD document`);
  return root;
}

function toElements(nodes: OrderedNode[], parentScope: NamespaceScope, file: string): XmlElement[] {
  const elements: XmlElement[] = [];
  for (const node of nodes) {
    const tag = Object.keys(node).find((key) => key !== ':@' && key !== '#text');
    if (tag === undefined || tag.startsWith('?') || tag.startsWith('!')) continue;
    const attributes = node[':@'] ?? {};
    const scope = childScope(parentScope, attributes);
    const colon = tag.indexOf(':');
    const prefix = colon < 0 ? '' : tag.slice(0, colon);
    const namespace = scope.get(prefix);
    if (namespace === undefined && prefix !== '') {
      throw new SpecError(`${file}: the element <${tag}> uses the prefix "${prefix}", which no xmlns:${prefix} declares; fix the document`);
    }
    elements.push({
      namespace: namespace ?? '',
      localName: colon < 0 ? tag : tag.slice(colon + 1),
      attributes,
      children: toElements(node[tag] as OrderedNode[], scope, file),
      scope,
      file,
    });
  }
  return elements;
}

/** The children of `element` in `namespace`, optionally only those named `localName`. */
export function childrenIn(element: XmlElement, namespace: string, localName?: string): XmlElement[] {
  return element.children.filter((child) => child.namespace === namespace && (localName === undefined || child.localName === localName));
}
