import type { JsonObject } from '@portage/codegen';

/** Which way a body travels: OpenAPI's `readOnly` / `writeOnly` only apply one way. */
export type Direction = 'request' | 'response';

export interface TranslateContext {
  direction: Direction;
  /** OpenAPI 3.0 ignores the siblings of `$ref`; 3.1 applies them. */
  refSiblings: boolean;
  /**
   * The URI of the Ajv resource that holds the schema a local `$ref` points at (or the target
   * itself when it is a boolean schema, OpenAPI 3.1).
   */
  refUri(ref: JsonObject): string | boolean;
  /** Follows a `$ref` chain to the schema it ends at (to read `readOnly` on properties). */
  resolve(node: unknown): unknown;
  /** Called for every `format`, so unknown ones can be registered as annotations. */
  onFormat(name: string): void;
}

const JSON_TYPES = new Set(['string', 'number', 'integer', 'boolean', 'object', 'array', 'null']);
/** Keywords whose value is one schema. */
const SCHEMA_KEYWORDS = [
  'additionalProperties', 'not', 'if', 'then', 'else', 'contains', 'propertyNames',
  'unevaluatedProperties', 'unevaluatedItems', 'additionalItems', 'contentSchema',
] as const;
/** Keywords whose value is a list of schemas. */
const LIST_KEYWORDS = ['allOf', 'anyOf', 'oneOf', 'prefixItems'] as const;
/** Keywords whose value maps names to schemas. */
const MAP_KEYWORDS = ['properties', '$defs', 'definitions', 'dependentSchemas'] as const;
/**
 * OpenAPI-only or annotation keywords dropped before compiling: they never reject a value, and
 * `discriminator` / `nullable` mean something else (or throw) in Ajv.
 */
const DROPPED = new Set(['discriminator', 'xml', 'externalDocs', 'example', 'examples', 'description', 'title', 'deprecated', '$id', '$schema', 'id']);

const isObject = (value: unknown): value is JsonObject => value !== null && typeof value === 'object' && !Array.isArray(value);

/**
 * Translates one OpenAPI schema object (3.0 or 3.1) into plain JSON Schema that Ajv compiles
 * without OpenAPI extensions: `nullable: true` becomes a `null` type (or an `anyOf` with
 * `null` when the schema is a composition), boolean `exclusiveMinimum`/`exclusiveMaximum`
 * (3.0) become numeric bounds, local `$ref`s point at separate Ajv resources (so recursive
 * schemas compile, each component once), regexes JavaScript cannot read are dropped, and
 * properties that are `readOnly` (requests) or `writeOnly` (responses) are no longer required.
 *
 * The input is never modified.
 *
 * @example
 * toJsonSchema({ type: 'string', nullable: true }, context) // { type: ['string', 'null'] }
 */
export function toJsonSchema(node: unknown, context: TranslateContext): unknown {
  if (!isObject(node)) return node;
  if (typeof node.$ref === 'string') {
    const target = context.refUri(node);
    const reference = typeof target === 'boolean' ? target : { $ref: target };
    if (!context.refSiblings) return reference;
    const { $ref: _ref, ...siblings } = node;
    const rest = translateObject(siblings, context);
    return Object.keys(rest).length === 0 ? reference : { allOf: [reference], ...rest };
  }
  return translateObject(node, context);
}

function translateObject(node: JsonObject, context: TranslateContext): JsonObject {
  const out: JsonObject = {};
  for (const [key, value] of Object.entries(node)) {
    if (DROPPED.has(key) || key.startsWith('x-')) continue;
    out[key] = value;
  }
  for (const key of SCHEMA_KEYWORDS) if (isObject(out[key])) out[key] = toJsonSchema(out[key], context);
  for (const key of LIST_KEYWORDS) if (Array.isArray(out[key])) out[key] = (out[key] as unknown[]).map((item) => toJsonSchema(item, context));
  for (const key of MAP_KEYWORDS) if (isObject(out[key])) out[key] = mapValues(out[key] as JsonObject, context);
  if (Array.isArray(out.items)) out.items = out.items.map((item) => toJsonSchema(item, context));
  else if (isObject(out.items)) out.items = toJsonSchema(out.items, context);
  if (isObject(out.patternProperties)) out.patternProperties = translatePatternProperties(out.patternProperties, context);

  if (typeof out.pattern === 'string' && !isReadableRegex(out.pattern)) delete out.pattern;
  if (typeof out.format === 'string') context.onFormat(out.format);
  fixType(out);
  fixExclusiveBound(out, 'exclusiveMinimum', 'minimum');
  fixExclusiveBound(out, 'exclusiveMaximum', 'maximum');
  dropOneWayRequired(out, node, context);
  return applyNullable(out);
}

