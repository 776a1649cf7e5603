import type { Surface, SurfaceField, SurfaceOperation } from '../model.js';

/**
 * A place in a surface as drift changes name it: the component schema a field list belongs to
 * ("" for an operation's inline body) and the field path within it.
 */
export const placeKey = (schema: string, location: string) => `${schema}\u0000${location}`;

/** `GET /v1/items/{}`: operations match by method and path shape, as in diffSurfaces. */
export const operationShape = (key: string) => {
  const space = key.indexOf(' ');
  return `${key.slice(0, space).toUpperCase()} ${key.slice(space + 1).replace(/\{[^}]*\}/g, '{}')}`;
};

/** The surface operation a request goes to: the exact path first, else the same path shape. */
export function findOperation(surface: Surface, method: string, path: string): SurfaceOperation | undefined {
  const wanted = method.toUpperCase();
  return (
    surface.operations.find((op) => op.method.toUpperCase() === wanted && op.path === path) ??
    surface.operations.find((op) => operationShape(op.key) === operationShape(`${wanted} ${path}`))
  );
}

/** A field list with the name changes give it. */
export interface NamedFields {
  schema: string;
  fields: readonly SurfaceField[];
}

function named(surface: Surface, schema: string | SurfaceField[] | undefined): NamedFields | undefined {
  if (schema === undefined) return undefined;
  if (typeof schema !== 'string') return { schema: '', fields: schema };
  return Object.hasOwn(surface.schemas, schema) ? { schema, fields: surface.schemas[schema]! } : undefined;
}

/** The body of the operation's success response (200 first, then the lowest 2xx with a schema). */
export function successBody(surface: Surface, op: SurfaceOperation): NamedFields | undefined {
  const statuses = Object.keys(op.responses).filter((status) => /^2/.test(status)).sort();
  for (const status of statuses) {
    const body = named(surface, op.responses[status]?.schema);
    if (body !== undefined) return body;
  }
  return undefined;
}

/** The operation's request body, when it has one with a schema. */
export function requestBodyOf(surface: Surface, op: SurfaceOperation): NamedFields | undefined {
  return named(surface, op.requestBody?.schema);
}

/**
 * Every place a dot path (`query.sort.sort_field`) passes through, starting at a field list:
 * each prefix in the list it is declared in, and on through component refs. A change at any of
 * these places (the field itself, or a parent object of it) is a change to what the path reads.
 */
export function placesOfPath(surface: Surface, start: NamedFields, dotPath: string, prefix = ''): string[] {
  if (dotPath === '') return [placeKey(start.schema, prefix)];
  const segments = dotPath.split('.');
  const places: string[] = [];
  for (let i = 1; i <= segments.length; i += 1) {
    const path = `${prefix}${segments.slice(0, i).join('.')}`;
    const field = start.fields.find((candidate) => candidate.path === path);
    if (field === undefined) break;
    places.push(placeKey(start.schema, path));
    if (i === segments.length) break;
    // A component ref: the rest of the path is inside it.
    const ref = field.ref ?? start.fields.find((candidate) => candidate.path === `${path}[]`)?.ref;
    if (ref !== undefined && !ref.includes('|')) {
      const next = named(surface, ref);
      if (next !== undefined) places.push(...placesOfPath(surface, next, segments.slice(i).join('.')));
      break;
    }
  }
  return places;
}

/**
 * Where one record of a list response is described: a component (the records array's item
 * ref) or, for inline records, the body itself with the `<recordsPath>[].` prefix.
 */
export function recordFieldsOf(surface: Surface, body: NamedFields, recordsPath: string): { start: NamedFields; prefix: string } | undefined {
  const items = recordsPath === '' ? '[]' : `${recordsPath}[]`;
  // The records array may sit behind a component ref (`data` -> `ChargeList`): follow it.
  const segments = recordsPath === '' ? [] : recordsPath.split('.');
  for (let i = 1; i < segments.length; i += 1) {
    const parent = body.fields.find((field) => field.path === segments.slice(0, i).join('.'));
    if (parent?.ref !== undefined) {
      const next = named(surface, parent.ref);
      return next === undefined ? undefined : recordFieldsOf(surface, next, segments.slice(i).join('.'));
    }
  }
  const item = body.fields.find((field) => field.path === items);
  if (item === undefined) return undefined;
  if (item.ref !== undefined && !item.ref.includes('|')) {
    const record = named(surface, item.ref);
    return record === undefined ? undefined : { start: record, prefix: '' };
  }
  return { start: body, prefix: `${items}.` };
}

/** Every component a success response of the operation reaches, through refs at any depth. */
export function responseSchemas(surface: Surface, op: SurfaceOperation): Set<string> {
  const body = successBody(surface, op);
  const seen = new Set<string>();
  if (body === undefined) return seen;
  const queue: (readonly SurfaceField[])[] = [body.fields];
  if (body.schema !== '') seen.add(body.schema);
  while (queue.length > 0) {
    for (const field of queue.shift()!) {
      for (const ref of field.ref?.split('|') ?? []) {
        if (seen.has(ref) || !Object.hasOwn(surface.schemas, ref)) continue;
        seen.add(ref);
        queue.push(surface.schemas[ref]!);
      }
    }
  }
  return seen;
}
