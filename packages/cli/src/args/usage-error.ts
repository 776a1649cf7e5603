import { PortageError } from '@portage/core';

/**
 * A usage mistake as a CONFIG_INVALID error pointing at the command's help.
 *
 * @example throw usageError('sync', 'give the connection id');
 */
export function usageError(command: string, reason: string): PortageError {
  return new PortageError('CONFIG_INVALID', `${reason}: see \`portage ${command ? `${command} ` : ''}--help\``, { context: { command } });
}
