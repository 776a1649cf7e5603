export { compileWsdl, compileWsdlSet, compileWsdlText, type CompiledWsdl, type WsdlStats } from './compile-wsdl.js';
export { loadWsdl, wsdlSetFromText, type WsdlSet, type SchemaSource } from './load-wsdl.js';
export type { ReadDocumentOptions } from './read-document.js';
export type { CompiledOperation } from './emit-operations.js';
export { resolveQName, qnameKey, type QName } from './namespaces.js';
