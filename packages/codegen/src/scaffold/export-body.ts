import type { DetectedWrite, JsonObject, OpenApiDocument, SpecRefs } from '../model.js';
import { viewSchema } from '../discovery/schema-view.js';
import { SpecError } from '../openapi/spec-error.js';
import { quote } from './names.js';

/** Where the request body of one write operation is described, in the spec and in the generated types. */
export interface ExportBody {
  /**
   * A TypeScript type expression for the whole body: the component via the platform alias when
   * the body is a `$ref` (`Xero['Contacts']`), else an indexed access into the generated `paths`.
   */
  type: string;
  /** The schema node of one record inside the body (at `write.bodyRecordPath`), for the stub's pre-fill. */
  recordNode: unknown;
}

const isObject = (value: unknown): value is JsonObject => value !== null && typeof value === 'object' && !Array.isArray(value);

/**
 * Finds the request body schema of a detected write and writes its TypeScript type, the same
 * way `recordSchemaOf` types a list's records, so an export mapping's return type is exactly
 * what openapi-typescript generated for the operation.
 *
 * @example exportBodyOf(document, refs, writes.create, 'Stripe').type
 * // "NonNullable<paths['/v1/customers']['post']['requestBody']>['content']['application/x-www-form-urlencoded']"
 */
export function exportBodyOf(document: OpenApiDocument, refs: SpecRefs, write: DetectedWrite, platformType: string): ExportBody {
  const method = write.method.toLowerCase();
  const operation = refs.resolve<unknown>(refs.resolve<JsonObject>(document.paths[write.path] ?? {})[method]);
  const body = isObject(operation) ? refs.resolve<unknown>(operation.requestBody) : undefined;
  const media = isObject(body) && isObject(body.content) ? refs.resolve<unknown>(body.content[write.mediaType]) : undefined;
  if (!isObject(media)) throw new SpecError(`${write.method} ${write.path}: no ${write.mediaType} request body in the spec`, `#/paths/${write.path}/${method}`);
  const component = refs.schemaNameOf(media.schema);
  const type =
    component !== undefined
      ? `${platformType}[${quote(component)}]`
      : `NonNullable<paths[${quote(write.path)}][${quote(method)}]['requestBody']>['content'][${quote(write.mediaType)}]`;
  let recordNode: unknown = media.schema;
  for (const segment of write.bodyRecordPath === '' ? [] : write.bodyRecordPath.split('.')) {
    const view = viewSchema(refs, recordNode);
    recordNode = segment === '0' ? view.items : view.properties.get(segment);
  }
  return { type, recordNode };
}
