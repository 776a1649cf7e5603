export { SpecError } from './spec-error.js';
export { createSpecRefs } from './spec-refs.js';
export { loadSpec, type LoadSpecOptions } from './load-spec.js';
export { readSpecLock, specLockJson } from './spec-lock.js';
export { parseSpecText } from './parse-spec-text.js';
export { toOpenApi3, type SpecFormat } from './to-openapi3.js';
export { validateDocument } from './validate-document.js';
export { HTTP_METHODS, type HttpMethod } from './http-methods.js';
export { nodeAtPointer, toPointer, escapePointerToken } from './json-pointer.js';
