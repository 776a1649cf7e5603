import { PortageError } from '@portage/core';
import { createCredentialCipher } from '@portage/persist';
import { createConnectionClients, enqueueExport, ensureExportQueues, exportRecord, replayDeadExports, type ExportContext } from '@portage/refresh';
import { COMMON_HELP, parseCommandArgs } from '../args/parse-command-args.js';
import { parseInteger } from '../args/parse-integer.js';
import { usageError } from '../args/usage-error.js';
import { resolveRefreshConfig } from '../config/resolve-refresh-config.js';
import { toPortageError } from '../errors/to-portage-error.js';
import { formatExportOutcome, summarizeExports, type ExportOutcome } from '../export/format-export-outcome.js';
import { readExportFile } from '../export/read-export-file.js';
import type { Command } from './command.js';
import { withRuntime } from './with-runtime.js';

const HELP = `usage: portage export <connectionId> <entity> --file records.json [options]
       portage export replay <jobId...> | --all [--limit n] [--force]

Writes records from your system to the platform, one request per record. --file holds a JSON
array of unified records (e.g. Customers); each record's key in your system is read at
--local-key-path, and Portage links it to the platform record it creates or updates, so an
export retried after a timeout never creates a second record.

By default one job per record is queued for the workers (\`portage worker\`); --inline writes
them from this process and prints each outcome:
  created crm-1 -> cus_123      updated crm-2 -> cus_77      unchanged crm-3 (cus_9)
  conflict crm-4 (cus_5): changed on the platform at <time>, last synced version <time>; ...
  failed crm-5: VALIDATION_FAILED (fix_config): ...
A record changed on the platform since Portage last synced it is not overwritten (a
conflict): sync the entity and re-apply your change, or export it again with --force.

  --file <path>          JSON array of records to export
  --local-key-path <p>   dot path of each record's key in your system (default: id)
  --operation <op>       create, update or upsert (default: upsert: update when linked)
  --external-id <id>     with one record: the platform record to update (not linked yet)
  --force                skip the conflict check (overwrite platform changes)
  --resync-first         re-read each platform record and store it before writing over it
  --inline               write from this process (needs PORTAGE_ENCRYPTION_KEY); exit 1 if
                         any record failed or conflicted

replay: sends dead-lettered exports back to the export queue (--force: skipping the
conflict check); each reuses its earlier attempt's idempotency key, so it creates nothing twice.

${COMMON_HELP}
`;

const OPERATIONS = ['create', 'update', 'upsert'] as const;

/**
 * `portage export`: exports records from a file (queued, or `--inline`), and replays
 * dead-lettered exports (`export replay`).
 *
 * @example await exportCommand.run([connectionId, 'customers', '--file', 'customers.json', '--inline'], io);
 */
