// The version recorded in spec.lock.json for a WSDL: WSDLs carry no `info.version`, but most
// put it in their target namespace (`urn:platform_2023_2.webservices.netsuite.com`,
// `.../exchange/services/2006/messages`) or are published under a versioned path.

/** `2023_2`, `2023.2`, `v39.0`, `124.0`; a lone number only when it looks like a year. */
const VERSIONED = /(?:^|[^A-Za-z0-9])v?(\d+(?:[._]\d+)+|(?:19|20)\d\d)(?![A-Za-z0-9])/;

/**
 * The version of a WSDL: from its target namespace, else from its source (path or URL),
 * `_` written as `.`; `unversioned` when neither has one.
 *
 * @example wsdlVersion('urn:platform_2023_2.webservices.netsuite.com', 'netsuite.wsdl') // '2023.2'
 * @example wsdlVersion('urn:partner.soap.sforce.com', 'vendor/salesforce-39.0/partner.wsdl') // '39.0'
 */
export function wsdlVersion(targetNamespace: string, source: string): string {
  for (const text of [targetNamespace, source]) {
    const found = VERSIONED.exec(text)?.[1];
    if (found !== undefined) return found.replace(/_/g, '.');
  }
  return 'unversioned';
}
