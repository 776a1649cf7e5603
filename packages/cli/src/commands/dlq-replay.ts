import { ensureSyncQueues, replayDeadLetters } from '@portage/refresh';
import { COMMON_HELP, parseCommandArgs } from '../args/parse-command-args.js';
import { parseInteger } from '../args/parse-integer.js';
import { usageError } from '../args/usage-error.js';
import type { Command } from './command.js';
import { withRuntime } from './with-runtime.js';

/**
 * The help of `portage dlq replay`.
 *
 * @example io.stdout.write(DLQ_REPLAY_HELP);
 */
export const DLQ_REPLAY_HELP = `usage: portage dlq replay <jobId...> [options]
       portage dlq replay --all [--limit n] [options]

Sends dead-lettered sync jobs back to the sync queue (same connection, entity, kind and
window) and removes them from the dead-letter queue. A job whose entity already has a sync
queued or running stays where it is, to be replayed later. Each job resumes from the
checkpoint its last attempt left, and counts in a new run.

  --all                  replay the oldest dead-lettered jobs, up to --limit
  --limit <n>            with --all: at most this many (default 1000, at most 10000)

${COMMON_HELP}
`;

/**
 * `portage dlq replay`: moves dead-lettered sync jobs back to the sync queue.
 *
 * @example await dlqReplayCommand.run(['--all'], io);
 */
export const dlqReplayCommand: Command = {
  name: 'dlq replay',
  run: async (argv, io) => {
    const { values, positionals } = parseCommandArgs('dlq replay', argv, { all: { type: 'boolean' }, limit: { type: 'string' } });
    if (values.help) {
      io.stdout.write(DLQ_REPLAY_HELP);
      return 0;
    }
    const all = values.all === true;
    if (all === positionals.length > 0) throw usageError('dlq replay', 'give job ids or --all (not both)');
    const limit = all ? parseInteger('dlq replay', '--limit', values.limit, { min: 1, max: 10_000, fallback: 1000 }) : 10_000;

    return withRuntime(io, values, async (runtime) => {
      const queue = await runtime.queue();
      await ensureSyncQueues(queue);
      const outcomes = await replayDeadLetters(queue, all ? { all: true, limit } : { jobIds: positionals });
      for (const outcome of outcomes) {
        const what = `${outcome.data.connectionId} ${outcome.data.entity} (${outcome.data.kind})`;
        io.stdout.write(
          outcome.status === 'replayed' ? `replayed ${outcome.jobId} as ${outcome.newJobId}: ${what}\n` : `kept ${outcome.jobId}: ${what} already has a sync queued or running\n`,
        );
      }
      const replayed = outcomes.filter((outcome) => outcome.status === 'replayed').length;
      if (outcomes.length === 0) io.stdout.write('the dead-letter queue is empty\n');
      else io.stdout.write(`replayed ${replayed} of ${outcomes.length} job${outcomes.length === 1 ? '' : 's'}\n`);
      return 0;
    });
  },
};
