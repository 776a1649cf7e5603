// The scalar kinds the mapping pre-fill compares: a record field from the spec and a unified
// field from the core zod schema are matched only when one is assignable to the other.
import { UNIFIED_SCHEMAS, type UnifiedEntityName } from '@portage/core';
import type { JsonObject, SpecRefs } from '../model.js';

/**
 * `date-time` and `date` are strings with that format; `enum` is a unified field restricted to
 * fixed values; `other` is anything that is not a plain scalar (objects, arrays, unions, money).
 */
export type FieldKind = 'string' | 'date-time' | 'date' | 'integer' | 'number' | 'boolean' | 'enum' | 'other';

export interface FieldShape {
  kind: FieldKind;
  /** The value may be absent (`?:` in TypeScript). */
  optional: boolean;
  /** The value may be `null`. */
  nullable: boolean;
  /** The spec marks the field `readOnly`: sent by the platform, never written (record fields only). */
  readOnly?: boolean;
}

const isObject = (value: unknown): value is JsonObject => value !== null && typeof value === 'object' && !Array.isArray(value);

/** The kind of one property schema, read through `$ref` and single-member `allOf`. */
function schemaShape(refs: SpecRefs, node: unknown): { kind: FieldKind; nullable: boolean } {
  const schema = refs.resolve<unknown>(node);
  if (!isObject(schema)) return { kind: 'other', nullable: false };
  if (Array.isArray(schema.allOf) && schema.allOf.length === 1 && schema.type === undefined) {
    const inner = schemaShape(refs, schema.allOf[0]);
    return { kind: inner.kind, nullable: inner.nullable || schema.nullable === true };
  }
  if (schema.anyOf !== undefined || schema.oneOf !== undefined || schema.allOf !== undefined) return { kind: 'other', nullable: false };
  const types = (Array.isArray(schema.type) ? schema.type : [schema.type]).filter((type): type is string => typeof type === 'string');
  const nullable = schema.nullable === true || types.includes('null');
  const [type, ...others] = types.filter((one) => one !== 'null');
  if (type === undefined || others.length > 0) return { kind: 'other', nullable };
  if (type === 'string') {
    if (schema.format === 'date-time') return { kind: 'date-time', nullable };
    if (schema.format === 'date') return { kind: 'date', nullable };
    return { kind: 'string', nullable };
  }
  if (type === 'integer' || type === 'number' || type === 'boolean') return { kind: type, nullable };
  return { kind: 'other', nullable };
}

/**
 * The fields of one record schema with their kinds, in the order the spec lists them. Reads
 * `properties` through `$ref` and `allOf` (whose `required` lists add up); `anyOf`/`oneOf`
 * members are left out because a TypeScript union does not let a mapping read their fields.
 *
 * @example recordFields(refs, { type: 'object', required: ['id'], properties: { id: { type: 'string' } } })
 * // Map { 'id' => { kind: 'string', optional: false, nullable: false } }
 */
export function recordFields(refs: SpecRefs, node: unknown): Map<string, FieldShape> {
  const fields = new Map<string, FieldShape>();
  const required = new Set<string>();
  const visit = (current: unknown, seen: Set<unknown>) => {
    const schema = refs.resolve<unknown>(current);
    if (!isObject(schema) || seen.has(schema)) return;
    seen.add(schema);
    for (const name of Array.isArray(schema.required) ? schema.required : []) if (typeof name === 'string') required.add(name);
    if (isObject(schema.properties)) {
      for (const [name, property] of Object.entries(schema.properties)) {
        if (fields.has(name)) continue;
        const readOnly = isObject(refs.resolve<unknown>(property)) && refs.resolve<JsonObject>(property).readOnly === true;
        fields.set(name, { ...schemaShape(refs, property), optional: true, ...(readOnly ? { readOnly } : {}) });
      }
    }
    for (const member of Array.isArray(schema.allOf) ? schema.allOf : []) visit(member, seen);
  };
  visit(node, new Set());
  for (const [name, field] of fields) field.optional = !required.has(name);
  return fields;
}

/** The slice of a zod 4 schema's definition this module reads. */
interface ZodLike {
  def: { type: string; innerType?: ZodLike; format?: string; shape?: Record<string, ZodLike> };
  isInt?: boolean;
  shape?: Record<string, ZodLike>;
}

function zodShape(schema: ZodLike): FieldShape {
  let current = schema;
  let optional = false;
  let nullable = false;
  for (;;) {
    const { type, innerType } = current.def;
    if ((type === 'optional' || type === 'nullable' || type === 'default') && innerType !== undefined) {
      if (type === 'nullable') nullable = true;
      else optional = true;
      current = innerType;
    } else break;
  }
  const { type, format } = current.def;
  let kind: FieldKind = 'other';
  if (type === 'string') kind = format === 'datetime' ? 'date-time' : format === 'date' ? 'date' : 'string';
  else if (type === 'number') kind = current.isInt === true ? 'integer' : 'number';
  else if (type === 'boolean') kind = 'boolean';
  else if (type === 'enum' || type === 'literal') kind = 'enum';
  return { kind, optional, nullable };
}

/**
 * The fields of a unified entity with their kinds, read from its core zod schema, in the
 * schema's order.
 *
 * @example unifiedFields('Customer').get('email') // { kind: 'string', optional: true, nullable: true }
 */
export function unifiedFields(name: UnifiedEntityName): Map<string, FieldShape> {
  const schema = UNIFIED_SCHEMAS[name] as unknown as ZodLike;
  const shape = schema.shape ?? schema.def.shape ?? {};
  return new Map(Object.entries(shape).map(([field, fieldSchema]) => [field, zodShape(fieldSchema)]));
}
