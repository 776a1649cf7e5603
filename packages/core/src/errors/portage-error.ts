import { actionFor, ERROR_CODES, type ErrorAction, type ErrorCode } from './error-codes.js';

/** Facts attached to an error. URLs are always redacted before they get here. */
export interface ErrorContext {
  status?: number;
  method?: string;
  url?: string;
  requestId?: string;
  trackingId?: string;
  platformCode?: string;
  platformMessage?: string;
  entity?: string;
  recordId?: string;
  fieldPath?: string;
  /** For RATE_LIMITED: when the platform says the limit resets. */
  waitUntil?: Date;
  attempts?: number;
  [key: string]: unknown;
}

/**
 * The one error class of Portage: a stable `code`, the `action` that goes with it, and context.
 *
 * @example
 * throw new PortageError('NOT_FOUND', 'GET /orders/42 answered 404', { context: { status: 404 } });
 * // later: if (isPortageError(err) && err.code === 'RATE_LIMITED') wait(err.context.waitUntil)
 */
export class PortageError extends Error {
  override readonly name = 'PortageError';
  readonly code: ErrorCode;
  readonly action: ErrorAction;
  readonly context: ErrorContext;

  constructor(code: ErrorCode, message: string, options: { cause?: unknown; context?: ErrorContext } = {}) {
    super(`${code}: ${message} (${ERROR_CODES[code].hint})`, { cause: options.cause });
    this.code = code;
    this.action = actionFor(code);
    this.context = options.context ?? {};
  }

  /** A plain object for logs and JSON APIs. */
  toJSON(): Record<string, unknown> {
    return { name: this.name, code: this.code, action: this.action, message: this.message, context: this.context };
  }
}

/** Type guard that also works across package copies (checks the shape, not the prototype). */
export function isPortageError(value: unknown): value is PortageError {
  return (
    value instanceof PortageError ||
    (value instanceof Error && value.name === 'PortageError' && typeof (value as PortageError).code === 'string')
  );
}
