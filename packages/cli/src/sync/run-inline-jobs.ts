import type { Connector, PortageError } from '@portage/core';
import type { Logger } from '@portage/fetch';
import { addEntityProgress, finishRun, startRun, type ConnectionStore, type PortageDatabase, type RunError } from '@portage/persist';
import {
  createConnectionClients,
  decideOnFailure,
  nextHealth,
  runSyncJob,
  type HealthEvent,
  type SyncContext,
  type SyncJobData,
  type SyncJobResult,
} from '@portage/refresh';
import { toPortageError } from '../errors/to-portage-error.js';

/**
 * How one inline job ended.
 *
 * @example if (!outcome.ok) console.error(outcome.error.code);
 */
export type InlineOutcome = { entity: string; ok: true; result: SyncJobResult } | { entity: string; ok: false; error: PortageError };

/**
 * Options of {@link runInlineJobs}.
 *
 * @example const options: InlineJobsOptions = { database, connections, connectors, jobs, logger };
 */
export interface InlineJobsOptions {
  database: PortageDatabase;
  connections: ConnectionStore;
  connectors: Readonly<Record<string, Connector>>;
  jobs: readonly SyncJobData[];
  logger: Logger;
  /** Called as each job ends. */
  onJobEnd?(entity: string, outcome: 'succeeded' | 'failed'): void;
  signal?: AbortSignal;
}

/**
 * Runs sync jobs in this process, one after another, doing around each what a worker does:
 * errors are recorded on the entity, and the connection's health moves by `nextHealth`.
 * The jobs of one kind count in one run (a worker's jobs each start their own), so `status`
 * shows this sync as one run with a row per entity; it ends failed if any of its entities
 * failed. An entity that resumes an interrupted pass goes on counting in that pass's run,
 * which is finished here too. There is no queue to retry from, so a failure counts as the
 * last attempt; the checkpoint lets the next `sync` resume where this one stopped.
 *
 * @example const outcomes = await runInlineJobs({ database, connections, connectors, jobs, logger });
 */
export async function runInlineJobs(options: InlineJobsOptions): Promise<InlineOutcome[]> {
  const clients = createConnectionClients({ database: options.database, connections: options.connections, logger: options.logger });
  const context: SyncContext = {
    database: options.database,
    connectors: options.connectors,
    getConnection: (id) => options.connections.get(id),
    clientFor: clients.clientFor,
    logger: options.logger,
  };
  const { db } = options.database;
  const runs = new Map<SyncJobData['kind'], { id: string; firstError?: RunError }>();

  const outcomes: InlineOutcome[] = [];
  try {
    for (const job of options.jobs) {
      let run = runs.get(job.kind);
      if (!run) {
        run = { id: await startRun(db, { connectionId: job.connectionId, kind: job.kind }) };
        runs.set(job.kind, run);
      }
      try {
        const result = await runSyncJob(context, { ...job, runId: run.id }, options.signal);
        if (result.runId !== run.id) await finishRun(db, result.runId, 'succeeded');
        await moveHealth(options, job.connectionId, { kind: 'sync_succeeded' });
        outcomes.push({ entity: job.entity, ok: true, result });
        options.onJobEnd?.(job.entity, 'succeeded');
      } catch (thrown) {
        const error = toPortageError(thrown);
        const recorded = await recordFailure(options, job, error, run.id);
        run.firstError ??= recorded;
        outcomes.push({ entity: job.entity, ok: false, error });
        options.onJobEnd?.(job.entity, 'failed');
      }
    }
  } finally {
    for (const run of runs.values()) await finishRun(db, run.id, run.firstError ? 'failed' : 'succeeded', run.firstError);
    await clients.closeAll();
  }
  return outcomes;
}

// As the worker builds it: OAuth2 tokens come from the store (refreshed and rotated there,
// shared with the workers), other credentials are read once.
async function moveHealth(options: InlineJobsOptions, connectionId: string, event: HealthEvent, reason?: string): Promise<void> {
  const current = await options.connections.get(connectionId);
  await options.connections.setHealth(connectionId, nextHealth(current.health, event), reason);
}

async function recordFailure(options: InlineJobsOptions, job: SyncJobData, error: PortageError, sharedRunId: string): Promise<RunError> {
  const runError: RunError = { code: error.code, action: error.action, message: error.message, at: new Date().toISOString() };
  // runSyncJob names the run on the errors it throws once it knows it: the shared one, or the
  // run of the pass it resumed, which has no one else to finish it.
  const runId = typeof error.context.runId === 'string' ? error.context.runId : sharedRunId;
  await addEntityProgress(options.database.db, runId, job.entity, { error: runError });
  if (runId !== sharedRunId) await finishRun(options.database.db, runId, 'failed', runError);
  const decision = decideOnFailure(error, { lastAttempt: true, now: new Date() });
  // A rate limit says nothing about the connection; another worker's sync (CONFLICT) neither.
  if (decision.kind !== 'reschedule' && error.code !== 'CONFLICT') {
    await moveHealth(options, job.connectionId, { kind: 'sync_failed', code: error.code, retriesSpent: true }, decision.reason);
  }
  return runError;
}
