import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** Namespace of the small query/queryMore service below. */
export const QUERY_NS = 'urn:portage:test:query';

/**
 * A small document/literal SOAP 1.1 service in the query/queryMore style (a query locator and
 * a `done` flag), written for these tests: every XSD type the client must read exactly
 * (long, decimal, double, dateTime, int, boolean), a repeated element, a nillable locator.
 */
export const QUERY_WSDL = `<?xml version="1.0" encoding="UTF-8"?>
<definitions xmlns="http://schemas.xmlsoap.org/wsdl/" xmlns:soap="http://schemas.xmlsoap.org/wsdl/soap/"
  xmlns:xsd="http://www.w3.org/2001/XMLSchema" xmlns:tns="${QUERY_NS}" targetNamespace="${QUERY_NS}">
  <types>
    <xsd:schema targetNamespace="${QUERY_NS}" elementFormDefault="qualified">
      <xsd:complexType name="Account">
        <xsd:sequence>
          <xsd:element name="Id" type="xsd:string"/>
          <xsd:element name="Name" type="xsd:string" minOccurs="0"/>
          <xsd:element name="ExternalNumber" type="xsd:long" minOccurs="0"/>
          <xsd:element name="AnnualRevenue" type="xsd:decimal" minOccurs="0"/>
          <xsd:element name="Rating" type="xsd:double" minOccurs="0"/>
          <xsd:element name="Employees" type="xsd:int" minOccurs="0"/>
          <xsd:element name="IsActive" type="xsd:boolean" minOccurs="0"/>
          <xsd:element name="LastModified" type="xsd:dateTime" minOccurs="0"/>
          <xsd:element name="Tags" type="xsd:string" minOccurs="0" maxOccurs="unbounded"/>
        </xsd:sequence>
      </xsd:complexType>
      <xsd:complexType name="QueryResult">
        <xsd:sequence>
          <xsd:element name="done" type="xsd:boolean"/>
          <xsd:element name="queryLocator" type="xsd:string" nillable="true"/>
          <xsd:element name="records" type="tns:Account" minOccurs="0" maxOccurs="unbounded"/>
          <xsd:element name="size" type="xsd:int"/>
        </xsd:sequence>
      </xsd:complexType>
      <xsd:element name="query"><xsd:complexType><xsd:sequence>
        <xsd:element name="queryString" type="xsd:string"/>
        <xsd:element name="batchSize" type="xsd:int" minOccurs="0"/>
      </xsd:sequence></xsd:complexType></xsd:element>
      <xsd:element name="queryResponse"><xsd:complexType><xsd:sequence>
        <xsd:element name="result" type="tns:QueryResult"/>
      </xsd:sequence></xsd:complexType></xsd:element>
      <xsd:element name="queryMore"><xsd:complexType><xsd:sequence>
        <xsd:element name="queryLocator" type="xsd:string"/>
      </xsd:sequence></xsd:complexType></xsd:element>
      <xsd:element name="queryMoreResponse"><xsd:complexType><xsd:sequence>
        <xsd:element name="result" type="tns:QueryResult"/>
      </xsd:sequence></xsd:complexType></xsd:element>
      <xsd:element name="SessionHeader"><xsd:complexType><xsd:sequence>
        <xsd:element name="sessionId" type="xsd:string"/>
      </xsd:sequence></xsd:complexType></xsd:element>
    </xsd:schema>
  </types>
  <message name="queryRequest"><part name="parameters" element="tns:query"/></message>
  <message name="queryResponse"><part name="parameters" element="tns:queryResponse"/></message>
  <message name="queryMoreRequest"><part name="parameters" element="tns:queryMore"/></message>
  <message name="queryMoreResponse"><part name="parameters" element="tns:queryMoreResponse"/></message>
  <message name="Header"><part name="SessionHeader" element="tns:SessionHeader"/></message>
  <portType name="QueryPort">
    <operation name="query"><input message="tns:queryRequest"/><output message="tns:queryResponse"/></operation>
    <operation name="queryMore"><input message="tns:queryMoreRequest"/><output message="tns:queryMoreResponse"/></operation>
  </portType>
  <binding name="QueryBinding" type="tns:QueryPort">
    <soap:binding style="document" transport="http://schemas.xmlsoap.org/soap/http"/>
    <operation name="query">
      <soap:operation soapAction=""/>
      <input><soap:header message="tns:Header" part="SessionHeader" use="literal"/><soap:body parts="parameters" use="literal"/></input>
      <output><soap:body use="literal"/></output>
    </operation>
    <operation name="queryMore">
      <soap:operation soapAction=""/>
      <input><soap:header message="tns:Header" part="SessionHeader" use="literal"/><soap:body parts="parameters" use="literal"/></input>
      <output><soap:body use="literal"/></output>
    </operation>
  </binding>
  <service name="QueryService">
    <port name="Query" binding="tns:QueryBinding"><soap:address location="http://127.0.0.1:9/services/query"/></port>
  </service>
</definitions>
`;

/** Writes the WSDL to a fresh temporary folder (the client reads WSDLs from files) and returns its path. */
export async function writeQueryWsdl(): Promise<string> {
  const folder = await mkdtemp(join(tmpdir(), 'portage-soap-'));
  const path = join(folder, 'query.wsdl');
  await writeFile(path, QUERY_WSDL);
  return path;
}
