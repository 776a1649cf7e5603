import type { JsonObject, SpecRefs } from '@portage/codegen';

const isObject = (value: unknown): value is JsonObject => value !== null && typeof value === 'object' && !Array.isArray(value);

/** The JSON types a schema allows, as written or implied (`properties` -> object, `items` -> array). */
export function schemaTypes(schema: JsonObject): string[] {
  if (typeof schema.type === 'string') return [schema.type];
  if (Array.isArray(schema.type)) return schema.type.filter((type): type is string => typeof type === 'string');
  if (isObject(schema.properties) || isObject(schema.additionalProperties)) return ['object'];
  if (schema.items !== undefined) return ['array'];
  if (Array.isArray(schema.enum)) return [...new Set(schema.enum.map((value) => (Number.isInteger(value) ? 'integer' : typeof value)))];
  return [];
}

const NUMBER = /^-?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;

/**
 * Parameter values arrive as strings (or lists / nested objects of strings, once the style is
 * applied); this turns them into the JSON types the parameter's schema asks for, so Ajv can
 * check them. A string that does not fit is left as it is, for Ajv to reject with a message
 * that shows it (`must be integer; got "ten"`). `anyOf`/`oneOf` take the first branch the
 * value fits, so Stripe's `created` (integer, or an object of integers) works both ways.
 *
 * @example
 * coerce({ gte: '10' }, { type: 'object', properties: { gte: { type: 'integer' } } }, refs) // { gte: 10 }
 */
export function coerce(value: unknown, schemaNode: unknown, refs: SpecRefs, depth = 0): unknown {
  const schema = refs.resolve<unknown>(schemaNode);
  if (!isObject(schema) || depth > 32) return value;
  for (const keyword of ['anyOf', 'oneOf'] as const) {
    const branches = schema[keyword];
    if (!Array.isArray(branches)) continue;
    for (const branch of branches) {
      const coerced = coerce(value, branch, refs, depth + 1);
      if (fits(coerced, refs.resolve<unknown>(branch))) return coerced;
    }
  }
  if (Array.isArray(schema.allOf)) value = schema.allOf.reduce((current: unknown, branch) => coerce(current, branch, refs, depth + 1), value);

  const types = schemaTypes(schema);
  if (types.includes('array')) {
    const list = asList(value);
    if (list) return list.map((item) => coerce(item, schema.items, refs, depth + 1));
  }
  if (isObject(value) && (types.length === 0 || types.includes('object'))) {
    const properties = isObject(schema.properties) ? schema.properties : {};
    return Object.fromEntries(
      Object.entries(value).map(([key, item]) => [key, coerce(item, properties[key] ?? (isObject(schema.additionalProperties) ? schema.additionalProperties : undefined), refs, depth + 1)]),
    );
  }
  if (typeof value !== 'string' || types.includes('string')) return value;
  if ((types.includes('integer') || types.includes('number')) && NUMBER.test(value)) return Number(value);
  if (types.includes('boolean') && (value === 'true' || value === 'false')) return value === 'true';
  if (types.includes('null') && value === 'null') return null;
  return value;
}

/**
 * A list from an array, or from an object with only index keys (`expand[0]=a&expand[1]=b`
 * parsed as nested names), in index order.
 */
function asList(value: unknown): unknown[] | undefined {
  if (Array.isArray(value)) return value;
  if (!isObject(value)) return undefined;
  const keys = Object.keys(value);
  if (keys.length === 0 || !keys.every((key) => /^\d+$/.test(key))) return undefined;
  return keys.sort((a, b) => Number(a) - Number(b)).map((key) => value[key]);
}

/** Whether a coerced value has one of the schema's JSON types (no type: anything fits). */
function fits(value: unknown, schema: unknown): boolean {
  if (!isObject(schema)) return true;
  const types = schemaTypes(schema);
  if (types.length === 0) return true;
  return types.some((type) => {
    switch (type) {
      case 'integer':
        return Number.isInteger(value);
      case 'number':
        return typeof value === 'number';
      case 'array':
        return Array.isArray(value);
      case 'object':
        return isObject(value);
      case 'null':
        return value === null;
      default:
        return typeof value === type;
    }
  });
}
