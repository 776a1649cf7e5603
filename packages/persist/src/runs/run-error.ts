/**
 * One error recorded on a sync run or on one entity of a run. Built from a `PortageError`
 * (code and action) plus when it happened; extra keys (context such as status or record id)
 * are kept. Stored as JSON and shown to support teams, so never put secrets in it.
 *
 * @example
 * const error: RunError = { code: 'RATE_LIMITED', action: 'wait_until', message: 'GET /orders answered 429', at: new Date().toISOString(), trackingId: 'req-42', status: 429 };
 */
export interface RunError {
  code: string;
  action: string;
  message: string;
  /** ISO 8601 instant. */
  at: string;
  /** The platform's id for the failing request (what its support asks for), when it sent one. */
  trackingId?: string;
  /** What the platform itself said (its error body's message), redacted. */
  platformMessage?: string;
  /** The platform's own error code, when it sent one. */
  platformCode?: string;
  /** The HTTP status the platform answered with. */
  status?: number;
  [key: string]: unknown;
}
