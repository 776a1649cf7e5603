import { describe, expect, it } from 'vitest';
import { hasWsdlExtension, looksLikeWsdl } from './detect-wsdl.js';
import { soapEntityName } from './soap-entity-name.js';
import { wsdlSetSha256 } from './wsdl-set-hash.js';
import { wsdlVersion } from './wsdl-version.js';

const bytes = (text: string) => new TextEncoder().encode(text);

describe('WSDL detection', () => {
  it('knows a WSDL by extension or by its root element, with or without a prefix', () => {
    expect(hasWsdlExtension('vendor/netsuite.WSDL')).toBe(true);
    expect(hasWsdlExtension('https://example.com/svc.wsdl?v=2#x')).toBe(true);
    expect(hasWsdlExtension('https://example.com/svc?wsdl')).toBe(false);
    expect(looksLikeWsdl(bytes('\uFEFF<?xml version="1.0"?>\n<!-- c -->\n<wsdl:definitions xmlns:wsdl="x"/>'))).toBe(true);
    expect(looksLikeWsdl(bytes('<definitions targetNamespace="urn:a">'))).toBe(true);
    expect(looksLikeWsdl(bytes('{"openapi":"3.0.0","definitions":{}}'))).toBe(false);
    expect(looksLikeWsdl(bytes('<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema"/>'))).toBe(false);
  });
});

describe('wsdlVersion', () => {
  it('reads the target namespace first, then the source, else says unversioned', () => {
    expect(wsdlVersion('urn:platform_2023_2.webservices.netsuite.com', 'x.wsdl')).toBe('2023.2');
    expect(wsdlVersion('http://schemas.microsoft.com/exchange/services/2006/messages', 'services.wsdl')).toBe('2006');
    expect(wsdlVersion('urn:partner.soap.sforce.com', '../shared/specs/wsdl/salesforce-39.0/partner.wsdl')).toBe('39.0');
    expect(wsdlVersion('urn:example', 'vendor/api.wsdl')).toBe('unversioned');
  });
});

describe('wsdlSetSha256', () => {
  const entry = { location: '/specs/a/main.wsdl', bytes: bytes('<definitions/>') };
  const one = { location: '/specs/a/xsd/one.xsd', bytes: bytes('<schema>1</schema>') };
  const two = { location: '/specs/a/xsd/two.xsd', bytes: bytes('<schema>2</schema>') };

  it('does not depend on import order, but on every file, its name and which one is the entry', () => {
    const pinned = wsdlSetSha256([entry, one, two]);
    expect(wsdlSetSha256([entry, two, one])).toBe(pinned);
    expect(wsdlSetSha256([entry, one, { ...two, bytes: bytes('<schema>3</schema>') }])).not.toBe(pinned);
    expect(wsdlSetSha256([entry, one, { ...two, location: '/specs/a/xsd/renamed.xsd' }])).not.toBe(pinned);
    expect(wsdlSetSha256([entry, one])).not.toBe(pinned);
    // The same files read from another folder hash the same: names are relative to the entry.
    const moved = (file: typeof entry) => ({ ...file, location: file.location.replace('/specs/a/', '/elsewhere/') });
    expect(wsdlSetSha256([entry, one, two].map(moved))).toBe(pinned);
  });
});

describe('soapEntityName', () => {
  it('names a record type in the plural camelCase', () => {
    expect(['Customer', 'SalesOrder', 'Opportunity', 'Address', 'sObject', 'Day'].map(soapEntityName)).toEqual([
      'customers',
      'salesOrders',
      'opportunities',
      'addresses',
      'sObjects',
      'days',
    ]);
  });
});
