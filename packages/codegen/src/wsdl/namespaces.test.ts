import { describe, expect, it } from 'vitest';
import { childScope, qnameKey, resolveQName, ROOT_SCOPE, XML_NS, XSD_NS } from './namespaces.js';

describe('resolveQName', () => {
  const scope = childScope(ROOT_SCOPE, { 'xmlns:xs': XSD_NS, xmlns: 'urn:default', 'xmlns:t': 'urn:types' });
  it.each([
    ['a prefixed name', 'xs:string', { namespace: XSD_NS, localName: 'string' }],
    ['an unprefixed name takes the default namespace', 'Record', { namespace: 'urn:default', localName: 'Record' }],
    ['the xml prefix is always bound', 'xml:lang', { namespace: XML_NS, localName: 'lang' }],
    ['surrounding space is ignored', ' t:Item ', { namespace: 'urn:types', localName: 'Item' }],
  ])('%s', (_, given, want) => {
    expect(resolveQName(given, scope)).toEqual(want);
  });

  it('resolves an unprefixed name to no namespace when no default is declared', () => {
    expect(resolveQName('Item', ROOT_SCOPE)).toEqual({ namespace: '', localName: 'Item' });
  });

  it('refuses an unbound prefix, naming it', () => {
    expect(() => resolveQName('ns:Item', scope)).toThrow(/prefix "ns" of "ns:Item" is not bound/);
  });
});

describe('childScope', () => {
  it('rebinds a prefix for the element and keeps the parent scope untouched', () => {
    const parent = childScope(ROOT_SCOPE, { 'xmlns:ns': 'urn:ebay:apis:eBLBaseComponents' });
    const child = childScope(parent, { 'xmlns:ns': 'urn:ebay:apis:CoreComponentTypes' });
    expect(child.get('ns')).toBe('urn:ebay:apis:CoreComponentTypes');
    expect(parent.get('ns')).toBe('urn:ebay:apis:eBLBaseComponents');
  });

  it('shares the parent scope when the element declares nothing', () => {
    const parent = childScope(ROOT_SCOPE, { 'xmlns:a': 'urn:a' });
    expect(childScope(parent, { name: 'x' })).toBe(parent);
  });
});

describe('qnameKey', () => {
  it('writes Clark notation', () => {
    expect(qnameKey({ namespace: 'urn:a', localName: 'B' })).toBe('{urn:a}B');
  });
});
