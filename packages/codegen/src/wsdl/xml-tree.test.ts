import { describe, expect, it } from 'vitest';
import { SpecError } from '../openapi/spec-error.js';
import { parseXmlTree } from './xml-tree.js';

describe('parseXmlTree', () => {
  it('resolves each element in its own scope, in document order, without text or comments', () => {
    const root = parseXmlTree(
      '\uFEFF<?xml version="1.0"?><p:a xmlns:p="urn:one"><!-- note --><p:b/>prose<p:c xmlns:p="urn:two" x="1"/></p:a>',
      'doc.xsd',
    );
    expect(root).toMatchObject({ namespace: 'urn:one', localName: 'a', file: 'doc.xsd' });
    expect(root.children.map((child) => [child.namespace, child.localName, child.attributes])).toEqual([
      ['urn:one', 'b', {}],
      ['urn:two', 'c', { 'xmlns:p': 'urn:two', x: '1' }],
    ]);
    expect(root.children[1]!.scope.get('p')).toBe('urn:two');
  });

  it.each([
    ['malformed XML', '<a><b></a>', /bad\.xsd is not well-formed XML/],
    ['an undeclared element prefix', '<q:a/>', /the element <q:a> uses the prefix "q", which no xmlns:q declares/],
    ['no root element', '<!-- only a comment -->', /bad\.xsd is not well-formed XML \(Start tag expected\. at line 1\)/],
  ])('refuses %s with a SpecError', (_, given, want) => {
    expect(() => parseXmlTree(given, 'bad.xsd')).toThrow(SpecError);
    expect(() => parseXmlTree(given, 'bad.xsd')).toThrow(want);
  });
});
