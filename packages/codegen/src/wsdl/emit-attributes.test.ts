import { describe, expect, it } from 'vitest';
import { compileWsdlText } from './compile-wsdl.js';

function declaration(body: string): string | undefined {
  const { types } = compileWsdlText(`<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:t="urn:t" targetNamespace="urn:t">${body}</xs:schema>`);
  return types.split('\n\n').map((block) => block.trim()).find((block) => block.startsWith('export interface X '));
}

describe('attributes', () => {
  it.each([
    [
      'required, optional and prohibited attributes',
      '<xs:complexType name="X"><xs:attribute name="a" type="xs:string" use="required"/><xs:attribute name="b" type="xs:long"/><xs:attribute name="c" type="xs:string" use="prohibited"/></xs:complexType>',
      'export interface X {\n  "@a": string;\n  "@b"?: string;\n}',
    ],
    [
      'an attributeGroup ref is inlined; an attribute ref takes the global declaration',
      '<xs:attribute name="lang2" type="xs:language"/><xs:attributeGroup name="G"><xs:attribute name="g" type="xs:boolean"/></xs:attributeGroup>' +
        '<xs:complexType name="X"><xs:attributeGroup ref="t:G"/><xs:attribute ref="t:lang2" use="required"/><xs:attribute ref="xml:lang"/></xs:complexType>',
      'export interface X {\n  "@g"?: boolean;\n  "@lang2": string;\n  "@lang"?: string;\n}',
    ],
    [
      'an inline enumeration attribute type',
      '<xs:complexType name="X"><xs:attribute name="k"><xs:simpleType><xs:restriction base="xs:string"><xs:enumeration value="x"/></xs:restriction></xs:simpleType></xs:attribute></xs:complexType>',
      'export interface X {\n  "@k"?: "x";\n}',
    ],
    ['anyAttribute allows other @ keys', '<xs:complexType name="X"><xs:anyAttribute/></xs:complexType>', 'export interface X {\n  [key: `@${string}`]: unknown;\n}'],
  ])('%s', (_, given, want) => {
    expect(declaration(given)).toBe(want);
  });
});
