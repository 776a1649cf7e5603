import { describe, expect, it } from 'vitest';
import { compileWsdlText } from './compile-wsdl.js';
import { parenthesize } from './emit-simple-type.js';

// One schema in urn:t (prefix t), compiled, and the declaration named `name` out of it.
function declaration(body: string, name: string): string | undefined {
  const { types } = compileWsdlText(`<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:t="urn:t" targetNamespace="urn:t">${body}</xs:schema>`);
  return types.split('\n\n').map((block) => block.trim()).find((block) => block.startsWith(`export type ${name} =`) || block.startsWith(`export interface ${name} `));
}

describe('simple types', () => {
  it.each([
    [
      'an enumeration -> a string-literal union',
      '<xs:simpleType name="S"><xs:restriction base="xs:string"><xs:enumeration value="open"/><xs:enumeration value="_closed"/><xs:enumeration value="say &quot;hi&quot;"/></xs:restriction></xs:simpleType>',
      'export type S = "open" | "_closed" | "say \\"hi\\"";',
    ],
    ['a restriction without enumeration -> its base', '<xs:simpleType name="S"><xs:restriction base="xs:string"><xs:maxLength value="3"/></xs:restriction></xs:simpleType>', 'export type S = string;'],
    ['a restriction of long stays an exact string', '<xs:simpleType name="S"><xs:restriction base="xs:long"><xs:minInclusive value="0"/></xs:restriction></xs:simpleType>', 'export type S = string;'],
    ['a restriction of int is a number', '<xs:simpleType name="S"><xs:restriction base="xs:int"/></xs:simpleType>', 'export type S = number;'],
    [
      'a restriction of a named simple type refers to it',
      '<xs:simpleType name="Base"><xs:restriction base="xs:token"/></xs:simpleType><xs:simpleType name="S"><xs:restriction base="t:Base"/></xs:simpleType>',
      'export type S = Base;',
    ],
    [
      'a list -> an array of its item type',
      '<xs:simpleType name="Day"><xs:restriction base="xs:string"><xs:enumeration value="Mon"/><xs:enumeration value="Tue"/></xs:restriction></xs:simpleType><xs:simpleType name="S"><xs:list itemType="t:Day"/></xs:simpleType>',
      'export type S = Day[];',
    ],
    [
      'a list of an anonymous union type is parenthesized',
      '<xs:simpleType name="S"><xs:list><xs:simpleType><xs:restriction base="xs:string"><xs:enumeration value="a"/><xs:enumeration value="b"/></xs:restriction></xs:simpleType></xs:list></xs:simpleType>',
      'export type S = ("a" | "b")[];',
    ],
    [
      'a union of member types and an inline member',
      '<xs:simpleType name="S"><xs:union memberTypes="xs:int xs:dateTime"><xs:simpleType><xs:restriction base="xs:string"><xs:enumeration value="never"/></xs:restriction></xs:simpleType></xs:union></xs:simpleType>',
      'export type S = number | string | "never";',
    ],
  ])('%s', (_, given, want) => {
    expect(declaration(given, 'S')).toBe(want);
  });
});

describe('parenthesize', () => {
  it.each([
    ['string', 'string'],
    ['"a" | "b"', '("a" | "b")'],
    ['{ a: string | null }', '{ a: string | null }'],
    ['"a|b"', '"a|b"'],
    ['Base & { a: string }', '(Base & { a: string })'],
  ])('%s -> %s', (given, want) => {
    expect(parenthesize(given)).toBe(want);
  });
});
