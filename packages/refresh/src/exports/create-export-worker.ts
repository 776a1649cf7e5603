import { isPortageError, PortageError, type Connector } from '@portage/core';
import { createLogger, type FetchClientOptions, type Logger } from '@portage/fetch';
import type { Connection, ConnectionStore, PortageDatabase } from '@portage/persist';
import type { JobQueue, QueuedJob, QueueOptions } from '../jobs/job-queue.js';
import { createConnectionClients } from '../sync/connection-clients.js';
import { canSync } from '../health/next-health.js';
import { decideOnExportFailure } from './decide-on-export-failure.js';
import { DEFAULT_EXPORT_CONCURRENCY, type ExportContext } from './export-context.js';
import type { ExportJobData } from './export-job.js';
import { EXPORT_DEAD_LETTER_QUEUE, EXPORT_QUEUE, ensureExportQueues } from './export-queues.js';
import { enqueueExport } from './enqueue-export.js';
import { exportRecord } from './export-record.js';

/**
 * Options of {@link createExportWorker}.
 *
 * @example const options: ExportWorkerOptions = { database, queue, connections, connectors: { stripe }, exportConcurrency: 5 };
 */
export interface ExportWorkerOptions {
  database: PortageDatabase;
  queue: JobQueue;
  connections: ConnectionStore;
  /** Connector per platform name. */
  connectors: Readonly<Record<string, Connector>>;
  /** Export jobs this process runs at once, all connections together (default 10). */
  concurrency?: number;
  /**
   * Export requests one connection may have in flight at once across every worker process
   * (default 5): a number, or per connection (e.g. from its refresh config's `exports.concurrency`).
   */
  exportConcurrency?: number | ((connection: Connection) => number | Promise<number>);
  logger?: Logger;
  /** Overrides of the export queue's settings (e.g. fewer retries in tests). */
  queueOptions?: Partial<QueueOptions>;
  /** Extra fetch-client options (tests: a transport, short retries and timeouts). */
  fetchOptions?: Partial<FetchClientOptions>;
  /** Concurrency-slot lease settings (see `withExportSlot`). */
  slotLeaseMs?: number;
  slotMaxWaitMs?: number;
}

/**
 * An export worker: takes export jobs from the queue and writes each record, any number of
 * such workers in any number of processes sharing one Postgres.
 *
 * @example
 * const exports = await createExportWorker({ database, queue, connections, connectors: { stripe } });
 * await exports.start();
 * await exports.enqueue({ connectionId, entity: 'customers', localKey: 'crm-42', record });
 */
export interface ExportWorker {
  start(): Promise<void>;
  /** Queues one export (see `enqueueExport`). */
  enqueue(data: Omit<ExportJobData, 'seq' | 'deadLetter'>): Promise<{ jobId: string | null; seq: number }>;
  stop(): Promise<void>;
}

/**
 * Creates an export worker. Failures follow `decideOnExportFailure`: conflicts end the job
 * with the conflict on the record's link; rate limits reschedule; errors a retry cannot fix
 * (configuration, a rejected record, credentials) go straight to the dead-letter queue, where
 * `replayDeadExports` picks them up once fixed; the rest retry with backoff, then dead-letter.
 *
 * @example const worker = createExportWorker({ database, queue, connections, connectors });
 */
export function createExportWorker(options: ExportWorkerOptions): ExportWorker {
  const logger = options.logger ?? createLogger({ name: 'portage-export-worker' });
  const clients = createConnectionClients({
    database: options.database,
    connections: options.connections,
    logger,
    ...(options.fetchOptions ? { fetchOptions: options.fetchOptions } : {}),
  });
  const limit = options.exportConcurrency ?? DEFAULT_EXPORT_CONCURRENCY;
  const context: ExportContext = {
    database: options.database,
    connectors: options.connectors,
    getConnection: (id) => options.connections.get(id),
    clientFor: clients.clientFor,
    logger,
    concurrencyFor: typeof limit === 'number' ? () => limit : limit,
    ...(options.slotLeaseMs !== undefined && { slotLeaseMs: options.slotLeaseMs }),
    ...(options.slotMaxWaitMs !== undefined && { slotMaxWaitMs: options.slotMaxWaitMs }),
  };

  async function handle(job: QueuedJob<ExportJobData>): Promise<void> {
    const { data } = job;
    const log = logger.child({ jobId: job.id, connectionId: data.connectionId, entity: data.entity, localKey: data.localKey });
    try {
      const connection = await options.connections.get(data.connectionId);
      if (!canSync(connection.health)) {
        throw new PortageError('AUTH_INVALID', `connection ${data.connectionId} is ${connection.health}: fix it (reconnect or enable), then replay the export`);
      }
      const result = await exportRecord(context, data);
      log.info({ status: result.status, externalId: result.externalId }, 'export done');
    } catch (error) {
      const lastAttempt = job.retryCount >= job.retryLimit;
      const decision = decideOnExportFailure(error, { lastAttempt, now: new Date() });
      const portage = isPortageError(error) ? error : new PortageError('UNKNOWN', String(error), { cause: error });
      log.warn({ code: portage.code, action: portage.action, decision: decision.kind, reason: decision.reason, ...portage.context }, 'export failed');
      switch (decision.kind) {
        case 'conflict':
          return;
        case 'reschedule':
          await options.queue.send(EXPORT_QUEUE, data, { startAfter: decision.at });
          return;
        case 'dead_letter':
          await options.queue.send(EXPORT_DEAD_LETTER_QUEUE, {
            ...data,
            deadLetter: { code: portage.code, action: portage.action, message: portage.message, at: new Date().toISOString() },
          } satisfies ExportJobData);
          return;
        case 'retry':
          throw error;
      }
    }
  }

  return {
    start: async () => {
      await ensureExportQueues(options.queue, options.queueOptions);
      await options.queue.work<ExportJobData>(EXPORT_QUEUE, { concurrency: options.concurrency ?? 10 }, handle);
    },
    enqueue: (data) => enqueueExport(options.queue, options.database, data),
    stop: async () => {
      await options.queue.stop();
      await clients.closeAll();
    },
  };
}
