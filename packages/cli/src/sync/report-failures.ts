import { messageWithoutCode } from '../errors/message-without-code.js';
import type { OutputWriter } from '../io/cli-io.js';

/**
 * Prints one `error CODE (action): entity: message` line per failed entity on stderr and
 * returns the exit code: 1 if anything failed.
 *
 * @example return reportFailures(io.stderr, [{ entity: 'orders', error: { code: 'AUTH_INVALID', action: 'alert_customer', message: '...' } }]);
 */
export function reportFailures(stderr: OutputWriter, failures: ReadonlyArray<{ entity: string; error: { code: string; action: string; message: string } }>): number {
  for (const { entity, error } of failures) {
    stderr.write(`error ${error.code} (${error.action}): ${entity}: ${messageWithoutCode(error.message, error.code)}\n`);
  }
  return failures.length > 0 ? 1 : 0;
}