export const exportCommand: Command = {
  name: 'export',
  run: async (argv, io) => {
    const { values, positionals } = parseCommandArgs('export', argv, {
      file: { type: 'string' },
      'local-key-path': { type: 'string' },
      operation: { type: 'string' },
      'external-id': { type: 'string' },
      force: { type: 'boolean' },
      'resync-first': { type: 'boolean' },
      inline: { type: 'boolean' },
      all: { type: 'boolean' },
      limit: { type: 'string' },
    });
    if (values.help) {
      io.stdout.write(HELP);
      return 0;
    }
    if (positionals[0] === 'replay') return replay(positionals.slice(1), values, io);
    const [connectionId, entity, extra] = positionals;
    if (connectionId === undefined || entity === undefined) throw usageError('export', 'give the connection id and the entity, e.g. portage export <connectionId> customers --file customers.json');
    if (extra !== undefined) throw usageError('export', `unexpected argument "${extra}"`);
    if (values.file === undefined) throw usageError('export', 'give --file with a JSON array of records');
    const operation = values.operation ?? 'upsert';
    if (!(OPERATIONS as readonly string[]).includes(operation)) throw usageError('export', `--operation must be create, update or upsert, got "${operation}"`);
    const records = await readExportFile(values.file, io.cwd, values['local-key-path'] ?? 'id');
    if (values['external-id'] !== undefined && records.length !== 1) throw usageError('export', '--external-id goes with a file of exactly one record');
    const options = {
      operation: operation as (typeof OPERATIONS)[number],
      ...(values['external-id'] !== undefined && { externalId: values['external-id'] }),
      ...(values.force && { force: true }),
      ...(values['resync-first'] && { resyncFirst: true }),
    };

    return withRuntime(io, values, async (runtime) => {
      const loaded = runtime.requireConfig();
      const connection = await runtime.connections().get(connectionId);
      const connector = loaded.config.connectors[connection.platform];
      if (!connector) {
        throw new PortageError('CONFIG_INVALID', `the config has no connector for platform "${connection.platform}" of connection ${connection.id}: add it to connectors`, {
          context: { fieldPath: `connectors.${connection.platform}` },
        });
      }
      if (!(entity in connector.entities)) throw usageError('export', `connector "${connector.name}" has no entity "${entity}" (it has: ${Object.keys(connector.entities).join(', ')})`);
      if (!connector.entities[entity]!.export) {
        throw new PortageError('CONFIG_INVALID', `${connector.name} ${entity} declares no export: its connector cannot write ${entity} back`, { context: { entity } });
      }

      if (!values.inline) {
        const queue = await runtime.queue();
        await ensureExportQueues(queue);
        for (const { localKey, record } of records) {
          const { jobId } = await enqueueExport(queue, runtime.database(), { connectionId, entity, localKey, record, ...options });
          io.stdout.write(`queued ${localKey} as job ${jobId}\n`);
        }
        io.stdout.write(`queued ${records.length} export${records.length === 1 ? '' : 's'}: \`portage worker\` writes them\n`);
        return 0;
      }

      // Checked first, so a missing key is one clear error rather than a failure per record.
      createCredentialCipher(io.env.PORTAGE_ENCRYPTION_KEY);
      const database = runtime.database();
      const logger = runtime.logger();
      const clients = createConnectionClients({ database, connections: runtime.connections(), logger });
      const refresh = await resolveRefreshConfig(loaded, connection, connector);
      const context: ExportContext = {
        database,
        connectors: loaded.config.connectors,
        getConnection: (id) => runtime.connections().get(id),
        clientFor: clients.clientFor,
        logger,
        ...(refresh?.exports?.concurrency !== undefined && { concurrencyFor: () => refresh.exports!.concurrency! }),
      };
      const outcomes: ExportOutcome[] = [];
      try {
        for (const { localKey, record } of records) {
          io.signal?.throwIfAborted();
          let outcome: ExportOutcome;
          try {
            outcome = { localKey, ok: true, result: await exportRecord(context, { connectionId, entity, localKey, record, ...options, ...(io.signal && { signal: io.signal }) }) };
          } catch (error) {
            outcome = { localKey, ok: false, error: toPortageError(error) };
          }
          outcomes.push(outcome);
          io.stdout.write(`${formatExportOutcome(outcome)}\n`);
        }
      } finally {
        await clients.closeAll();
      }
      io.stdout.write(`${summarizeExports(outcomes)}\n`);
      return outcomes.every((outcome) => outcome.ok) ? 0 : 1;
    });
  },
};

async function replay(jobIds: string[], values: { all?: boolean; limit?: string; force?: boolean; config?: string; 'database-url'?: string; verbose?: boolean }, io: Parameters<Command['run']>[1]): Promise<number> {
  const all = values.all === true;
  if (all === jobIds.length > 0) throw usageError('export', 'export replay takes job ids or --all (not both)');
  const limit = all ? parseInteger('export', '--limit', values.limit, { min: 1, max: 10_000, fallback: 1000 }) : 10_000;
  return withRuntime(io, values, async (runtime) => {
    const queue = await runtime.queue();
    const replayed = await replayDeadExports(queue, { ...(all ? { all: true, limit } : { jobIds }), ...(values.force && { force: true }) });
    for (const { jobId, newJobId, data } of replayed) io.stdout.write(`replayed ${jobId} as ${newJobId}: ${data.connectionId} ${data.entity} ${data.localKey}\n`);
    io.stdout.write(replayed.length === 0 ? 'the export dead-letter queue is empty\n' : `replayed ${replayed.length} export${replayed.length === 1 ? '' : 's'}\n`);
    return 0;
  });
}
