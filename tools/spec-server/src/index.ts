export {
  startSpecServer,
  type RecordedRequest,
  type SpecHandler,
  type SpecHandlers,
  type SpecRequest,
  type SpecResponse,
  type SpecServer,
  type SpecServerOptions,
} from './spec-server.js';
export { SpecViolationError, formatViolations, type Violation } from './violations.js';
export { pageOf, type Page } from './page-of.js';
export { basePathOf } from './base-path.js';
export { withIdempotencyKey, type IdempotencyKeyOptions, type IdempotencyStore } from './idempotency-key.js';
