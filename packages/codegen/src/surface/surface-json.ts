import type { Surface, SurfaceConstraints, SurfaceField, SurfaceLifecycle, SurfaceOperation, SurfaceParameter, SurfaceResponse } from '../model.js';
import { compareText } from './compare-text.js';

/**
 * surface.json as committed: fixed key order, operations, parameters, fields and maps sorted,
 * 2-space JSON with each parameter and field on one line, and a final newline. The same
 * surface gives the same bytes however it was built, so a diff of two files is exactly the
 * structural change, a line per changed field.
 *
 * @example await writeFile('specs/stripe/surface.json', surfaceJson(buildSurface('stripe', spec)))
 */
export function surfaceJson(surface: Surface): string {
  const canonical = {
    surfaceVersion: surface.surfaceVersion,
    platform: surface.platform,
    format: surface.format,
    operations: [...surface.operations]
      .sort((a, b) => compareText(a.path, b.path) || compareText(a.method, b.method))
      .map(operation),
    schemas: sortedRecord(surface.schemas, fields),
  };
  return `${rows(canonical, '')}\n`;
}

/**
 * Indented JSON whose arrays of objects (parameters, fields) hold one compact object per line:
 * a third of the size of fully indented JSON, and still a line per field in a diff.
 */
function rows(value: unknown, indent: string): string {
  const inner = `${indent}  `;
  if (Array.isArray(value)) {
    if (value.length === 0) return '[]';
    const line = (item: unknown) => (item !== null && typeof item === 'object' ? JSON.stringify(item) : rows(item, inner));
    return `[\n${value.map((item) => `${inner}${line(item)}`).join(',\n')}\n${indent}]`;
  }
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value).filter(([, v]) => v !== undefined);
    if (entries.length === 0) return '{}';
    return `{\n${entries.map(([key, v]) => `${inner}${JSON.stringify(key)}: ${rows(v, inner)}`).join(',\n')}\n${indent}}`;
  }
  return JSON.stringify(value);
}

function operation(op: SurfaceOperation): SurfaceOperation {
  return {
    key: op.key,
    method: op.method,
    path: op.path,
    ...(op.operationId !== undefined ? { operationId: op.operationId } : {}),
    parameters: [...op.parameters].sort((a, b) => compareText(a.in, b.in) || compareText(a.name, b.name)).map(parameter),
    ...(op.requestBody !== undefined
      ? {
          requestBody: {
            required: op.requestBody.required,
            contentType: op.requestBody.contentType,
            ...(op.requestBody.contentTypes !== undefined ? { contentTypes: [...op.requestBody.contentTypes].sort(compareText) } : {}),
            schema: schema(op.requestBody.schema),
          },
        }
      : {}),
    responses: sortedRecord(op.responses, response),
    ...(op.security !== undefined ? { security: [...op.security].sort(compareText) } : {}),
    ...lifecycleEntry(op.lifecycle),
  };
}

function response(r: SurfaceResponse): SurfaceResponse {
  return {
    ...(r.contentType !== undefined ? { contentType: r.contentType } : {}),
    ...(r.contentTypes !== undefined ? { contentTypes: [...r.contentTypes].sort(compareText) } : {}),
    ...(r.schema !== undefined ? { schema: schema(r.schema) } : {}),
    ...(r.headers !== undefined ? { headers: sortedRecord(r.headers, (h) => ({ required: h.required, type: h.type })) } : {}),
  };
}

const lifecycleEntry = (l: SurfaceLifecycle | undefined): { lifecycle?: SurfaceLifecycle } =>
  l === undefined
    ? {}
    : {
        lifecycle: {
          ...(l.deprecated !== undefined ? { deprecated: l.deprecated } : {}),
          ...(l.sunset !== undefined ? { sunset: l.sunset } : {}),
          ...(l.stability !== undefined ? { stability: l.stability } : {}),
        },
      };

/** Constraint keys in one fixed (alphabetical) order, keyword digests too. */
const constraintsEntry = (c: SurfaceConstraints | undefined): { constraints?: SurfaceConstraints } =>
  c === undefined
    ? {}
    : {
        constraints: sortedRecord(c as Record<string, unknown>, (value) =>
          value !== null && typeof value === 'object' && !Array.isArray(value) ? sortedRecord(value as Record<string, unknown>, (v) => v) : value,
        ) as SurfaceConstraints,
      };

function parameter(p: SurfaceParameter): SurfaceParameter {
  return {
    in: p.in,
    name: p.name,
    required: p.required,
    type: p.type,
    ...(p.format !== undefined ? { format: p.format } : {}),
    ...(p.enum !== undefined ? { enum: p.enum } : {}),
    ...constraintsEntry(p.constraints),
    ...lifecycleEntry(p.lifecycle),
  };
}

const schema = (value: string | SurfaceField[]) => (typeof value === 'string' ? value : fields(value));

function fields(list: SurfaceField[]): SurfaceField[] {
  return [...list]
    .sort((a, b) => compareText(a.path, b.path))
    .map((f) => ({
      path: f.path,
      type: f.type,
      ...(f.format !== undefined ? { format: f.format } : {}),
      required: f.required,
      nullable: f.nullable,
      ...(f.enum !== undefined ? { enum: f.enum } : {}),
      ...(f.ref !== undefined ? { ref: f.ref } : {}),
      ...constraintsEntry(f.constraints),
      ...lifecycleEntry(f.lifecycle),
    }));
}

function sortedRecord<T, U>(record: Record<string, T>, map: (value: T) => U): Record<string, U> {
  // fromEntries defines own properties, so even a schema named "__proto__" survives.
  return Object.fromEntries(Object.keys(record).sort(compareText).map((key) => [key, map(record[key]!)]));
}
