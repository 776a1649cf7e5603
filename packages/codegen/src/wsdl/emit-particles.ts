import { elementNameKey, mustFind, type CompileContext } from './compile-context.js';
import { addProperty, type Property } from './emit-properties.js';
import { typeRefToTs } from './emit-type-ref.js';
import { qnameKey } from './namespaces.js';
import type { ElementDecl, Particle } from './schema-model.js';

/** The properties a content model contributes, and whether it holds an `xs:any` wildcard. */
export interface ParticleProperties {
  properties: Map<string, Property>;
  /** `xs:any`: elements the schema does not name (Salesforce sObject fields) -> an open record. */
  open: boolean;
}

/**
 * Flattens a content model into properties. A sequence or all contributes its elements as
 * they are; a choice makes each branch optional (exactly-one cannot be said by an interface
 * that other types extend); a particle that may repeat makes every element under it an array;
 * `minOccurs="0"` anywhere on the path makes it optional. Group refs are inlined; an element
 * ref that heads a substitution group stands for every element of the group.
 *
 * @example particleProperties(<sequence><element name="a" type="xs:int" maxOccurs="unbounded"/></sequence>, context)
 * // { properties: Map { 'a' => { type: 'number', optional: false, array: true, nullable: false } }, open: false }
 */
export function particleProperties(particle: Particle | undefined, context: CompileContext): ParticleProperties {
  const result: ParticleProperties = { properties: new Map(), open: false };
  if (particle !== undefined) walk(particle, false, false, context, result, new Set());
  return result;
}

function walk(particle: Particle, outerOptional: boolean, outerArray: boolean, context: CompileContext, out: ParticleProperties, groups: Set<string>): void {
  const optional = outerOptional || particle.min === 0;
  const array = outerArray || particle.max > 1;
  switch (particle.kind) {
    case 'sequence':
    case 'all':
      for (const child of particle.particles) walk(child, optional, array, context, out, groups);
      return;
    case 'choice': {
      const branchOptional = optional || particle.particles.length > 1;
      for (const child of particle.particles) walk(child, branchOptional, array, context, out, groups);
      return;
    }
    case 'groupRef': {
      const key = qnameKey(particle.ref);
      // A group cannot contain itself except through an element; guard anyway.
      if (groups.has(key)) return;
      const group = mustFind(context.index.groups, particle.ref, 'group');
      if (group.particle !== undefined) walk(group.particle, optional, array, context, out, new Set([...groups, key]));
      return;
    }
    case 'any':
      out.open = true;
      return;
    case 'element':
      addProperty(out.properties, {
        name: particle.element.name,
        type: typeRefToTs(particle.element.type, context),
        optional,
        array,
        nullable: particle.element.nillable,
      });
      return;
    case 'elementRef': {
      const head = mustFind(context.index.elements, particle.ref, 'element');
      const members = [head, ...(context.substitutes.get(qnameKey(head.name)) ?? [])].filter((element) => !element.abstract);
      for (const element of members) {
        addProperty(out.properties, {
          name: element.name.localName,
          type: elementTypeToTs(element, context),
          optional: optional || members.length > 1,
          array,
          nullable: element.nillable,
        });
      }
      return;
    }
  }
}

/** The TypeScript type of a global element: its named type, or its own declaration when anonymous. */
export function elementTypeToTs(element: ElementDecl, context: CompileContext): string {
  if (element.type.kind === 'inline') return context.names.get(elementNameKey(element.name))!;
  return typeRefToTs(element.type, context);
}
