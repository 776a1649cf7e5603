import { ensureSyncQueues, listDeadLetters } from '@portage/refresh';
import { COMMON_HELP, parseCommandArgs } from '../args/parse-command-args.js';
import { parseInteger } from '../args/parse-integer.js';
import { usageError } from '../args/usage-error.js';
import { deadLettersJson } from '../format/dead-letters-json.js';
import { formatDeadLetters } from '../format/format-dead-letters.js';
import type { Command } from './command.js';
import { withRuntime } from './with-runtime.js';

/**
 * The help of `portage dlq list`.
 *
 * @example io.stdout.write(DLQ_LIST_HELP);
 */
export const DLQ_LIST_HELP = `usage: portage dlq list [--limit n] [--format table|json] [options]

Lists sync jobs whose retries are spent (the dead-letter queue), oldest first, with the error
that sent each there. Replay them with \`portage dlq replay\` once the cause is fixed.

  --limit <n>            jobs shown (default 100, at most 10000)
  --format <table|json>  a plain table (default) or JSON

${COMMON_HELP}
`;

/**
 * `portage dlq list`: the dead-lettered sync jobs.
 *
 * @example await dlqListCommand.run(['--format', 'json'], io);
 */
export const dlqListCommand: Command = {
  name: 'dlq list',
  run: async (argv, io) => {
    const { values, positionals } = parseCommandArgs('dlq list', argv, { limit: { type: 'string' }, format: { type: 'string' } });
    if (values.help) {
      io.stdout.write(DLQ_LIST_HELP);
      return 0;
    }
    if (positionals.length > 0) throw usageError('dlq list', `unexpected argument "${positionals[0]}"`);
    const limit = parseInteger('dlq list', '--limit', values.limit, { min: 1, max: 10_000, fallback: 100 });
    const format = values.format ?? 'table';
    if (format !== 'table' && format !== 'json') throw usageError('dlq list', `--format must be table or json, got "${format}"`);

    return withRuntime(io, values, async (runtime) => {
      const queue = await runtime.queue();
      await ensureSyncQueues(queue);
      const jobs = await listDeadLetters(queue, limit);
      io.stdout.write(format === 'json' ? `${JSON.stringify(deadLettersJson(jobs), null, 2)}\n` : formatDeadLetters(jobs));
      return 0;
    });
  },
};
