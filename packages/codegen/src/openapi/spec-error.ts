import { PortageError } from '@portage/core';

/**
 * A spec that cannot be used: unreadable, invalid, or with a broken `$ref`. The message names
 * the spec and the JSON pointer of the problem, and says what to do.
 */
export class SpecError extends PortageError {
  constructor(
    message: string,
    /** JSON pointer inside the spec (`#/paths/~1v1~1charges/get`), when the problem has a place. */
    readonly pointer?: string,
  ) {
    super('CONFIG_INVALID', pointer ? `${message} (at ${pointer})` : message);
    (this as { name: string }).name = 'SpecError';
  }
}
