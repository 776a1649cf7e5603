import { createCredentialCipher } from '@portage/persist';
import { createExportWorker, createSyncWorker, createWorkerMetrics, DEFAULT_EXPORT_CONCURRENCY, serveMetrics, startScheduler } from '@portage/refresh';
import { COMMON_HELP, parseCommandArgs } from '../args/parse-command-args.js';
import { parseInteger } from '../args/parse-integer.js';
import { usageError } from '../args/usage-error.js';
import { resolveRefreshConfig } from '../config/resolve-refresh-config.js';
import type { Command } from './command.js';
import { withRuntime } from './with-runtime.js';
import { stopRequested } from '../io/stop-requested.js';

const HELP = `usage: portage worker [--concurrency n] [--schedule cron|off] [options]

Runs sync jobs from the queue until stopped (SIGINT or SIGTERM: jobs in progress get up to
10 s to finish, then return to the queue and resume from their checkpoints elsewhere). Run
as many workers as you like, on any machines, against the same Postgres. Queued exports
(\`portage export\`) run here too.

Every --tick seconds a scheduler sends the jobs each connection's refresh config says are due
(connections needing re-authorisation or disabled are skipped). Several workers scheduling at
once is safe: an entity never has two sync jobs queued.

  --concurrency <n>      sync jobs this worker runs at once (default 2)
  --schedule <cron|off>  when the planner runs, as a pg-boss cron schedule fired once per
                         cluster however many workers run (default "* * * * *"; off: none)
  --log-level <level>    JSON logs on stderr: debug, info (default), warn, error; lines of
                         one job carry its jobId and runId (the platform's trackingId too)
  --metrics-port <n>     serve Prometheus metrics at http://<host>:<n>/metrics: jobs by outcome,
                         records written (rate() gives records/s), errors by code, rate-limit waits
  --metrics-host <addr>  address the metrics listen on (default 127.0.0.1)

environment:
  PORTAGE_ENCRYPTION_KEY the key connections' credentials were stored with

${COMMON_HELP}
`;

/**
 * `portage worker`: a sync worker plus the refresh scheduler.
 *
 * @example await workerCommand.run(['--concurrency', '4'], { ...io, signal: controller.signal });
 */
export const workerCommand: Command = {
  name: 'worker',
  run: async (argv, io) => {
    const { values, positionals } = parseCommandArgs('worker', argv, {
      concurrency: { type: 'string' },
      schedule: { type: 'string' },
      'log-level': { type: 'string' },
      'metrics-port': { type: 'string' },
      'metrics-host': { type: 'string' },
    });
    if (values.help) {
      io.stdout.write(HELP);
      return 0;
    }
    if (positionals.length > 0) throw usageError('worker', `unexpected argument "${positionals[0]}"`);
    const concurrency = parseInteger('worker', '--concurrency', values.concurrency, { min: 1, max: 100, fallback: 2 });
    const schedule = values.schedule ?? '* * * * *';
    const level = values['log-level'] ?? (values.verbose ? 'debug' : 'info');
    if (!['debug', 'info', 'warn', 'error'].includes(level)) throw usageError('worker', `--log-level must be debug, info, warn or error, got "${level}"`);
    const metricsPort = values['metrics-port'] === undefined ? undefined : parseInteger('worker', '--metrics-port', values['metrics-port'], { min: 0, max: 65_535, fallback: 0 });

    return withRuntime(io, values, async (runtime) => {
      const loaded = runtime.requireConfig();
      // A worker without the key would take jobs only to fail each one: refuse to start.
      createCredentialCipher(io.env.PORTAGE_ENCRYPTION_KEY);
      const logger = runtime.logger(level);
      const database = runtime.database();
      const queue = await runtime.queue({ supervise: true });
      const connections = runtime.connections();
      const metrics = metricsPort === undefined ? undefined : createWorkerMetrics();
      const worker = createSyncWorker({ database, queue, connections, connectors: loaded.config.connectors, concurrency, logger, ...(metrics ? { metrics } : {}) });
      await worker.start();
      // Exports (`portage export`) run here too, each connection capped by its refresh config's exports.concurrency.
      const exportWorker = createExportWorker({
        database,
        queue,
        connections,
        connectors: loaded.config.connectors,
        logger,
        exportConcurrency: async (connection) => {
          const connector = loaded.config.connectors[connection.platform];
          const refresh = connector ? await resolveRefreshConfig(loaded, connection, connector) : undefined;
          return refresh?.exports?.concurrency ?? DEFAULT_EXPORT_CONCURRENCY;
        },
      });
      await exportWorker.start();
      const metricsServer = metrics ? await serveMetrics(metrics, { port: metricsPort!, host: values['metrics-host'] ?? '127.0.0.1' }) : undefined;
      const scheduler =
        schedule === 'off'
          ? undefined
          : await startScheduler({
              database,
              queue,
              every: schedule,
              logger,
              configFor: (connection) => {
                const connector = loaded.config.connectors[connection.platform];
                return connector ? resolveRefreshConfig(loaded, connection, connector) : undefined;
              },
            });
      const platforms = Object.keys(loaded.config.connectors).join(', ');
      io.stdout.write(
        `worker started: ${concurrency} job${concurrency === 1 ? '' : 's'} at once, platforms ${platforms}, ${scheduler ? `planning on "${schedule}"` : 'scheduler off'} (stop with Ctrl-C)\n`,
      );

      if (metricsServer) io.stdout.write(`metrics at ${metricsServer.url}/metrics\n`);

      await stopRequested(io);
      io.stdout.write('worker stopping: waiting for jobs in progress\n');
      await worker.stop();
      await exportWorker.stop();
      await metricsServer?.close();
      io.stdout.write('worker stopped\n');
      return 0;
    });
  },
};
