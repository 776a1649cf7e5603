import swagger2openapi from 'swagger2openapi';
import type { JsonObject, OpenApiDocument } from '../model.js';
import { SpecError } from './spec-error.js';

export type SpecFormat = 'openapi-3.0' | 'openapi-3.1' | 'swagger-2.0';

const SUPPORTED = 'supported: OpenAPI 3.0.x, OpenAPI 3.1.x and Swagger 2.0';

/**
 * Detects the spec's format and returns an OpenAPI 3.x document: 3.0 and 3.1 as they are,
 * Swagger 2.0 converted by swagger2openapi (patching the small mistakes common in the wild
 * instead of failing on them).
 *
 * @example const { document, format } = await toOpenApi3(JSON.parse(text), 'acme.json') // format: 'swagger-2.0'
 */
export async function toOpenApi3(raw: unknown, label: string): Promise<{ document: OpenApiDocument; format: SpecFormat }> {
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) {
    throw new SpecError(`the spec ${label} is not an object with an "openapi" or "swagger" field; ${SUPPORTED}`);
  }
  const spec = raw as JsonObject;
  if (typeof spec.openapi === 'string') {
    if (/^3\.0(\.\d+)?$/.test(spec.openapi)) return { document: spec as OpenApiDocument, format: 'openapi-3.0' };
    if (/^3\.1(\.\d+)?$/.test(spec.openapi)) return { document: spec as OpenApiDocument, format: 'openapi-3.1' };
    throw new SpecError(`the spec ${label} is OpenAPI ${spec.openapi}, which is not supported; ${SUPPORTED}`);
  }
  if (typeof spec.openapi === 'number') {
    throw new SpecError(`the spec ${label} has "openapi: ${spec.openapi}" as a number; quote the full version, e.g. openapi: "3.0.3"`);
  }
  // An unquoted `swagger: 2.0` in YAML reads as the number 2.
  if (spec.swagger === '2.0' || spec.swagger === 2) return { document: await convertSwagger2({ ...spec, swagger: '2.0' }, label), format: 'swagger-2.0' };
  if (spec.swagger !== undefined) {
    throw new SpecError(`the spec ${label} is Swagger ${String(spec.swagger)}, which is not supported; ${SUPPORTED}`);
  }
  throw new SpecError(`the spec ${label} has neither an "openapi" nor a "swagger" version field; ${SUPPORTED}`);
}

async function convertSwagger2(spec: JsonObject, label: string): Promise<OpenApiDocument> {
  try {
    const converted = await swagger2openapi.convertObj(spec as never, { patch: true, warnOnly: true });
    return converted.openapi as unknown as OpenApiDocument;
  } catch (cause) {
    const error = new SpecError(`could not convert the Swagger 2.0 spec ${label} to OpenAPI 3: ${(cause as Error).message}; fix the spec or convert it yourself and use the result`);
    error.cause = cause;
    throw error;
  }
}
