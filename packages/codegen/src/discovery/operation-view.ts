import type { JsonObject, SpecRefs } from '../model.js';
import { viewSchema, type SchemaView } from './schema-view.js';

/** One request parameter, resolved. */
export interface ParameterView {
  in: string;
  name: string;
  style?: string;
  schema: SchemaView;
}

/** What the detectors read from one operation, with every `$ref` on the way resolved. */
export interface OperationView {
  method: 'GET' | 'POST';
  path: string;
  operationId?: string;
  /** Path-level parameters merged with the operation's (the operation's win). */
  parameters: ParameterView[];
  /** The JSON request body schema, for POST. */
  requestBody?: SchemaView;
  /** The JSON body of the first 2xx response that has one. */
  response?: SchemaView;
  /** The status code of that response, e.g. `200`. */
  status?: string;
  /** Header names the success response declares, as written. */
  responseHeaders: string[];
}

const isObject = (value: unknown): value is JsonObject => value !== null && typeof value === 'object' && !Array.isArray(value);

/** JSON media types, in preference order: `application/json`, then `+json` and `*\/*`. */
function jsonContent(refs: SpecRefs, content: unknown): unknown {
  if (!isObject(content)) return undefined;
  const types = Object.keys(content);
  const chosen =
    types.find((type) => /^application\/json\b/i.test(type)) ?? types.find((type) => /[/+]json\b/i.test(type)) ?? types.find((type) => type === '*/*');
  if (chosen === undefined) return undefined;
  const media = refs.resolve<unknown>(content[chosen]);
  return isObject(media) ? media.schema : undefined;
}

function readParameters(refs: SpecRefs, nodes: unknown): ParameterView[] {
  if (!Array.isArray(nodes)) return [];
  const parameters: ParameterView[] = [];
  for (const node of nodes) {
    const parameter = refs.resolve<unknown>(node);
    if (!isObject(parameter) || typeof parameter.name !== 'string' || typeof parameter.in !== 'string') continue;
    parameters.push({
      in: parameter.in,
      name: parameter.name,
      ...(typeof parameter.style === 'string' ? { style: parameter.style } : {}),
      schema: viewSchema(refs, parameter.schema ?? jsonContent(refs, parameter.content) ?? {}),
    });
  }
  return parameters;
}

/**
 * Reads one operation of a path item for discovery.
 *
 * @example readOperation(refs, '/v1/charges', document.paths['/v1/charges'], 'GET')
 */
export function readOperation(refs: SpecRefs, path: string, pathItemNode: unknown, method: 'GET' | 'POST'): OperationView | undefined {
  const pathItem = refs.resolve<unknown>(pathItemNode);
  if (!isObject(pathItem)) return undefined;
  const operation = refs.resolve<unknown>(pathItem[method.toLowerCase()]);
  if (!isObject(operation)) return undefined;

  const merged = new Map<string, ParameterView>();
  for (const parameter of [...readParameters(refs, pathItem.parameters), ...readParameters(refs, operation.parameters)]) {
    merged.set(`${parameter.in}:${parameter.name}`, parameter);
  }
  const view: OperationView = {
    method,
    path,
    ...(typeof operation.operationId === 'string' ? { operationId: operation.operationId } : {}),
    parameters: [...merged.values()],
    responseHeaders: [],
  };

  const body = refs.resolve<unknown>(operation.requestBody);
  if (isObject(body)) {
    const schema = jsonContent(refs, body.content);
    if (schema !== undefined) view.requestBody = viewSchema(refs, schema);
  }

  const responses = isObject(operation.responses) ? operation.responses : {};
  const successCodes = Object.keys(responses)
    .filter((code) => /^2(\d\d|XX)$/i.test(code))
    .sort();
  for (const code of successCodes) {
    const response = refs.resolve<unknown>(responses[code]);
    if (!isObject(response)) continue;
    const schema = jsonContent(refs, response.content);
    if (schema === undefined) continue;
    view.response = viewSchema(refs, schema);
    view.status = code;
    view.responseHeaders = isObject(response.headers) ? Object.keys(response.headers) : [];
    break;
  }
  return view;
}
