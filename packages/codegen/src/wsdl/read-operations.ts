import { SpecError } from '../openapi/spec-error.js';
import { qnameKey, resolveQName, SOAP11_NS, SOAP12_NS, WSDL_NS, type QName } from './namespaces.js';
import { qnameAttribute } from './read-context.js';
import { childrenIn, type XmlElement } from './xml-tree.js';

/** One message part: a global element (document style) or a type (rpc style). */
export interface WsdlPart {
  name: string;
  element?: QName;
  type?: QName;
}

/** One portType operation with what its SOAP binding says about it. */
export interface WsdlOperationModel {
  portType: string;
  name: string;
  soapAction?: string;
  /** The parts that go in the SOAP body of the request. */
  input: WsdlPart[];
  /** The parts of the response body; absent for one-way operations. */
  output?: WsdlPart[];
  /** SOAP input headers (NetSuite tokenPassport/preferences, EWS ExchangeImpersonation). */
  headers: WsdlPart[];
}

interface Definitions {
  messages: Map<string, { parts: WsdlPart[] }>;
  bindings: XmlElement[];
}

/**
 * Reads every portType operation of a WSDL set with its input and output body parts and its
 * SOAP input headers, in document order. Body parts are the binding's `soap:body parts`, or
 * else every part of the message that is not bound as a header.
 *
 * @throws SpecError when an operation names a message or a header part that does not exist.
 * @example readOperations(set.definitions)[0] // { portType: 'NetSuitePortType', name: 'login', input: [...], headers: [...] }
 */
export function readOperations(definitions: readonly XmlElement[]): WsdlOperationModel[] {
  const all: Definitions = { messages: new Map(), bindings: [] };
  for (const root of definitions) {
    const targetNamespace = root.attributes['targetNamespace'] ?? '';
    for (const message of childrenIn(root, WSDL_NS, 'message')) {
      const parts = childrenIn(message, WSDL_NS, 'part').map((part): WsdlPart => {
        const element = qnameAttribute(part, 'element');
        const type = qnameAttribute(part, 'type');
        return { name: part.attributes['name'] ?? '', ...(element ? { element } : {}), ...(type ? { type } : {}) };
      });
      all.messages.set(qnameKey({ namespace: targetNamespace, localName: message.attributes['name'] ?? '' }), { parts });
    }
    all.bindings.push(...childrenIn(root, WSDL_NS, 'binding'));
  }
  const operations: WsdlOperationModel[] = [];
  for (const root of definitions) {
    const targetNamespace = root.attributes['targetNamespace'] ?? '';
    for (const portType of childrenIn(root, WSDL_NS, 'portType')) {
      const portTypeName = portType.attributes['name'] ?? '';
      const binding = soapBindingOf({ namespace: targetNamespace, localName: portTypeName }, all.bindings);
      for (const operation of childrenIn(portType, WSDL_NS, 'operation')) {
        operations.push(readOperation(portTypeName, operation, binding, all));
      }
    }
  }
  return operations;
}

function readOperation(portType: string, operation: XmlElement, binding: XmlElement | undefined, all: Definitions): WsdlOperationModel {
  const name = operation.attributes['name'] ?? '';
  const bound = binding === undefined ? undefined : childrenIn(binding, WSDL_NS, 'operation').find((candidate) => candidate.attributes['name'] === name);
  const soapAction = bound?.children.find(isSoap('operation'))?.attributes['soapAction'];
  const message = (direction: 'input' | 'output') => {
    const reference = childrenIn(operation, WSDL_NS, direction)[0];
    if (reference === undefined) return undefined;
    const messageName = qnameAttribute(reference, 'message');
    if (messageName === undefined) throw new SpecError(`${operation.file}: the ${direction} of operation ${name} names no message; fix the WSDL`);
    return findMessage(all, messageName, `${direction} of operation ${name}`, operation.file);
  };
  const headersOf = (direction: 'input' | 'output'): WsdlPart[] => {
    const boundDirection = bound === undefined ? undefined : childrenIn(bound, WSDL_NS, direction)[0];
    return (boundDirection?.children.filter(isSoap('header')) ?? []).map((header) => {
      const messageName = qnameAttribute(header, 'message');
      const partName = header.attributes['part'];
      const part = messageName === undefined ? undefined : findMessage(all, messageName, `header of operation ${name}`, header.file).parts.find((candidate) => candidate.name === partName);
      if (part === undefined) throw new SpecError(`${header.file}: operation ${name} binds the header part "${partName}" of ${messageName?.localName}, which has no such part; fix the WSDL`);
      return part;
    });
  };
  const bodyOf = (direction: 'input' | 'output', parts: WsdlPart[]): WsdlPart[] => {
    const boundDirection = bound === undefined ? undefined : childrenIn(bound, WSDL_NS, direction)[0];
    const listed = boundDirection?.children.find(isSoap('body'))?.attributes['parts'];
    if (listed !== undefined) {
      const names = new Set(listed.split(/\s+/).filter((part) => part !== ''));
      return parts.filter((part) => names.has(part.name));
    }
    const headerNames = new Set(headersOf(direction).map((part) => part.name));
    return parts.filter((part) => !headerNames.has(part.name));
  };
  const input = message('input');
  const output = message('output');
  return {
    portType,
    name,
    ...(soapAction !== undefined && soapAction !== '' ? { soapAction } : {}),
    input: input === undefined ? [] : bodyOf('input', input.parts),
    ...(output === undefined ? {} : { output: bodyOf('output', output.parts) }),
    headers: headersOf('input'),
  };
}

function findMessage(all: Definitions, name: QName, what: string, file: string): { parts: WsdlPart[] } {
  const message = all.messages.get(qnameKey(name));
  if (message === undefined) throw new SpecError(`${file}: the ${what} refers to message ${name.localName}, which no wsdl:message declares; fix the WSDL`);
  return message;
}

// The first SOAP 1.1 (else 1.2) binding of a portType; HTTP bindings carry no headers.
function soapBindingOf(portType: QName, bindings: readonly XmlElement[]): XmlElement | undefined {
  const ofPortType = bindings.filter((binding) => {
    const type = binding.attributes['type'];
    if (type === undefined) return false;
    const resolved = resolveQName(type, binding.scope);
    return qnameKey(resolved) === qnameKey(portType);
  });
  return ofPortType.find((binding) => binding.children.some(isSoap('binding', SOAP11_NS))) ?? ofPortType.find((binding) => binding.children.some(isSoap('binding')));
}

function isSoap(localName: string, only?: string): (element: XmlElement) => boolean {
  return (element) => element.localName === localName && (only === undefined ? element.namespace === SOAP11_NS || element.namespace === SOAP12_NS : element.namespace === only);
}
