import { migrateToLatest } from '@portage/persist';
import { COMMON_HELP, parseCommandArgs } from '../args/parse-command-args.js';
import { usageError } from '../args/usage-error.js';
import type { Command } from './command.js';
import { withRuntime } from './with-runtime.js';

const HELP = `usage: portage migrate [options]

Creates the Portage tables, or brings them up to date, in the config's database.schema
(default "portage"). Safe to run again and from several processes at once. pg-boss installs
its own tables (schema queue.schema, default "pgboss") when a worker or sync first uses it.

${COMMON_HELP}
`;

/**
 * `portage migrate`: runs the persist migrations.
 *
 * @example await migrateCommand.run(['--database-url', 'postgres://localhost/app'], io);
 */
export const migrateCommand: Command = {
  name: 'migrate',
  run: async (argv, io) => {
    const { values, positionals } = parseCommandArgs('migrate', argv, {});
    if (values.help) {
      io.stdout.write(HELP);
      return 0;
    }
    if (positionals.length > 0) throw usageError('migrate', `unexpected argument "${positionals[0]}"`);
    return withRuntime(io, values, async (runtime) => {
      await migrateToLatest(runtime.database());
      io.stdout.write(`migrated: Portage tables are up to date in schema "${runtime.settings.schema}" at ${runtime.databaseLabel}\n`);
      return 0;
    });
  },
};
