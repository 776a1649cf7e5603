import { SpecError } from '../openapi/spec-error.js';
import { qnameKey, type QName } from './namespaces.js';
import type { SchemaSource } from './load-wsdl.js';
import { attributeType, readAttributes } from './read-attributes.js';
import { qnameAttribute, xsdChildren, type ReadContext } from './read-context.js';
import { readComplexType } from './read-complex-type.js';
import { childParticles, elementType } from './read-particle.js';
import { readSimpleType } from './read-simple-type.js';
import type { SchemaIndex } from './schema-model.js';

/** An empty index, for readers and tests that add to it. */
export function emptySchemaIndex(): SchemaIndex {
  return { types: new Map(), elements: new Map(), groups: new Map(), attributeGroups: new Map(), attributes: new Map() };
}

/**
 * Reads the global declarations of every schema of a WSDL set into one index. The same
 * declaration read twice (a schema reached through two imports) is kept once; two different
 * files declaring one name keep the first, as schema processors do.
 *
 * @example readSchemas(set.schemas).types.get('{urn:core_2023_2.platform.webservices.netsuite.com}Record')
 */
export function readSchemas(schemas: readonly SchemaSource[]): SchemaIndex {
  const index = emptySchemaIndex();
  for (const { schema, targetNamespace } of schemas) {
    const context: ReadContext = { targetNamespace };
    const global = (localName: string | undefined): QName => {
      if (localName === undefined) throw new SpecError(`${schema.file}: a global declaration in the schema for "${targetNamespace}" has no name; fix the schema`);
      return { namespace: targetNamespace, localName };
    };
    for (const child of xsdChildren(schema)) {
      switch (child.localName) {
        case 'complexType':
        case 'simpleType': {
          const type = child.localName === 'complexType' ? readComplexType(child, context) : readSimpleType(child, context);
          addOnce(index.types, qnameKey(global(child.attributes['name'])), type);
          break;
        }
        case 'element': {
          const name = global(child.attributes['name']);
          const substitutionGroup = qnameAttribute(child, 'substitutionGroup');
          addOnce(index.elements, qnameKey(name), {
            name,
            type: elementType(child, context),
            nillable: child.attributes['nillable'] === 'true',
            abstract: child.attributes['abstract'] === 'true',
            ...(substitutionGroup ? { substitutionGroup } : {}),
          });
          break;
        }
        case 'group': {
          const name = global(child.attributes['name']);
          addOnce(index.groups, qnameKey(name), { name, particle: childParticles(child, context)[0] });
          break;
        }
        case 'attributeGroup': {
          const name = global(child.attributes['name']);
          addOnce(index.attributeGroups, qnameKey(name), { name, attributes: readAttributes(child, context) });
          break;
        }
        case 'attribute': {
          const name = global(child.attributes['name']);
          addOnce(index.attributes, qnameKey(name), { name, type: attributeType(child, context) });
          break;
        }
      }
    }
  }
  return index;
}

function addOnce<T>(map: Map<string, T>, key: string, value: T): void {
  if (!map.has(key)) map.set(key, value);
}
