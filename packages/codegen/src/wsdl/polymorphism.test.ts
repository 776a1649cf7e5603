import { describe, expect, it } from 'vitest';
import { compileWsdlText } from './compile-wsdl.js';

const SCHEMA = `<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:t="urn:t" targetNamespace="urn:t">
  <xs:complexType name="Record" abstract="true"><xs:sequence><xs:element name="id" type="xs:string" minOccurs="0"/></xs:sequence></xs:complexType>
  <xs:complexType name="Customer"><xs:complexContent><xs:extension base="t:Record"><xs:sequence><xs:element name="name" type="xs:string"/></xs:sequence></xs:extension></xs:complexContent></xs:complexType>
  <xs:complexType name="VipCustomer"><xs:complexContent><xs:extension base="t:Customer"><xs:sequence><xs:element name="tier" type="xs:int"/></xs:sequence></xs:extension></xs:complexContent></xs:complexType>
  <xs:complexType name="SalesOrder"><xs:complexContent><xs:extension base="t:Record"/></xs:complexContent></xs:complexType>
  <xs:complexType name="Holder"><xs:sequence><xs:element name="record" type="t:Record"/><xs:element name="customer" type="t:Customer" minOccurs="0"/><xs:element name="order" type="t:SalesOrder"/></xs:sequence></xs:complexType>
</xs:schema>`;

describe('abstract types and xsi:type polymorphism', () => {
  const { types, xsiTypes, stats } = compileWsdlText(SCHEMA);
  const block = (start: string) => types.split('\n\n').map((b) => b.trim()).find((b) => b.startsWith(start));

  it.each([
    [
      'an abstract base: a union of its concrete descendants, each with a required $type',
      'export type AnyRecord',
      'export type AnyRecord =\n  | (Customer & { $type: "Customer" })\n  | (SalesOrder & { $type: "SalesOrder" })\n  | (VipCustomer & { $type: "VipCustomer" });',
    ],
    [
      'a concrete base: itself with an optional $type (no xsi:type), then its descendants',
      'export type AnyCustomer',
      'export type AnyCustomer =\n  | (Customer & { $type?: "Customer" })\n  | (VipCustomer & { $type: "VipCustomer" });',
    ],
    [
      'fields of a type with subtypes take the union; others the type itself',
      'export interface Holder',
      'export interface Holder {\n  record: AnyRecord;\n  customer?: AnyCustomer;\n  order: SalesOrder;\n}',
    ],
    ['subtypes extend the interface, not the union', 'export interface VipCustomer', 'export interface VipCustomer extends Customer {\n  tier: number;\n}'],
  ])('%s', (_, start, want) => {
    expect(block(start)).toBe(want);
  });

  it('maps every xsi:type QName to its $type value', () => {
    expect(xsiTypes).toEqual({ '{urn:t}Customer': 'Customer', '{urn:t}Record': 'Record', '{urn:t}SalesOrder': 'SalesOrder', '{urn:t}VipCustomer': 'VipCustomer' });
    expect(stats.unions).toBe(2);
  });
});
