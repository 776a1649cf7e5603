import { SOAP11_NS, SOAP12_NS, WSDL_NS } from '../wsdl/namespaces.js';
import { childrenIn, type XmlElement } from '../wsdl/xml-tree.js';

/**
 * The address of the first SOAP port of the set's services (`wsdl:service/wsdl:port/soap:address`),
 * SOAP 1.1 before 1.2, in document order; undefined when no service names one (EWS ships none).
 *
 * @example readSoapAddress(set.definitions) // 'https://webservices.netsuite.com/services/NetSuitePort_2023_2'
 */
export function readSoapAddress(definitions: readonly XmlElement[]): string | undefined {
  const addresses = definitions.flatMap((root) =>
    childrenIn(root, WSDL_NS, 'service').flatMap((service) =>
      childrenIn(service, WSDL_NS, 'port').flatMap((port) => port.children.filter((child) => child.localName === 'address' && (child.namespace === SOAP11_NS || child.namespace === SOAP12_NS))),
    ),
  );
  const preferred = addresses.find((address) => address.namespace === SOAP11_NS) ?? addresses[0];
  const location = preferred?.attributes['location'];
  return location === undefined || location === '' ? undefined : location;
}
