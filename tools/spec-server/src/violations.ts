/** One way a request or a served response broke the spec. */
export interface Violation {
  /** `request`: the client sent something the spec does not allow; `response`: a handler answered off-spec. */
  kind: 'request' | 'response';
  /** `GET /v1/charges`, or null when the request matched no operation. */
  operation: string | null;
  /** What and where: `query parameter limit: must be <= 100; got 500`. */
  message: string;
  /** The request it happened on: `GET /v1/charges?limit=500`. */
  request: string;
}

/** Thrown by `assertNoViolations`; the message lists every violation, one per line. */
export class SpecViolationError extends Error {
  override readonly name = 'SpecViolationError';

  constructor(readonly violations: readonly Violation[]) {
    super(formatViolations(violations));
  }
}

/**
 * A readable list:
 *
 * ```text
 * 2 spec violations:
 *   1. request GET /v1/charges?limit=500 (GET /v1/charges): query parameter limit: must be <= 100; got 500
 *   2. response GET /v1/charges (GET /v1/charges): response body data[0]: missing required property id
 * ```
 */
export function formatViolations(violations: readonly Violation[]): string {
  const lines = violations.map(
    (violation, index) =>
      `  ${index + 1}. ${violation.kind} ${violation.request}${violation.operation ? ` (${violation.operation})` : ''}: ${violation.message}`,
  );
  return [`${violations.length} spec violation${violations.length === 1 ? '' : 's'}:`, ...lines].join('\n');
}
