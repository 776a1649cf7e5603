import { isPortageError, PortageError, type Connector } from '@portage/core';
import { createLogger, withLogContext, type FetchClientOptions, type LogContext, type Logger, type RateLimitWait } from '@portage/fetch';
import { addEntityProgress, finishRun, loadCheckpoint, type ConnectionStore, type PortageDatabase } from '@portage/persist';
import type { JobQueue, QueuedJob, QueueOptions } from '../jobs/job-queue.js';
import { runSyncJob, type SyncContext } from '../sync/run-sync-job.js';
import { createConnectionClients } from '../sync/connection-clients.js';
import { syncJobKey, type SyncJobData } from '../sync/sync-job.js';
import { canSync, nextHealth, type HealthEvent } from '../health/next-health.js';
import type { JobOutcome, WorkerMetrics } from '../metrics/worker-metrics.js';
import { decideOnFailure, runErrorOf } from './handle-sync-failure.js';
import { ensureSyncQueues, SYNC_QUEUE } from './sync-queues.js';

export interface SyncWorkerOptions {
  database: PortageDatabase;
  queue: JobQueue;
  connections: ConnectionStore;
  /** Connector per platform name. */
  connectors: Readonly<Record<string, Connector>>;
  /** Sync jobs this process runs at once (each streams a whole window). */
  concurrency?: number;
  logger?: Logger;
  /** Overrides of the sync queue's settings (e.g. a short expiry so crashed jobs return fast). */
  queueOptions?: Partial<QueueOptions>;
  /** Extra fetch-client options (tests: a transport, short retries). */
  fetchOptions?: Partial<FetchClientOptions>;
  /** Where the worker counts jobs, records, errors and rate-limit waits (see `createWorkerMetrics`). */
  metrics?: WorkerMetrics;
}

export interface SyncWorker {
  start(): Promise<void>;
  /** Sends a sync job (one per connection+entity may run at once). */
  enqueue(data: SyncJobData, startAfter?: Date): Promise<string | null>;
  stop(): Promise<void>;
}

/**
 * A worker process's sync loop: takes jobs from the queue and runs them, any number of such
 * processes on any number of machines sharing one Postgres.
 *
 * @example
 * const worker = createSyncWorker({ database, queue, connections, connectors: { stripe } });
 * await worker.start();
 */
