import type { JsonObject, SpecRefs } from '@portage/codegen';
import { describeErrors, isJsonType, parameterPlace, type SchemaValidator } from '@portage/testing';
import { coerce, schemaTypes } from './coerce.js';
import type { SpecOperation } from './route-table.js';

/** One parameter of an operation, path-item parameters merged in. */
export interface ParameterSpec {
  name: string;
  in: 'query' | 'header' | 'path' | 'cookie';
  required: boolean;
  style: string;
  explode: boolean;
  /** The schema, or the schema of a `content: { 'application/json': ... }` parameter. */
  schema: unknown;
  /** Serialized as JSON (`content` instead of `schema`). */
  json: boolean;
}

/** What a request carries, as parameters see it. */
export interface ParameterInput {
  pathParams: Record<string, string>;
  /** Query pairs in order, names raw (`created[gte]`), values decoded. */
  query: [string, string][];
  /** Lower-cased names. */
  headers: Record<string, string>;
  /** Query names claimed elsewhere (API keys of security schemes). */
  otherQueryNames: Set<string>;
}

/** Header parameters OpenAPI says to ignore: they are described elsewhere in the spec. */
const IGNORED_HEADERS = new Set(['accept', 'content-type', 'authorization']);

const DEFAULT_STYLE = { query: 'form', cookie: 'form', path: 'simple', header: 'simple' } as const;

/**
 * The parameters of an operation: the path item's, overridden by the operation's own with the
 * same name and location.
 */
export function parametersOf(operation: SpecOperation, refs: SpecRefs): ParameterSpec[] {
  const merged = new Map<string, ParameterSpec>();
  for (const list of [operation.pathItem.parameters, operation.operation.parameters]) {
    if (!Array.isArray(list)) continue;
    for (const node of list) {
      const parameter = refs.resolve<JsonObject>(node);
      const location = parameter.in as ParameterSpec['in'];
      if (typeof parameter.name !== 'string' || !(location in DEFAULT_STYLE)) continue;
      const style = typeof parameter.style === 'string' ? parameter.style : DEFAULT_STYLE[location];
      const content = parameter.content as Record<string, JsonObject> | undefined;
      const jsonContent = content ? Object.entries(content).find(([type]) => isJsonType(type))?.[1] : undefined;
      merged.set(`${location}:${parameter.name}`, {
        name: parameter.name,
        in: location,
        required: parameter.required === true || location === 'path',
        style,
        explode: typeof parameter.explode === 'boolean' ? parameter.explode : style === 'form',
        schema: jsonContent ? jsonContent.schema : parameter.schema,
        json: jsonContent !== undefined,
      });
    }
  }
  return [...merged.values()];
}

/**
 * Every problem with a request's parameters, one line each: required ones missing, values
 * that do not fit their schema once coerced from text (`query parameter limit: must be <= 100;
 * got 500`), a scalar given more than once, and query names the spec does not define (a
 * connector must not invent parameters).
 */
export function checkParameters(parameters: ParameterSpec[], input: ParameterInput, validator: SchemaValidator, refs: SpecRefs): string[] {
  const problems: string[] = [];
  const claimed = new Set<number>();
  const cookies = parseCookies(input.headers.cookie);

  for (const parameter of parameters) {
    const label = `${parameter.in} parameter`;
    let raw: unknown;
    if (parameter.in === 'query') {
      raw = readQuery(parameter, input.query, claimed, refs);
    } else if (parameter.in === 'header') {
      if (IGNORED_HEADERS.has(parameter.name.toLowerCase())) continue;
      raw = input.headers[parameter.name.toLowerCase()];
    } else if (parameter.in === 'path') {
      raw = input.pathParams[parameter.name];
    } else {
      raw = cookies.get(parameter.name);
    }
    if (raw === undefined) {
      if (parameter.required) problems.push(`${label} ${parameter.name}: is required but missing`);
      continue;
    }
    if (Array.isArray(raw) && raw.length > 1 && !allowsList(parameter, refs)) {
      problems.push(`${label} ${parameter.name}: given ${raw.length} times but takes one value`);
      continue;
    }
    const value = parse(raw, parameter, refs, problems, label);
    if (value === undefined) continue;
    const errors = validator.validate(parameter.schema, value, 'request');
    problems.push(...describeErrors(errors, value, parameterPlace(label, parameter.name)));
  }

  const defined = parameters.filter((parameter) => parameter.in === 'query').map((parameter) => parameter.name);
  const unknown = new Set<string>();
  input.query.forEach(([name], index) => {
    if (!claimed.has(index) && !input.otherQueryNames.has(name)) unknown.add(name);
  });
  for (const name of unknown) {
    const known = defined.length > 0 ? `defined: ${defined.slice(0, 20).join(', ')}${defined.length > 20 ? ', ...' : ''}` : 'it defines none';
    problems.push(`query parameter ${name}: is not in the spec for this operation (${known})`);
  }
  return problems;
}

