export { type JobQueue, type QueuedJob, type QueueOptions, type SendOptions } from './jobs/job-queue.js';
export { createPgBossQueue, type PgBossQueueOptions } from './jobs/pg-boss-queue.js';
export { runSyncJob, type SyncContext, type SyncJobResult } from './sync/run-sync-job.js';
export { mapPage, type MappedRecord, type RejectedRecord } from './sync/map-page.js';
export { syncJobKey, MARKS_WINDOW, type SyncJobData, type SyncMarks } from './sync/sync-job.js';
export { createSyncWorker, type SyncWorker, type SyncWorkerOptions } from './worker/create-sync-worker.js';
export { decideOnFailure, runErrorOf, type FailureDecision } from './worker/handle-sync-failure.js';
export { SYNC_QUEUE, SYNC_DEAD_LETTER_QUEUE, SYNC_QUEUE_OPTIONS, DEAD_LETTER_QUEUE_OPTIONS, ensureSyncQueues } from './worker/sync-queues.js';
export { enqueueDue } from './scheduler/enqueue-due.js';
export { loadPlannerState } from './scheduler/load-planner-state.js';
export {
  parseRefreshConfig,
  parseDuration,
  nextCronTime,
  describeCron,
  type RefreshConfig,
  type RefreshConfigInput,
  type EntityRefresh,
  type ExportsRefresh,
} from './config/index.js';
export { planNext, type PlannerState, type PlannedJob } from './planner/index.js';
export { nextHealth, canSync, type HealthEvent } from './health/next-health.js';
export { startScheduler, SCHEDULE_QUEUE, type SchedulerOptions } from './scheduler/start-scheduler.js';
export { createPersistedTokenProvider, withTokenLock, type PersistedTokenProviderOptions } from './tokens/index.js';
export { createConnectionClients, type ConnectionClients } from './sync/connection-clients.js';
export { createWorkerMetrics, serveMetrics, type JobOutcome, type MetricsServer, type RateLimitReason, type WorkerMetrics } from './metrics/index.js';
export { jobFailureOf, listDeadLetters, replayDeadLetters, type DeadLetter, type JobFailure, type ReplayOutcome, type ReplaySelection } from './dead-letters/index.js';
export {
  contentHashWithoutUpdatedAt,
  createExportWorker,
  decideConflict,
  decideOnExportFailure,
  DEFAULT_EXPORT_CONCURRENCY,
  enqueueExport,
  ensureExportQueues,
  EXPORT_DEAD_LETTER_QUEUE,
  EXPORT_QUEUE,
  EXPORT_QUEUE_OPTIONS,
  exportConflict,
  exportRecord,
  isExportConflict,
  replayDeadExports,
  withExportSlot,
  type ConflictInput,
  type ConflictVerdict,
  type ExportContext,
  type ExportFailureDecision,
  type ExportInput,
  type ExportJobData,
  type ExportResult,
  type ExportSlotOptions,
  type ExportWorker,
  type ExportWorkerOptions,
  type ReplayedExport,
} from './exports/index.js';
