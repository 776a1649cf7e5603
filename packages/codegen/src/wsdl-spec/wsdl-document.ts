import type { LoadedWsdl, OpenApiDocument } from '../model.js';

// The engine's stages (discovery, surface, scaffold) and its callers (the CLI, the nx
// generator) pass a spec around as `LoadedSpec.document` + `refs`. A WSDL source is carried
// through the same calls as an empty OpenAPI stub document registered here, so
// `discoverListEndpoints(spec.document, spec.refs)` works unchanged for both kinds of source.
const registry = new WeakMap<OpenApiDocument, LoadedWsdl>();

/**
 * The stub document that stands for a WSDL set in OpenAPI-shaped APIs: no paths, the target
 * namespace as title.
 *
 * @example const document = wsdlStubDocument(loaded, '2023.2'); wsdlOfDocument(document) === loaded // true
 */
export function wsdlStubDocument(wsdl: LoadedWsdl, version: string): OpenApiDocument {
  const document: OpenApiDocument = { openapi: '3.0.3', info: { title: wsdl.set.entry, version }, paths: {} };
  registry.set(document, wsdl);
  return document;
}

/**
 * The WSDL set a document stands for, when it was loaded from a WSDL source.
 *
 * @example if (wsdlOfDocument(spec.document)) console.log('SOAP');
 */
export function wsdlOfDocument(document: OpenApiDocument): LoadedWsdl | undefined {
  return registry.get(document);
}
