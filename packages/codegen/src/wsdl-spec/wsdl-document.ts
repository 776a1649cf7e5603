import type { LoadedWsdl, OpenApiDocument } from '../model.js';

/**
 * The document of a spec loaded from a WSDL set (`LoadedSpec.document`): no paths, the entry
 * file as title. Stages that need the WSDL read `LoadedSpec.wsdl`.
 *
 * @example const document = wsdlStubDocument(loaded, '2023.2');
 */
export function wsdlStubDocument(wsdl: LoadedWsdl, version: string): OpenApiDocument {
  return { openapi: '3.0.3', info: { title: wsdl.set.entry, version }, paths: {} };
}
