import type { JsonObject, SpecRefs, SurfaceType } from '../model.js';
import { compareText } from './compare-text.js';
import { componentRefName } from './component-ref.js';

export type EnumValue = string | number | boolean | null;

/** What one schema says about one value, without looking at its children. */
export interface SchemaShape {
  type: SurfaceType | SurfaceType[];
  format?: string;
  nullable: boolean;
  enum?: EnumValue[];
  /** The component(s) the value is a `$ref` to; several (`a|b`) for a oneOf/anyOf of refs. */
  ref?: string;
}

const TYPES = new Set<string>(['string', 'integer', 'number', 'boolean', 'object', 'array', 'null']);
const isObject = (value: unknown): value is JsonObject => value !== null && typeof value === 'object' && !Array.isArray(value);
const members = (node: JsonObject, key: 'allOf' | 'oneOf' | 'anyOf'): unknown[] => (Array.isArray(node[key]) ? (node[key] as unknown[]) : []);

interface Facts {
  types: Set<SurfaceType>;
  nullable: boolean;
  formats: Set<string>;
}

/**
 * Reads the shape of a schema: its type(s) (explicit, or inferred from `properties`, `items`,
 * `enum` and compositions), format, enum, nullability (OAS 3.0 `nullable: true`, a 3.1 type
 * list with "null", or a null member of oneOf/anyOf) and the component it refers to.
 * Compositions that come back to themselves are read once.
 *
 * @example schemaShape(refs, { type: ['string', 'null'], format: 'date-time' }) // { type: 'string', format: 'date-time', nullable: true }
 */
export function schemaShape(refs: SpecRefs, raw: unknown): SchemaShape {
  const facts = collect(refs, raw, new Set());
  const node = refs.resolve<unknown>(raw);
  const types = [...facts.types].sort(compareText);
  const shape: SchemaShape = {
    type: types.length === 0 ? (facts.nullable ? 'null' : 'unknown') : types.length === 1 ? types[0]! : types,
    nullable: facts.nullable,
  };
  if (facts.formats.size === 1) shape.format = [...facts.formats][0];
  if (isObject(node) && Array.isArray(node.enum)) shape.enum = enumValues(node.enum);
  const ref = refNames(refs, raw);
  if (ref !== undefined) shape.ref = ref;
  return shape;
}

function collect(refs: SpecRefs, raw: unknown, seen: Set<unknown>): Facts {
  const facts: Facts = { types: new Set(), nullable: false, formats: new Set() };
  const node = refs.resolve<unknown>(raw);
  if (!isObject(node) || seen.has(node)) return facts;
  seen.add(node);
  const declared = Array.isArray(node.type) ? node.type : node.type === undefined ? [] : [node.type];
  for (const type of declared) {
    if (type === 'null') facts.nullable = true;
    else facts.types.add(typeof type === 'string' && TYPES.has(type) ? (type as SurfaceType) : 'unknown');
  }
  if (node.nullable === true) facts.nullable = true;
  if (typeof node.format === 'string') facts.formats.add(node.format);
  if (Array.isArray(node.enum) && node.enum.includes(null)) facts.nullable = true;
  if (declared.length === 0) inferTypes(node, facts);
  // allOf: every member applies, so a member's type counts only when the node names none.
  for (const key of ['oneOf', 'anyOf', 'allOf'] as const) {
    const parts = members(node, key).map((member) => collect(refs, member, seen));
    for (const part of parts) {
      if (declared.length === 0) part.types.forEach((t) => facts.types.add(t));
      part.formats.forEach((f) => facts.formats.add(f));
    }
    if (key !== 'allOf' ? parts.some((p) => p.nullable) : parts.length > 0 && parts.every((p) => p.nullable)) facts.nullable = true;
  }
  seen.delete(node);
  return facts;
}

function inferTypes(node: JsonObject, facts: Facts): void {
  if (isObject(node.properties) || node.additionalProperties !== undefined || isObject(node.patternProperties)) facts.types.add('object');
  if (node.items !== undefined || Array.isArray(node.prefixItems)) facts.types.add('array');
  const values = Array.isArray(node.enum) ? node.enum : 'const' in node ? [node.const] : [];
  for (const value of values) {
    if (typeof value === 'string') facts.types.add('string');
    else if (typeof value === 'boolean') facts.types.add('boolean');
    else if (typeof value === 'number') facts.types.add(Number.isInteger(value) ? 'integer' : 'number');
  }
}

function enumValues(values: unknown[]): EnumValue[] {
  const primitive = values.filter((v): v is EnumValue => v === null || ['string', 'number', 'boolean'].includes(typeof v));
  const unique = [...new Map(primitive.map((v) => [`${typeof v}:${String(v)}`, v])).entries()];
  return unique.sort(([a], [b]) => compareText(a, b)).map(([, v]) => v);
}

/** The component a value points at: its own `$ref`, else the refs among its composition members. */
function refNames(refs: SpecRefs, raw: unknown): string | undefined {
  const own = componentRefName(raw);
  if (own !== undefined) return own;
  const node = refs.resolve<unknown>(raw);
  if (!isObject(node)) return undefined;
  const names = new Set<string>();
  for (const key of ['allOf', 'oneOf', 'anyOf'] as const) {
    for (const member of members(node, key)) {
      const name = componentRefName(member);
      if (name !== undefined) names.add(name);
    }
  }
  return names.size === 0 ? undefined : [...names].sort(compareText).join('|');
}
