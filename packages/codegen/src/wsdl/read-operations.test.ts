import { describe, expect, it } from 'vitest';
import { compileWsdlText } from './compile-wsdl.js';
import { wsdlSetFromText } from './load-wsdl.js';
import { readOperations } from './read-operations.js';

const WSDL = `<definitions xmlns="http://schemas.xmlsoap.org/wsdl/" xmlns:soap="http://schemas.xmlsoap.org/wsdl/soap/" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:tns="urn:svc" xmlns:m="urn:msg" targetNamespace="urn:svc">
  <types><xs:schema targetNamespace="urn:msg" xmlns:m="urn:msg" elementFormDefault="qualified">
    <xs:complexType name="PassportType"><xs:sequence><xs:element name="email" type="xs:string"/></xs:sequence></xs:complexType>
    <xs:element name="passport" type="m:PassportType"/>
    <xs:element name="Impersonation"><xs:complexType><xs:sequence><xs:element name="sid" type="xs:string"/></xs:sequence></xs:complexType></xs:element>
    <xs:element name="get"><xs:complexType><xs:sequence><xs:element name="id" type="xs:long"/></xs:sequence></xs:complexType></xs:element>
    <xs:element name="getResponse" type="xs:string"/>
  </xs:schema></types>
  <message name="headers"><part name="passport" element="m:passport"/></message>
  <message name="getIn"><part name="parameters" element="m:get"/><part name="Impersonation" element="m:Impersonation"/></message>
  <message name="getOut"><part name="parameters" element="m:getResponse"/></message>
  <portType name="Port"><operation name="get"><input message="tns:getIn"/><output message="tns:getOut"/></operation></portType>
  <binding name="Binding" type="tns:Port"><soap:binding style="document" transport="http://schemas.xmlsoap.org/soap/http"/>
    <operation name="get"><soap:operation soapAction="urn:get"/>
      <input><soap:header message="tns:headers" part="passport" use="literal"/><soap:header message="tns:getIn" part="Impersonation" use="literal"/><soap:body use="literal"/></input>
      <output><soap:body use="literal"/></output>
    </operation>
  </binding>
</definitions>`;

describe('operations', () => {
  it('reads body parts (header parts excluded) and SOAP input headers from the binding', () => {
    expect(readOperations(wsdlSetFromText(WSDL, 'svc.wsdl').definitions)).toEqual([
      {
        portType: 'Port',
        name: 'get',
        soapAction: 'urn:get',
        input: [{ name: 'parameters', element: { namespace: 'urn:msg', localName: 'get' } }],
        output: [{ name: 'parameters', element: { namespace: 'urn:msg', localName: 'getResponse' } }],
        headers: [
          { name: 'passport', element: { namespace: 'urn:msg', localName: 'passport' } },
          { name: 'Impersonation', element: { namespace: 'urn:msg', localName: 'Impersonation' } },
        ],
      },
    ]);
  });

  it('emits the Operations map with input, output and optional headers', () => {
    const { types, operations } = compileWsdlText(WSDL, 'svc.wsdl');
    expect(types).toContain(
      'export interface Operations {\n  get: { input: get; output: string; headers: { passport?: PassportType; Impersonation?: Impersonation; } };\n}',
    );
    expect(operations[0]).toMatchObject({ key: 'get', input: { type: 'get', elements: ['{urn:msg}get'] } });
  });

  it('refuses a header part the message does not have, naming it', () => {
    expect(() => compileWsdlText(WSDL.replace('part="passport" use', 'part="token" use'), 'svc.wsdl')).toThrow(/binds the header part "token" of headers, which has no such part/);
  });
});
