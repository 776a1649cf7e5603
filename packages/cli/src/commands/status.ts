import { listRuns } from '@portage/persist';
import { COMMON_HELP, parseCommandArgs } from '../args/parse-command-args.js';
import { parseInteger } from '../args/parse-integer.js';
import { usageError } from '../args/usage-error.js';
import type { ConnectionStatus } from '../format/connection-status.js';
import { formatStatus } from '../format/format-status.js';
import { useColor } from '../format/use-color.js';
import { toStatusJson } from '../format/status-json.js';
import type { Command } from './command.js';
import { withRuntime } from './with-runtime.js';

const HELP = `usage: portage status [connectionId] [--runs n] [--format table|json] [options]

Shows each connection (or the one given): its health, and its latest runs with kind, status,
start, finish and duration, and per entity the records added, updated, unchanged and
deleted, the pages read, and the errors (code, action, message).

  --runs <n>             runs per connection, newest first (default 5, at most 1000)
  --format <table|json>  a plain table (default) or JSON for scripts

${COMMON_HELP}
`;

/**
 * `portage status`: connections, their health and their latest runs.
 *
 * @example await statusCommand.run([connectionId, '--format', 'json'], io);
 */
export const statusCommand: Command = {
  name: 'status',
  run: async (argv, io) => {
    const { values, positionals } = parseCommandArgs('status', argv, { runs: { type: 'string' }, format: { type: 'string' } });
    if (values.help) {
      io.stdout.write(HELP);
      return 0;
    }
    if (positionals.length > 1) throw usageError('status', 'give at most one connection id');
    const runs = parseInteger('status', '--runs', values.runs, { min: 1, max: 1000, fallback: 5 });
    const format = values.format ?? 'table';
    if (format !== 'table' && format !== 'json') throw usageError('status', `--format must be table or json, got "${format}"`);

    return withRuntime(io, values, async (runtime) => {
      const store = runtime.connections();
      const [id] = positionals;
      const connections = id === undefined ? await store.list() : [await store.get(id)];
      const statuses: ConnectionStatus[] = [];
      for (const connection of connections) statuses.push({ connection, runs: await listRuns(runtime.database().db, connection.id, runs) });
      io.stdout.write(
        format === 'json' ? `${JSON.stringify(toStatusJson(statuses), null, 2)}\n` : formatStatus(statuses, { color: useColor(io.stdout, io.env), now: new Date() }),
      );
      return 0;
    });
  },
};