export function createSyncWorker(options: SyncWorkerOptions): SyncWorker {
  const logger = options.logger ?? createLogger({ name: 'portage-worker' });
  const { metrics } = options;
  const onRateLimitWait = metrics
    ? (wait: RateLimitWait) => {
        metrics.rateLimitWait(wait.reason, wait.ms / 1000);
        options.fetchOptions?.onRateLimitWait?.(wait);
      }
    : options.fetchOptions?.onRateLimitWait;
  const fetchOptions = { ...options.fetchOptions, ...(onRateLimitWait ? { onRateLimitWait } : {}) };
  const clients = createConnectionClients({
    database: options.database,
    connections: options.connections,
    logger,
    fetchOptions,
  });
  const context: SyncContext = {
    database: options.database,
    connectors: options.connectors,
    getConnection: (id) => options.connections.get(id),
    clientFor: clients.clientFor,
    logger,
  };

  const enqueue = (data: SyncJobData, startAfter?: Date) =>
    options.queue.send(SYNC_QUEUE, data, { singletonKey: syncJobKey(data), ...(startAfter ? { startAfter } : {}) });

  // Every line logged while the job runs (the fetch client's too) carries its job id and, once
  // the job has started its run, the run id; the outcome goes to the metrics.
  async function handle(job: QueuedJob<SyncJobData>): Promise<void> {
    const fields: LogContext = { jobId: job.id };
    const started = performance.now();
    metrics?.jobStarted(SYNC_QUEUE);
    let outcome: JobOutcome = 'failed';
    try {
      outcome = await withLogContext(fields, () => runJob(job, fields));
    } catch (error) {
      outcome = job.retryCount >= job.retryLimit ? 'dead_lettered' : 'retried';
      throw error;
    } finally {
      metrics?.jobFinished(SYNC_QUEUE, outcome, (performance.now() - started) / 1000);
    }
  }

  async function runJob(job: QueuedJob<SyncJobData>, fields: LogContext): Promise<JobOutcome> {
    const { data } = job;
    const connection = await options.connections.get(data.connectionId);
    if (!canSync(connection.health)) {
      logger.warn({ jobId: job.id, connectionId: data.connectionId, health: connection.health }, 'sync skipped: the connection needs attention first');
      return 'skipped';
    }
    const moveHealth = async (event: HealthEvent, reason?: string) => {
      const next = nextHealth((await options.connections.get(data.connectionId)).health, event);
      await options.connections.setHealth(data.connectionId, next, reason);
    };
    try {
      const result = await runSyncJob({ ...context, logger: runIdInto(fields) }, data);
      await finishRun(options.database.db, result.runId, 'succeeded');
      await moveHealth({ kind: 'sync_succeeded' });
      metrics?.recordsWritten(data.entity, result);
      return 'succeeded';
    } catch (error) {
      const lastAttempt = job.retryCount >= job.retryLimit;
      const decision = decideOnFailure(error, { lastAttempt, now: new Date() });
      const portage = isPortageError(error) ? error : new PortageError('UNKNOWN', String(error), { cause: error });
      if (portage.code === 'CONFLICT') {
        // Fenced out: another worker owns this sync and its run; nothing to record here.
        logger.warn({ jobId: job.id, connectionId: data.connectionId, entity: data.entity }, decision.reason);
        return 'superseded';
      }
      metrics?.syncError(portage.code);
      // The run a retry would resume: the one named by the checkpoint, if any.
      const checkpointRun = await runIdOf(data);
      const runId = (typeof portage.context.runId === 'string' ? portage.context.runId : undefined) ?? data.runId ?? checkpointRun;
      if (runId) fields.runId = runId;
      const trackingId = typeof portage.context.trackingId === 'string' ? portage.context.trackingId : undefined;
      logger.warn(
        { jobId: job.id, connectionId: data.connectionId, entity: data.entity, code: portage.code, action: portage.action, ...(trackingId ? { trackingId } : {}), decision: decision.kind, reason: decision.reason },
        'sync job failed',
      );
      const runError = runErrorOf(portage, new Date());
      if (runId) {
        await addEntityProgress(options.database.db, runId, data.entity, { error: runError });
      }
      if (decision.kind !== 'reschedule') {
        await moveHealth({ kind: 'sync_failed', code: portage.code, retriesSpent: lastAttempt || decision.kind === 'give_up' }, decision.reason);
      }
      if (decision.kind === 'reschedule') {
        // The checkpoint keeps the position, so the follow-up job resumes where this one stopped.
        await enqueue(data, decision.at);
        metrics?.rateLimitWait('rescheduled', (decision.at.getTime() - Date.now()) / 1000);
        return 'rescheduled';
      }
      // A retry resumes this run only through a checkpoint that names it; otherwise (failed
      // before its first page committed) the retry starts a new run and this one ends here.
      const resumable = runId !== undefined && checkpointRun === runId;
      if (runId && (decision.kind === 'give_up' || lastAttempt || !resumable)) {
        await finishRun(options.database.db, runId, 'failed', runError);
      }
      if (decision.kind === 'retry') throw error;
      return 'failed';
    }
  }

  // runSyncJob binds its run id on a child of the logger it is given: catch it there, so the
  // job's other lines (the fetch client's) carry it too.
  function runIdInto(fields: LogContext): Logger {
    const jobLogger = logger.child({});
    jobLogger.onChild = (child) => {
      const { runId } = child.bindings();
      if (typeof runId === 'string') fields.runId = runId;
    };
    return jobLogger;
  }

  // The run id of an interrupted job lives in its checkpoint, not in the job data.
  async function runIdOf(data: SyncJobData): Promise<string | undefined> {
    const saved = await loadCheckpoint(options.database.db, { connectionId: data.connectionId, entity: data.entity, windowKey: data.kind });
    return saved?.runId;
  }

  return {
    start: async () => {
      await ensureSyncQueues(options.queue, options.queueOptions);
      await options.queue.work<SyncJobData>(SYNC_QUEUE, { concurrency: options.concurrency ?? 2 }, handle);
    },
    enqueue,
    stop: async () => {
      await options.queue.stop();
      await clients.closeAll();
    },
  };
}
