import { describe, expect, it } from 'vitest';
import { allocateTypeNames, namespaceTag, toIdentifier, type NameRequest } from './type-names.js';

const type = (namespace: string, localName: string): NameRequest => ({ key: `type {${namespace}}${localName}`, name: { namespace, localName }, kind: 'type' });
const element = (namespace: string, localName: string): NameRequest => ({ key: `element {${namespace}}${localName}`, name: { namespace, localName }, kind: 'element' });

describe('allocateTypeNames', () => {
  it.each<[string, NameRequest[], Record<string, string>]>([
    ['unique names are kept as written', [type('urn:a', 'sObject'), type('urn:a', 'Record')], { 'type {urn:a}sObject': 'sObject', 'type {urn:a}Record': 'Record' }],
    [
      'a clash across namespaces: the first namespace keeps the name, the next gets its tag',
      [type('urn:types.sales_2023_2.transactions', 'Status'), type('urn:common_2023_2.platform', 'Status')],
      { 'type {urn:common_2023_2.platform}Status': 'Status', 'type {urn:types.sales_2023_2.transactions}Status': 'Status_TypesSales' },
    ],
    ['names that differ only in case stay distinct', [type('urn:a', 'item'), type('urn:a', 'Item')], { 'type {urn:a}Item': 'Item', 'type {urn:a}item': 'item' }],
    ['an element clashing with a type of its namespace', [element('urn:a', 'Login'), type('urn:a', 'Login')], { 'type {urn:a}Login': 'Login', 'element {urn:a}Login': 'LoginElement' }],
    ['reserved words and keywords get a trailing underscore', [type('urn:a', 'delete'), type('urn:a', 'string')], { 'type {urn:a}delete': 'delete_', 'type {urn:a}string': 'string_' }],
    ['invalid identifier characters', [type('urn:a', 'my-type.v2'), type('urn:a', '3D')], { 'type {urn:a}my-type.v2': 'my_type_v2', 'type {urn:a}3D': '_3D' }],
  ])('%s', (_, given, want) => {
    expect(Object.fromEntries(allocateTypeNames(given))).toEqual(want);
  });

  it('does not depend on the order of the declarations', () => {
    const requests = [type('urn:b', 'X'), type('urn:a', 'X'), element('urn:a', 'X'), type('urn:c', 'X')];
    expect(allocateTypeNames(requests)).toEqual(allocateTypeNames([...requests].reverse()));
  });

  it('never hands out a name already taken', () => {
    const taken = new Set(['Item', 'Item_B']);
    const names = allocateTypeNames([type('urn:a', 'Item'), type('urn:b', 'Item')], taken);
    expect(new Set(names.values()).size).toBe(2);
    expect([...names.values()].some((name) => name === 'Item' || name === 'Item_B')).toBe(false);
  });
});

describe('namespaceTag / toIdentifier', () => {
  it.each([
    ['urn:types.sales_2023_2.transactions.webservices.netsuite.com', 'TypesSales'],
    ['http://schemas.microsoft.com/exchange/services/2006/types', 'Types'],
    ['', 'NoNamespace'],
  ])('namespaceTag(%s) = %s', (given, want) => {
    expect(namespaceTag(given)).toBe(want);
  });
  it('toIdentifier keeps a valid name', () => {
    expect(toIdentifier('QueryResult')).toBe('QueryResult');
  });
});
