import { PortageError } from '@portage/core';
import { isUuid } from './is-uuid.js';

/**
 * Throws `VALIDATION_FAILED` naming `what` unless `value` is a UUID.
 *
 * @example assertUuid(input.connectionId, 'connectionId');
 */
export function assertUuid(value: unknown, what: string): asserts value is string {
  if (!isUuid(value)) {
    throw new PortageError('VALIDATION_FAILED', `${what} must be a UUID: pass the id returned when it was created`, {
      context: { field: what },
    });
  }
}