function mapValues(map: JsonObject, context: TranslateContext): JsonObject {
  return Object.fromEntries(Object.entries(map).map(([name, schema]) => [name, toJsonSchema(schema, context)]));
}

function translatePatternProperties(map: JsonObject, context: TranslateContext): JsonObject {
  const entries = Object.entries(map).filter(([pattern]) => isReadableRegex(pattern));
  return Object.fromEntries(entries.map(([pattern, schema]) => [pattern, toJsonSchema(schema, context)]));
}

/** Spec regexes come from many dialects; one JavaScript cannot read would fail the whole compile. */
function isReadableRegex(pattern: string): boolean {
  try {
    new RegExp(pattern);
    return true;
  } catch {
    return false;
  }
}

/** Swagger leftovers such as `type: file` are not JSON types; Ajv throws on them. */
function fixType(schema: JsonObject): void {
  if (schema.type === undefined) return;
  const types = (Array.isArray(schema.type) ? schema.type : [schema.type]).filter((type): type is string => typeof type === 'string' && JSON_TYPES.has(type));
  if (types.length === 0) delete schema.type;
  else schema.type = types.length === 1 ? types[0] : types;
}

/** OpenAPI 3.0 (JSON Schema draft 4) writes `exclusiveMinimum: true` next to `minimum`. */
function fixExclusiveBound(schema: JsonObject, exclusive: 'exclusiveMinimum' | 'exclusiveMaximum', bound: 'minimum' | 'maximum'): void {
  if (typeof schema[exclusive] !== 'boolean') return;
  if (schema[exclusive] === true && typeof schema[bound] === 'number') {
    schema[exclusive] = schema[bound];
    delete schema[bound];
  } else {
    delete schema[exclusive];
  }
}

function dropOneWayRequired(out: JsonObject, original: JsonObject, context: TranslateContext): void {
  if (!Array.isArray(out.required) || !isObject(original.properties)) return;
  const properties = original.properties;
  const flag = context.direction === 'request' ? 'readOnly' : 'writeOnly';
  const oneWay = (name: unknown) => {
    if (typeof name !== 'string') return false;
    const property = isObject(properties[name]) ? context.resolve(properties[name]) : undefined;
    return isObject(property) && property[flag] === true;
  };
  const required = out.required.filter((name) => !oneWay(name));
  if (required.length === 0) delete out.required;
  else out.required = required;
}

/**
 * `nullable: true` (OpenAPI 3.0) adds null to the allowed values. A plain schema gets a `null`
 * type and a `null` enum member; a composition or a reference is wrapped in an `anyOf` with
 * `{ type: 'null' }`, because its own subschemas would still reject null.
 */
function applyNullable(schema: JsonObject): JsonObject {
  const nullable = schema.nullable;
  delete schema.nullable;
  if (nullable !== true) return schema;
  if (['allOf', 'anyOf', 'oneOf', 'not', '$ref'].some((key) => key in schema)) return { anyOf: [{ type: 'null' }, schema] };
  if (schema.type !== undefined) {
    const types = Array.isArray(schema.type) ? (schema.type as unknown[]) : [schema.type];
    if (!types.includes('null')) schema.type = [...types, 'null'];
  }
  if (Array.isArray(schema.enum) && !schema.enum.includes(null)) schema.enum = [...schema.enum, null];
  return schema;
}
