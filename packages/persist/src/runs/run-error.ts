/**
 * One error recorded on a sync run or on one entity of a run. Built from a `PortageError`
 * (code and action) plus when it happened; extra keys (context such as status or record id)
 * are kept. Stored as JSON and shown to support teams, so never put secrets in it.
 *
 * @example
 * const error: RunError = { code: 'RATE_LIMITED', action: 'wait_until', message: 'GET /orders answered 429', at: new Date().toISOString() };
 */
export interface RunError {
  code: string;
  action: string;
  message: string;
  /** ISO 8601 instant. */
  at: string;
  [key: string]: unknown;
}
