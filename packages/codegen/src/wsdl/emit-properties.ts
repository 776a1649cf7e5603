import { parenthesize } from './emit-simple-type.js';

/** One property of a generated object type. */
export interface Property {
  /** The element's local name, or `@name` for an attribute, `#text` for simple content. */
  name: string;
  /** The item type (without `| null` or `[]`). */
  type: string;
  /** minOccurs="0", an optional attribute, or a branch of a choice. */
  optional: boolean;
  /** maxOccurs > 1 (on the element or on a repeating sequence/choice around it). */
  array: boolean;
  /** nillable="true": present but `xsi:nil`, which reaches the mapper as `null`. */
  nullable: boolean;
}

/**
 * Adds a property, merging it with one of the same name already there (the same element in two
 * branches of a choice, or twice in a sequence): the types are joined and the looser shape wins.
 */
export function addProperty(properties: Map<string, Property>, property: Property): void {
  const existing = properties.get(property.name);
  if (existing === undefined) {
    properties.set(property.name, property);
    return;
  }
  properties.set(property.name, {
    name: property.name,
    // `&` binds tighter than `|`, and object literals are self-contained, so joining is safe.
    type: existing.type === property.type ? existing.type : `${existing.type} | ${property.type}`,
    optional: existing.optional || property.optional,
    array: existing.array || property.array,
    nullable: existing.nullable || property.nullable,
  });
}

/**
 * One property as a line of an interface body: required `a: T`, optional `a?: T`, nillable
 * `a: T | null`, repeated `a: T[]` (and any mix), keeping the three shapes distinct.
 *
 * @example renderProperty({ name: 'email', type: 'string', optional: true, array: false, nullable: true }) // 'email?: string | null;'
 */
export function renderProperty(property: Property): string {
  const item = property.nullable ? `${parenthesize(property.type)} | null` : property.type;
  const type = property.array ? `${parenthesize(item)}[]` : item;
  return `${propertyKey(property.name)}${property.optional ? '?' : ''}: ${type};`;
}

/** A property name as written in a type: bare when it is an identifier, else quoted. */
export function propertyKey(name: string): string {
  return /^[A-Za-z_$][A-Za-z0-9_$]*$/.test(name) ? name : JSON.stringify(name);
}
