// Namespace URIs the compiler reads, and qualified-name resolution. Prefixes mean nothing on
// their own: the same prefix is bound to different namespaces in different files (EWS's `t`,
// PayPal's `ns`), so every name is resolved against the scope of the element it appears on.

export const XSD_NS = 'http://www.w3.org/2001/XMLSchema';
export const WSDL_NS = 'http://schemas.xmlsoap.org/wsdl/';
export const SOAP11_NS = 'http://schemas.xmlsoap.org/wsdl/soap/';
export const SOAP12_NS = 'http://schemas.xmlsoap.org/wsdl/soap12/';
/** The `xml:` prefix is bound by definition, never declared. */
export const XML_NS = 'http://www.w3.org/XML/1998/namespace';

/** A resolved XML name. */
export interface QName {
  namespace: string;
  localName: string;
}

/** prefix -> namespace URI; the default namespace under the key `''`. */
export type NamespaceScope = ReadonlyMap<string, string>;

export const ROOT_SCOPE: NamespaceScope = new Map([['xml', XML_NS]]);

/**
 * The scope of an element: its parent's, plus the `xmlns` / `xmlns:p` declarations among its
 * attributes. Returns the parent's scope object itself when the element declares nothing, so
 * large documents share a handful of scope maps.
 *
 * @example childScope(ROOT_SCOPE, { 'xmlns:t': 'urn:types' }).get('t') // 'urn:types'
 */
export function childScope(parent: NamespaceScope, attributes: Readonly<Record<string, string>>): NamespaceScope {
  let scope: Map<string, string> | undefined;
  for (const [name, value] of Object.entries(attributes)) {
    if (name !== 'xmlns' && !name.startsWith('xmlns:')) continue;
    scope ??= new Map(parent);
    scope.set(name === 'xmlns' ? '' : name.slice('xmlns:'.length), value);
  }
  return scope ?? parent;
}

/**
 * Resolves a QName-valued attribute (`tns:Record`, `string`) in a scope. An unprefixed name
 * takes the default namespace, or no namespace (`''`) when none is declared.
 *
 * @throws Error naming the prefix when it is not bound in the scope (the caller adds the file).
 * @example resolveQName('xsd:string', new Map([['xsd', XSD_NS]])) // { namespace: XSD_NS, localName: 'string' }
 */
export function resolveQName(value: string, scope: NamespaceScope): QName {
  const text = value.trim();
  const colon = text.indexOf(':');
  if (colon < 0) return { namespace: scope.get('') ?? '', localName: text };
  const prefix = text.slice(0, colon);
  const namespace = scope.get(prefix);
  if (namespace === undefined) throw new Error(`the prefix "${prefix}" of "${text}" is not bound to a namespace here`);
  return { namespace, localName: text.slice(colon + 1) };
}

/** A map key for a QName, in James Clark notation: `{urn:x}Name`. */
export function qnameKey(name: QName): string {
  return `{${name.namespace}}${name.localName}`;
}
