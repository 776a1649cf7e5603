import type { JsonObject, SpecRefs } from '../model.js';

/**
 * One schema seen through its `$ref`s and compositions: what discovery needs to know about
 * a response, request body or record, without caring how the spec author spelled it.
 */
export interface SchemaView {
  /** JSON types the schema allows (`object` is implied by properties, `array` by items). */
  types: Set<string>;
  /** Property name -> the property's schema node as written (may be a `$ref`). */
  properties: Map<string, unknown>;
  /** The array item schema node as written, for arrays. */
  items?: unknown;
  format?: string;
  maximum?: number;
  minimum?: number;
  default?: unknown;
  /** The component schema name the node was reached by, when it has one. */
  name?: string;
}

const isObject = (value: unknown): value is JsonObject => value !== null && typeof value === 'object' && !Array.isArray(value);

/**
 * Resolves a schema node through `$ref`, `allOf`, `anyOf` and `oneOf` into one view. The
 * variants of `anyOf`/`oneOf` are merged too: discovery asks "which fields can a record
 * have", and a union's fields are the honest answer. Cycles through compositions are cut.
 *
 * @example viewSchema(refs, { $ref: '#/components/schemas/ChargeList' }).properties.has('data')
 */
export function viewSchema(refs: SpecRefs, node: unknown): SchemaView {
  const view: SchemaView = { types: new Set(), properties: new Map() };
  const name = refs.schemaNameOf(node);
  if (name !== undefined) view.name = name;
  merge(refs, node, view, new Set());
  if (view.properties.size > 0) view.types.add('object');
  if (view.items !== undefined) view.types.add('array');
  return view;
}

function merge(refs: SpecRefs, node: unknown, view: SchemaView, seen: Set<object>): void {
  const schema = refs.resolve<unknown>(node);
  if (!isObject(schema) || seen.has(schema)) return;
  seen.add(schema);

  const type = schema.type;
  for (const one of Array.isArray(type) ? type : [type]) if (typeof one === 'string') view.types.add(one);
  if (schema.nullable === true) view.types.add('null');
  if (isObject(schema.properties)) {
    for (const [key, value] of Object.entries(schema.properties)) if (!view.properties.has(key)) view.properties.set(key, value);
  }
  if (schema.items !== undefined && view.items === undefined) view.items = schema.items;
  if (typeof schema.format === 'string') view.format ??= schema.format;
  if (typeof schema.maximum === 'number') view.maximum ??= schema.maximum;
  if (typeof schema.minimum === 'number') view.minimum ??= schema.minimum;
  if (schema.default !== undefined) view.default ??= schema.default;

  for (const key of ['allOf', 'anyOf', 'oneOf'] as const) {
    const members = schema[key];
    if (!Array.isArray(members)) continue;
    for (const member of members) {
      if (view.name === undefined && members.length === 1) {
        const memberName = refs.schemaNameOf(member);
        if (memberName !== undefined) view.name = memberName;
      }
      merge(refs, member, view, seen);
    }
  }
}

/** Whether a view describes JSON objects (declared, or implied by its properties). */
export const isObjectView = (view: SchemaView) => view.types.has('object');

/** Whether a view describes strings (or says nothing about its type). */
export const isStringLike = (view: SchemaView) => view.types.size === 0 || view.types.has('string');

/** Whether a view describes numbers. */
export const isNumeric = (view: SchemaView) => view.types.has('integer') || view.types.has('number');

/**
 * The property of an object view whose name matches one of `candidates` (compared without
 * case and separators), in the order of `candidates`.
 */
export function findProperty(view: SchemaView, candidates: readonly string[], normalizeName: (name: string) => string): string | undefined {
  const byKey = new Map<string, string>();
  for (const key of view.properties.keys()) if (!byKey.has(normalizeName(key))) byKey.set(normalizeName(key), key);
  for (const candidate of candidates) {
    const key = byKey.get(normalizeName(candidate));
    if (key !== undefined) return key;
  }
  return undefined;
}
