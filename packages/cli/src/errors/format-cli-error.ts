import type { PortageError } from '@portage/core';
import { messageWithoutCode } from './message-without-code.js';

/**
 * Pure: the one line an error prints as, `error CODE (action): message`, plus the stack
 * and causes when `verbose`.
 *
 * @example formatCliError(new PortageError('CONFIG_INVALID', 'no key'), false); // 'error CONFIG_INVALID (fix_config): no key (fix the ...)\n'
 */
export function formatCliError(error: PortageError, verbose: boolean): string {
  let text = `error ${error.code} (${error.action}): ${messageWithoutCode(error.message, error.code)}\n`;
  if (!verbose) return text;
  let current: unknown = error;
  let depth = 0;
  while (current instanceof Error && depth < 5) {
    text += `${depth === 0 ? '' : 'caused by: '}${current.stack ?? current.message}\n`;
    current = current.cause;
    depth += 1;
  }
  return text;
}
