import { describe, expect, it } from 'vitest';
import { compileWsdlText } from './compile-wsdl.js';

function declaration(body: string, name: string): string | undefined {
  const { types } = compileWsdlText(`<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:t="urn:t" targetNamespace="urn:t">${body}</xs:schema>`);
  return types.split('\n\n').map((block) => block.trim()).find((block) => block.startsWith(`export type ${name} =`) || block.startsWith(`export interface ${name} `));
}
const complex = (content: string) => `<xs:complexType name="T">${content}</xs:complexType>`;

describe('content models -> properties', () => {
  it.each([
    [
      'required, optional, nillable and optional-nillable keep distinct shapes',
      complex(
        '<xs:sequence><xs:element name="a" type="xs:string"/><xs:element name="b" type="xs:string" minOccurs="0"/><xs:element name="c" type="xs:string" nillable="true"/><xs:element name="d" type="xs:string" minOccurs="0" nillable="true"/></xs:sequence>',
      ),
      'export interface T {\n  a: string;\n  b?: string;\n  c: string | null;\n  d?: string | null;\n}',
    ],
    [
      'maxOccurs > 1 and unbounded -> arrays; a nillable item array parenthesizes',
      complex('<xs:sequence><xs:element name="a" type="xs:long" maxOccurs="unbounded"/><xs:element name="b" type="xs:int" minOccurs="0" maxOccurs="3"/><xs:element name="c" type="xs:string" maxOccurs="unbounded" nillable="true"/></xs:sequence>'),
      'export interface T {\n  a: string[];\n  b?: number[];\n  c: (string | null)[];\n}',
    ],
    [
      'a choice makes each branch optional; a repeating choice makes them arrays',
      complex('<xs:sequence><xs:choice><xs:element name="a" type="xs:string"/><xs:element name="b" type="xs:int"/></xs:choice><xs:choice maxOccurs="unbounded"><xs:element name="c" type="xs:string"/></xs:choice></xs:sequence>'),
      'export interface T {\n  a?: string;\n  b?: number;\n  c: string[];\n}',
    ],
    ['an all group', complex('<xs:all><xs:element name="a" type="xs:boolean"/><xs:element name="b" type="xs:boolean" minOccurs="0"/></xs:all>'), 'export interface T {\n  a: boolean;\n  b?: boolean;\n}'],
    [
      'an optional sequence makes its elements optional',
      complex('<xs:sequence><xs:sequence minOccurs="0"><xs:element name="a" type="xs:string"/></xs:sequence></xs:sequence>'),
      'export interface T {\n  a?: string;\n}',
    ],
    [
      'a group ref is inlined with its occurrence',
      '<xs:group name="G"><xs:sequence><xs:element name="g" type="xs:string"/></xs:sequence></xs:group>' + complex('<xs:sequence><xs:group ref="t:G" minOccurs="0"/></xs:sequence>'),
      'export interface T {\n  g?: string;\n}',
    ],
    [
      'an element ref takes the global element name, type and nillable',
      '<xs:element name="Note" type="xs:string" nillable="true"/>' + complex('<xs:sequence><xs:element ref="t:Note" maxOccurs="unbounded"/></xs:sequence>'),
      'export interface T {\n  Note: (string | null)[];\n}',
    ],
    [
      'a ref to a substitution group head stands for its concrete members',
      '<xs:element name="Expr" type="xs:string" abstract="true"/><xs:element name="IsEqual" type="xs:int" substitutionGroup="t:Expr"/><xs:element name="Exists" type="xs:boolean" substitutionGroup="t:Expr"/><xs:element name="Deep" type="xs:long" substitutionGroup="t:Exists"/>' +
        complex('<xs:sequence><xs:element ref="t:Expr"/></xs:sequence>'),
      'export interface T {\n  Deep?: string;\n  Exists?: boolean;\n  IsEqual?: number;\n}',
    ],
    [
      'xs:any -> an open record',
      complex('<xs:sequence><xs:element name="type" type="xs:string"/><xs:any namespace="##targetNamespace" minOccurs="0" maxOccurs="unbounded" processContents="lax"/></xs:sequence>'),
      'export interface T {\n  type: string;\n  [key: string]: unknown;\n}',
    ],
    [
      'an anonymous local complex type is written inline',
      complex('<xs:sequence><xs:element name="inner" minOccurs="0"><xs:complexType><xs:sequence><xs:element name="id" type="xs:decimal"/></xs:sequence></xs:complexType></xs:element></xs:sequence>'),
      'export interface T {\n  inner?: { id: string; };\n}',
    ],
    [
      'an element named twice merges into one property',
      complex('<xs:choice><xs:element name="v" type="xs:string"/><xs:element name="v" type="xs:int" maxOccurs="2"/></xs:choice>'),
      'export interface T {\n  v?: (string | number)[];\n}',
    ],
    ['an element without a type is unknown; a non-identifier name is quoted', complex('<xs:sequence><xs:element name="x-y"/></xs:sequence>'), 'export interface T {\n  "x-y": unknown;\n}'],
  ])('%s', (_, given, want) => {
    expect(declaration(given, 'T')).toBe(want);
  });

  it('refuses a reference to a group no schema declares, naming it', () => {
    expect(() => declaration(complex('<xs:sequence><xs:group ref="t:Missing"/></xs:sequence>'), 'T')).toThrow(/the group Missing of namespace "urn:t" is referenced but no schema/);
  });
});
