import type { JsonObject, ListEndpoint, OpenApiDocument, SpecRefs } from '../model.js';
import { SpecError } from '../openapi/spec-error.js';
import { quote } from './names.js';

/** Where one record of a list endpoint is described, in the spec and in the generated types. */
export interface RecordSchema {
  /** The schema node of one record as written (a `$ref` when the items are a component). */
  node: unknown;
  /**
   * A TypeScript type expression for one record, written against the generated `paths` and
   * the platform's schema alias: `Stripe['charge']` or an indexed access into `paths[...]`.
   */
  type: string;
}

const isObject = (value: unknown): value is JsonObject => value !== null && typeof value === 'object' && !Array.isArray(value);

const pointer = (...tokens: string[]) => `#/${tokens.map((token) => token.replace(/~/g, '~0').replace(/\//g, '~1')).join('/')}`;

/** The JSON media type of a content map, in the order discovery prefers them. */
function jsonMediaType(content: JsonObject): string | undefined {
  const types = Object.keys(content);
  return types.find((type) => /^application\/json\b/i.test(type)) ?? types.find((type) => /[/+]json\b/i.test(type)) ?? types.find((type) => type === '*/*');
}

/** The node of property `name` of a schema, looking through `$ref` and `allOf` (not unions: a union's members may lack it). */
function propertyNode(refs: SpecRefs, node: unknown, name: string, seen = new Set<unknown>()): unknown {
  const schema = refs.resolve<unknown>(node);
  if (!isObject(schema) || seen.has(schema)) return undefined;
  seen.add(schema);
  if (isObject(schema.properties) && name in schema.properties) return schema.properties[name];
  for (const member of Array.isArray(schema.allOf) ? schema.allOf : []) {
    const found = propertyNode(refs, member, name, seen);
    if (found !== undefined) return found;
  }
  return undefined;
}

/** The `items` node of an array schema, looking through `$ref` and single-member `allOf`. */
function itemsNode(refs: SpecRefs, node: unknown): unknown {
  const schema = refs.resolve<unknown>(node);
  if (!isObject(schema)) return undefined;
  if (schema.items !== undefined) return schema.items;
  return Array.isArray(schema.allOf) && schema.allOf.length === 1 ? itemsNode(refs, schema.allOf[0]) : undefined;
}

/**
 * Finds the schema of one record of a list endpoint (the same success response and media type
 * discovery read) and writes its TypeScript type: the component via the platform alias when
 * the items are a `$ref`, else an indexed access into the generated `paths`, so mappings are
 * typed even when the spec describes records inline.
 *
 * @example recordSchemaOf(document, refs, endpoint, 'Stripe').type // "Stripe['charge']"
 */
export function recordSchemaOf(document: OpenApiDocument, refs: SpecRefs, endpoint: ListEndpoint, platformType: string): RecordSchema {
  const method = endpoint.method.toLowerCase();
  const where = pointer('paths', endpoint.path, method);
  const fail = (what: string): never => {
    throw new SpecError(`${endpoint.method} ${endpoint.path}: ${what}; choose another list endpoint for this entity`, where);
  };
  const operation = refs.resolve<unknown>(refs.resolve<JsonObject>(document.paths[endpoint.path] ?? {})[method]);
  if (!isObject(operation)) return fail('the operation is not in the spec');
  const responses = isObject(operation.responses) ? operation.responses : {};
  const codes = Object.keys(responses)
    .filter((code) => /^2(\d\d|XX)$/i.test(code))
    .sort();
  for (const code of codes) {
    const response = refs.resolve<unknown>(responses[code]);
    if (!isObject(response) || !isObject(response.content)) continue;
    const mediaType = jsonMediaType(response.content);
    if (mediaType === undefined) continue;
    const media = refs.resolve<unknown>(response.content[mediaType]);
    if (!isObject(media) || media.schema === undefined) continue;

    let node: unknown = media.schema;
    let type = `paths[${quote(endpoint.path)}][${quote(method)}]['responses'][${quote(code)}]['content'][${quote(mediaType)}]`;
    for (const segment of endpoint.records === '' ? [] : endpoint.records.split('.')) {
      node = propertyNode(refs, node, segment);
      if (node === undefined) return fail(`the records path "${endpoint.records}" is not in the ${code} response`);
      type = `NonNullable<${type}>[${quote(segment)}]`;
    }
    const items = itemsNode(refs, node);
    if (items === undefined) return fail(`the records path "${endpoint.records || '(body)'}" is not an array`);
    const component = endpoint.itemSchema ?? refs.schemaNameOf(items);
    return { node: items, type: component !== undefined ? `${platformType}[${quote(component)}]` : `NonNullable<${type}>[number]` };
  }
  return fail('no 2xx response with a JSON body');
}
