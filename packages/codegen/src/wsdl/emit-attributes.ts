import { mustFind, type CompileContext } from './compile-context.js';
import type { Property } from './emit-properties.js';
import { typeRefToTs } from './emit-type-ref.js';
import { qnameKey, XML_NS, type QName } from './namespaces.js';
import type { AttributeUse, TypeRef } from './schema-model.js';

/** Attribute properties (`@name`, as the fetch client's XML parser names them) and whether `anyAttribute` allows others. */
export interface AttributeProperties {
  properties: Map<string, Property>;
  open: boolean;
}

/**
 * Turns attribute uses into `@name` properties: optional unless `use="required"`, left out
 * when `use="prohibited"`; attributeGroup refs are inlined. Later uses of a name replace
 * earlier ones, so a restriction can tighten what it inherits.
 *
 * @example attributeProperties([{ kind: 'attribute', name: 'currencyID', type, required: true, prohibited: false }], context)
 * // { properties: Map { '@currencyID' => { type: 'CurrencyCodeType', optional: false, ... } }, open: false }
 */
export function attributeProperties(uses: readonly AttributeUse[], context: CompileContext, into?: AttributeProperties): AttributeProperties {
  const result = into ?? { properties: new Map<string, Property>(), open: false };
  collect(uses, context, result, new Set());
  return result;
}

function collect(uses: readonly AttributeUse[], context: CompileContext, out: AttributeProperties, groups: Set<string>): void {
  for (const use of uses) {
    switch (use.kind) {
      case 'anyAttribute':
        out.open = true;
        break;
      case 'attributeGroupRef': {
        const key = qnameKey(use.ref);
        if (groups.has(key)) break;
        const group = mustFind(context.index.attributeGroups, use.ref, 'attributeGroup');
        collect(group.attributes, context, out, new Set([...groups, key]));
        break;
      }
      case 'attribute':
      case 'attributeRef': {
        const name = `@${use.kind === 'attribute' ? use.name : use.ref.localName}`;
        if (use.prohibited) {
          out.properties.delete(name);
          break;
        }
        const type = use.kind === 'attribute' ? use.type : attributeRefType(use.ref, context);
        out.properties.set(name, { name, type: typeRefToTs(type, context), optional: !use.required, array: false, nullable: false });
        break;
      }
    }
  }
}

function attributeRefType(ref: QName, context: CompileContext): TypeRef {
  // `xml:lang` and friends are never declared by the set; typeRefToTs reads `xml:` names as strings.
  if (ref.namespace === XML_NS) return { kind: 'named', name: ref };
  return mustFind(context.index.attributes, ref, 'attribute').type;
}
