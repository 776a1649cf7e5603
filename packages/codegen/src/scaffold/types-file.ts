import openapiTS, { astToString } from 'openapi-typescript';
import type { OpenApiDocument } from '../model.js';
import { SpecError } from '../openapi/spec-error.js';
import { generatedHeader } from './scaffold-context.js';
import { stripProse } from './strip-prose.js';

/**
 * `src/generated/types.ts`: openapi-typescript's `paths`, `components` and `operations` for a
 * copy of the document without prose, so no upstream text reaches the repository. Properties
 * are optional unless the spec lists them as required (defaults do not make a field present in
 * a response).
 *
 * @example const text = await typesFile('stripe', loaded.document);
 */
export async function typesFile(platform: string, document: OpenApiDocument): Promise<string> {
  let nodes: Awaited<ReturnType<typeof openapiTS>>;
  try {
    nodes = await openapiTS(stripProse(document) as never, { silent: true, defaultNonNullable: false });
  } catch (cause) {
    throw new SpecError(`openapi-typescript could not generate types for ${platform}: ${(cause as Error).message}; check the spec with a validator`);
  }
  return `${generatedHeader(platform)}\n${astToString(nodes)}`;
}
