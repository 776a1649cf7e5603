import { usageError } from '../args/usage-error.js';
import type { Command } from './command.js';
import { dlqListCommand } from './dlq-list.js';
import { dlqReplayCommand } from './dlq-replay.js';

const HELP = `usage: portage dlq <list|replay> [options]

Sync jobs whose retries are spent wait in the dead-letter queue for a person.

  list     list them, with the error that sent each there
  replay   send them back to the sync queue

Run \`portage dlq list --help\` or \`portage dlq replay --help\` for their options.
`;

const SUBCOMMANDS: Record<string, Command> = { list: dlqListCommand, replay: dlqReplayCommand };

/**
 * `portage dlq`: the dead-letter queue's subcommands.
 *
 * @example await dlqCommand.run(['list', '--limit', '10'], io);
 */
export const dlqCommand: Command = {
  name: 'dlq',
  run: async (argv, io) => {
    const [name, ...rest] = argv;
    if (name === undefined) {
      io.stderr.write(HELP);
      return 1;
    }
    if (name === '--help' || name === '-h' || name === 'help') {
      io.stdout.write(HELP);
      return 0;
    }
    const subcommand = SUBCOMMANDS[name];
    if (!subcommand) throw usageError('dlq', `unknown dlq command "${name}": use list or replay`);
    return subcommand.run(rest, io);
  },
};
