import { PortageError } from '@portage/core';
import { databaseNow } from '@portage/persist';
import { COMMON_HELP, parseCommandArgs } from '../args/parse-command-args.js';
import { parseInteger } from '../args/parse-integer.js';
import { usageError } from '../args/usage-error.js';
import { resolveRefreshConfig } from '../config/resolve-refresh-config.js';
import { parseSince } from '../sync/parse-since.js';
import { planSync } from '../sync/plan-sync.js';
import { syncInline } from '../sync/sync-inline.js';
import { syncQueued } from '../sync/sync-queued.js';
import type { Command } from './command.js';
import { withRuntime } from './with-runtime.js';

const HELP = `usage: portage sync <connectionId> [--entity e ...] [--kind full|incremental] [--wait] [--inline] [options]

Syncs a connection's entities. By default it queues one job per entity for the workers
(\`portage worker\`); with --wait it then shows each entity's progress until its job ends.

Which entities: those named with --entity; else, when the config has a refresh config for
the connection (or its platform) and neither --kind nor --since is given, whatever that
config has due now (backfills, resumed passes, resyncs, incrementals); else every entity of
the connector, refresh config order first.

  --entity <name>        an entity to sync; repeat it, or separate names with commas
  --kind <full|incremental>
                         full (default) reads everything in the window and detects deletions;
                         incremental reads what changed since the last run
  --since <when>         lower bound: an ISO instant or a duration back from now ("7 days")
  --wait                 show progress until the jobs end; exit 1 if any failed
  --timeout <seconds>    with --wait: stop waiting after this long (the jobs go on)
  --inline               run the sync in this process: no queue, no worker needed
                         (needs PORTAGE_ENCRYPTION_KEY to read the credentials)

Progress: in a terminal, a live line per entity; otherwise one line per change, e.g.
  orders: 12 pages, +5000 ~0 =0 -0
(records added, updated, unchanged, deleted).

${COMMON_HELP}
`;

/**
 * `portage sync`: queues (or with `--inline` runs) sync jobs for a connection.
 *
 * @example await syncCommand.run([connectionId, '--entity', 'orders', '--inline'], io);
 */
export const syncCommand: Command = {
  name: 'sync',
  run: async (argv, io) => {
    const { values, positionals } = parseCommandArgs('sync', argv, {
      entity: { type: 'string', multiple: true },
      kind: { type: 'string' },
      since: { type: 'string' },
      wait: { type: 'boolean' },
      timeout: { type: 'string' },
      inline: { type: 'boolean' },
    });
    if (values.help) {
      io.stdout.write(HELP);
      return 0;
    }
    const [connectionId, extra] = positionals;
    if (connectionId === undefined) throw usageError('sync', 'give the connection id (`portage status` lists them)');
    if (extra !== undefined) throw usageError('sync', `unexpected argument "${extra}"`);
    const kind = values.kind;
    if (kind !== undefined && kind !== 'full' && kind !== 'incremental') throw usageError('sync', `--kind must be full or incremental, got "${kind}"`);
    const timeoutMs = values.timeout === undefined ? undefined : parseInteger('sync', '--timeout', values.timeout, { min: 1, max: 604_800, fallback: 0 }) * 1000;
    const entities = (values.entity ?? []).flatMap((value) => value.split(',')).map((name) => name.trim()).filter((name) => name !== '');

    return withRuntime(io, values, async (runtime) => {
      const loaded = runtime.requireConfig();
      const connection = await runtime.connections().get(connectionId);
      const connector = loaded.config.connectors[connection.platform];
      if (!connector) {
        throw new PortageError('CONFIG_INVALID', `the config has no connector for platform "${connection.platform}" of connection ${connection.id}: add it to connectors`, {
          context: { fieldPath: `connectors.${connection.platform}` },
        });
      }
      const refresh = await resolveRefreshConfig(loaded, connection, connector);
      const startedAt = await databaseNow(runtime.database().db);
      const plan = planSync({
        connectionId: connection.id,
        connector: { name: connector.name, entities: Object.keys(connector.entities) },
        refresh,
        request: { entities, ...(kind ? { kind } : {}), ...(values.since ? { since: parseSince(values.since, startedAt) } : {}) },
      });
      const options = { runtime, connection, plan, startedAt, wait: values.wait === true, timeoutMs };
      return values.inline ? syncInline(options) : syncQueued(options);
    });
  },
};
