import type { Surface, SurfaceField, SurfaceOperation, SurfaceParameter } from '../model.js';
import { compareText } from './compare-text.js';

/**
 * surface.json as committed: fixed key order, operations, parameters, fields and maps sorted,
 * 2-space JSON with a final newline. The same surface gives the same bytes however it was
 * built, so a diff of two files is exactly the structural change.
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
  return `${JSON.stringify(canonical, null, 2)}\n`;
}

function operation(op: SurfaceOperation): SurfaceOperation {
  return {
    key: op.key,
    method: op.method,
    path: op.path,
    ...(op.operationId !== undefined ? { operationId: op.operationId } : {}),
    parameters: [...op.parameters].sort((a, b) => compareText(a.in, b.in) || compareText(a.name, b.name)).map(parameter),
    ...(op.requestBody !== undefined
      ? { requestBody: { required: op.requestBody.required, contentType: op.requestBody.contentType, schema: schema(op.requestBody.schema) } }
      : {}),
    responses: sortedRecord(op.responses, (response) => ({
      ...(response.contentType !== undefined ? { contentType: response.contentType } : {}),
      ...(response.schema !== undefined ? { schema: schema(response.schema) } : {}),
    })),
    ...(op.security !== undefined ? { security: [...op.security].sort(compareText) } : {}),
  };
}

function parameter(p: SurfaceParameter): SurfaceParameter {
  return {
    in: p.in,
    name: p.name,
    required: p.required,
    type: p.type,
    ...(p.format !== undefined ? { format: p.format } : {}),
    ...(p.enum !== undefined ? { enum: p.enum } : {}),
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
    }));
}

function sortedRecord<T, U>(record: Record<string, T>, map: (value: T) => U): Record<string, U> {
  // fromEntries defines own properties, so even a schema named "__proto__" survives.
  return Object.fromEntries(Object.keys(record).sort(compareText).map((key) => [key, map(record[key]!)]));
}
