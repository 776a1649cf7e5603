import { describe, expect, it } from 'vitest';
import { compileWsdlText } from './compile-wsdl.js';

function compile(body: string) {
  return compileWsdlText(`<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:t="urn:t" targetNamespace="urn:t">${body}</xs:schema>`);
}
function declaration(body: string, name: string): string | undefined {
  return compile(body)
    .types.split('\n\n')
    .map((block) => block.trim())
    .find((block) => block.startsWith(`export type ${name} =`) || block.startsWith(`export interface ${name} `));
}
const BASE = '<xs:complexType name="Base"><xs:sequence><xs:element name="id" type="xs:string"/></xs:sequence><xs:attribute name="v" type="xs:int"/></xs:complexType>';

describe('complex types', () => {
  it.each([
    [
      'complexContent extension -> interface X extends Base, own members only',
      BASE + '<xs:complexType name="X"><xs:complexContent><xs:extension base="t:Base"><xs:sequence><xs:element name="name" type="xs:string" minOccurs="0"/></xs:sequence></xs:extension></xs:complexContent></xs:complexType>',
      'export interface X extends Base {\n  name?: string;\n}',
    ],
    [
      'an extension re-declaring a base property differently extends Omit<Base, ...>',
      BASE + '<xs:complexType name="X"><xs:complexContent><xs:extension base="t:Base"><xs:sequence><xs:element name="id" type="xs:long" maxOccurs="unbounded"/></xs:sequence></xs:extension></xs:complexContent></xs:complexType>',
      'export interface X extends Omit<Base, "id"> {\n  id: string[];\n}',
    ],
    [
      'complexContent restriction states its content in full and keeps the base attributes',
      BASE + '<xs:complexType name="X"><xs:complexContent><xs:restriction base="t:Base"><xs:sequence><xs:element name="id" type="xs:string" minOccurs="0"/></xs:sequence></xs:restriction></xs:complexContent></xs:complexType>',
      'export interface X {\n  id?: string;\n  "@v"?: number;\n}',
    ],
    [
      'simpleContent extension of a simple type -> #text beside @attributes',
      '<xs:complexType name="X"><xs:simpleContent><xs:extension base="xs:decimal"><xs:attribute name="currencyID" type="xs:string" use="required"/></xs:extension></xs:simpleContent></xs:complexType>',
      'export interface X {\n  "#text": string;\n  "@currencyID": string;\n}',
    ],
    [
      'simpleContent extension of a simple-content complex type extends it',
      '<xs:complexType name="A"><xs:simpleContent><xs:extension base="xs:string"><xs:attribute name="a" type="xs:string"/></xs:extension></xs:simpleContent></xs:complexType>' +
        '<xs:complexType name="X"><xs:simpleContent><xs:extension base="t:A"><xs:attribute name="b" type="xs:boolean"/></xs:extension></xs:simpleContent></xs:complexType>',
      'export interface X extends A {\n  "@b"?: boolean;\n}',
    ],
    [
      'simpleContent restriction with enumeration narrows #text and keeps attributes',
      '<xs:complexType name="A"><xs:simpleContent><xs:extension base="xs:string"><xs:attribute name="a" type="xs:string"/></xs:extension></xs:simpleContent></xs:complexType>' +
        '<xs:complexType name="X"><xs:simpleContent><xs:restriction base="t:A"><xs:enumeration value="on"/><xs:enumeration value="off"/></xs:restriction></xs:simpleContent></xs:complexType>',
      'export interface X {\n  "#text": "on" | "off";\n  "@a"?: string;\n}',
    ],
    ['mixed content adds optional #text', '<xs:complexType name="X" mixed="true"><xs:sequence><xs:element name="b" type="xs:string"/></xs:sequence></xs:complexType>', 'export interface X {\n  "#text"?: string;\n  b: string;\n}'],
    ['an empty complex type', '<xs:complexType name="X"/>', 'export interface X {}'],
    [
      'a global element with an anonymous type gets its own declaration',
      '<xs:element name="login"><xs:complexType><xs:sequence><xs:element name="username" type="xs:string"/></xs:sequence></xs:complexType></xs:element>',
      'export interface login {\n  username: string;\n}',
    ],
    [
      'an anonymous extension inside an element is an intersection',
      BASE + '<xs:complexType name="X"><xs:sequence><xs:element name="e"><xs:complexType><xs:complexContent><xs:extension base="t:Base"><xs:sequence><xs:element name="n" type="xs:int"/></xs:sequence></xs:extension></xs:complexContent></xs:complexType></xs:element></xs:sequence></xs:complexType>',
      'export interface X {\n  e: Base & { n: number; };\n}',
    ],
  ])('%s', (_, given, want) => {
    expect(declaration(given, 'X') ?? declaration(given, 'login')).toBe(want);
  });

  it('drops documentation and other prose from the output', () => {
    const { types } = compile(
      '<xs:complexType name="X"><xs:annotation><xs:documentation>Secret prose here</xs:documentation></xs:annotation><xs:sequence><xs:element name="a" type="xs:string"><xs:annotation><xs:documentation>More prose</xs:documentation></xs:annotation></xs:element></xs:sequence></xs:complexType>',
    );
    expect(types).not.toMatch(/prose/i);
    expect(types).toContain('export interface X {\n  a: string;\n}');
  });

  it('names types that clash across namespaces distinctly in one output', () => {
    const { types } = compileWsdlText(
      `<definitions xmlns="http://schemas.xmlsoap.org/wsdl/" xmlns:xs="http://www.w3.org/2001/XMLSchema" targetNamespace="urn:w"><types>` +
        `<xs:schema targetNamespace="urn:a" xmlns:a="urn:a"><xs:complexType name="Item"><xs:sequence><xs:element name="x" type="xs:int"/></xs:sequence></xs:complexType></xs:schema>` +
        `<xs:schema targetNamespace="urn:b" xmlns:a="urn:b"><xs:complexType name="Item"><xs:sequence><xs:element name="y" type="a:item"/></xs:sequence></xs:complexType><xs:complexType name="item"/></xs:schema>` +
        `</types></definitions>`,
      'clash.wsdl',
    );
    expect(types).toContain('export interface Item {\n  x: number;\n}');
    expect(types).toContain('export interface Item_B {\n  y: item;\n}');
    expect(types).toContain('export interface item {}');
  });
});
