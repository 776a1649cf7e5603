import type { ResolvedIo } from '../io/cli-io.js';

/**
 * One `portage` command: parses its own arguments, prints its own help, returns the exit code.
 *
 * @example const command: Command = { name: 'migrate', run: async (argv, io) => 0 };
 */
export interface Command {
  name: string;
  run(argv: readonly string[], io: ResolvedIo): Promise<number>;
}