/** The raw value of a query parameter (string, string list, or nested names), claiming its pairs. */
function readQuery(parameter: ParameterSpec, query: [string, string][], claimed: Set<number>, refs: SpecRefs): unknown {
  const take = (test: (name: string) => boolean) => {
    const taken: [string, string][] = [];
    query.forEach((pair, index) => {
      if (!claimed.has(index) && test(pair[0])) {
        claimed.add(index);
        taken.push(pair);
      }
    });
    return taken;
  };
  const exact = take((name) => name === parameter.name);
  if (parameter.style === 'deepObject') {
    const nested = take((name) => name.startsWith(`${parameter.name}[`));
    if (nested.length === 0) return exact.length === 0 ? undefined : unwrap(exact.map(([, value]) => value));
    const object: Record<string, unknown> = {};
    for (const [name, value] of nested) assignNested(object, bracketTokens(name.slice(parameter.name.length)), value);
    return object;
  }
  const schema = refs.resolve<unknown>(parameter.schema);
  if (parameter.explode && isObjectSchema(schema) && exact.length === 0) {
    // form + explode objects spread their properties as top-level names (`?role=admin&first=Alex`).
    const properties = Object.keys((schema as JsonObject).properties as JsonObject);
    const spread = take((name) => properties.includes(name));
    return spread.length === 0 ? undefined : Object.fromEntries(spread);
  }
  return exact.length === 0 ? undefined : unwrap(exact.map(([, value]) => value));
}

const unwrap = (values: string[]) => (values.length === 1 ? values[0] : values);

const isObjectSchema = (schema: unknown) =>
  schema !== null && typeof schema === 'object' && (schema as JsonObject).properties !== null && typeof (schema as JsonObject).properties === 'object' && schemaTypes(schema as JsonObject).includes('object');

/** `[gte]` -> ['gte'], `[a][]` -> ['a', '']. */
export function bracketTokens(rest: string): string[] {
  return [...rest.matchAll(/\[([^\]]*)\]/g)].map((match) => match[1] ?? '');
}

/** Sets `tokens` inside `target`; an empty token (`name[]`) appends to a list. */
export function assignNested(target: Record<string, unknown>, tokens: string[], value: string): void {
  let node: Record<string, unknown> = target;
  tokens.forEach((token, index) => {
    const last = index === tokens.length - 1;
    const key = token === '' ? String(Object.keys(node).length) : token;
    if (last) node[key] = value;
    else {
      const child = node[key];
      node = child !== null && typeof child === 'object' ? (child as Record<string, unknown>) : (node[key] = {});
    }
  });
}

function allowsList(parameter: ParameterSpec, refs: SpecRefs): boolean {
  const schema = refs.resolve<unknown>(parameter.schema);
  if (schema === null || typeof schema !== 'object') return true;
  const node = schema as JsonObject;
  const branches = [node, ...(['anyOf', 'oneOf'] as const).flatMap((key) => (Array.isArray(node[key]) ? (node[key] as unknown[]) : []))];
  return branches.some((branch) => {
    const resolved = refs.resolve<unknown>(branch);
    return resolved !== null && typeof resolved === 'object' && (schemaTypes(resolved as JsonObject).includes('array') || schemaTypes(resolved as JsonObject).length === 0);
  });
}

/** Applies the parameter's style (delimiters, JSON content) and coerces to the schema's types. */
function parse(raw: unknown, parameter: ParameterSpec, refs: SpecRefs, problems: string[], label: string): unknown {
  if (parameter.json) {
    try {
      return JSON.parse(String(raw)) as unknown;
    } catch {
      problems.push(`${label} ${parameter.name}: is not valid JSON, which its content type asks for`);
      return undefined;
    }
  }
  const schema = refs.resolve<unknown>(parameter.schema);
  const types = schema !== null && typeof schema === 'object' ? schemaTypes(schema as JsonObject) : [];
  let value = raw;
  if (typeof raw === 'string' && types.includes('array')) {
    // form + explode repeats the name per item, so one occurrence is one item, commas and all.
    value = parameter.style === 'form' && parameter.explode ? [raw] : splitStyled(raw, parameter.style);
  } else if (typeof raw === 'string' && types.includes('object')) {
    const parts = splitStyled(raw, parameter.style);
    value = pairsToObject(parameter.explode ? parts.flatMap((part) => part.split('=')) : parts);
  }
  return coerce(value, parameter.schema, refs);
}

function splitStyled(raw: string, style: string): string[] {
  if (raw === '') return [];
  return raw.split(style === 'spaceDelimited' ? ' ' : style === 'pipeDelimited' ? '|' : ',');
}

/** `['role', 'admin', 'first', 'Alex']` -> `{ role: 'admin', first: 'Alex' }`. */
function pairsToObject(parts: string[]): Record<string, string> {
  const object: Record<string, string> = {};
  for (let index = 0; index + 1 < parts.length; index += 2) object[parts[index] as string] = parts[index + 1] as string;
  return object;
}

function parseCookies(header: string | undefined): Map<string, string> {
  const cookies = new Map<string, string>();
  for (const part of header?.split(';') ?? []) {
    const at = part.indexOf('=');
    if (at > 0) cookies.set(part.slice(0, at).trim(), part.slice(at + 1).trim());
  }
  return cookies;
}
