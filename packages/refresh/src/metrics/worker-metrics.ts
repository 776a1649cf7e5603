import { Counter, Gauge, Histogram, Registry } from 'prom-client';

/**
 * How a sync job ended, as the `outcome` label says it: `succeeded`; `skipped` (the connection
 * needs attention first); `superseded` (another worker took the sync over); `rescheduled` (rate
 * limited: it runs again when the platform allows); `retried` (failed, pg-boss retries it);
 * `dead_lettered` (its last retry failed); `failed` (a retry cannot help: credentials,
 * configuration).
 *
 * @example const outcome: JobOutcome = 'dead_lettered';
 */
export type JobOutcome = 'succeeded' | 'skipped' | 'superseded' | 'rescheduled' | 'retried' | 'dead_lettered' | 'failed';

/**
 * Why a request or a job waited for a platform's rate limit: the fetch client's reasons
 * (`retry_after`, `paused`, `budget`, see `RateLimitWait`), or `rescheduled` when a job was put
 * off until the platform's quota resets.
 *
 * @example const reason: RateLimitReason = 'retry_after';
 */
export type RateLimitReason = 'retry_after' | 'paused' | 'budget' | 'rescheduled';

/**
 * What a worker counts, in Prometheus form. Each worker keeps its own registry (not
 * prom-client's global one), so two workers in one process, or a test, never share counts.
 *
 * @example
 * const metrics = createWorkerMetrics();
 * metrics.recordsWritten('orders', { created: 3, updated: 1, unchanged: 90, deleted: 0 });
 * const text = await metrics.text();
 */
export interface WorkerMetrics {
  /** The content type of {@link WorkerMetrics.text} (Prometheus text format 0.0.4). */
  readonly contentType: string;
  jobStarted(queue: string): void;
  jobFinished(queue: string, outcome: JobOutcome, seconds: number): void;
  /** Records a job wrote, by kind of change: `rate(portage_records_total[5m])` is records/s. */
  recordsWritten(entity: string, counts: Partial<Record<'created' | 'updated' | 'unchanged' | 'deleted' | 'rejected', number>>): void;
  /** A failed job, by universal error code. */
  syncError(code: string): void;
  rateLimitWait(reason: RateLimitReason, seconds: number): void;
  /** Every metric in the Prometheus text exposition format. */
  text(): Promise<string>;
}

const JOB_SECONDS_BUCKETS = [0.1, 0.5, 1, 5, 15, 60, 300, 900, 3600];
const WAIT_SECONDS_BUCKETS = [0.05, 0.25, 1, 5, 15, 60, 300, 900, 3600];
const CHANGES = ['created', 'updated', 'unchanged', 'deleted', 'rejected'] as const;

/**
 * The metrics of one sync worker, on a registry of their own:
 * - `portage_sync_jobs_total{queue,outcome}` and `portage_sync_job_duration_seconds{queue,outcome}`
 * - `portage_sync_jobs_active{queue}`
 * - `portage_records_total{entity,change}` (created, updated, unchanged, deleted, rejected)
 * - `portage_sync_errors_total{code}` (universal error codes)
 * - `portage_rate_limit_wait_seconds{reason}`: `_count` is the number of waits, `_sum` their seconds
 *
 * @example
 * const metrics = createWorkerMetrics();
 * createSyncWorker({ ...options, metrics });
 * await serveMetrics(metrics, { port: 9464 });
 */
export function createWorkerMetrics(): WorkerMetrics {
  const registry = new Registry();
  const registers = [registry];
  const jobs = new Counter({ name: 'portage_sync_jobs_total', help: 'Sync jobs finished, by queue and outcome.', labelNames: ['queue', 'outcome'], registers });
  const jobSeconds = new Histogram({
    name: 'portage_sync_job_duration_seconds',
    help: 'How long sync jobs ran, by queue and outcome.',
    labelNames: ['queue', 'outcome'],
    buckets: JOB_SECONDS_BUCKETS,
    registers,
  });
  const active = new Gauge({ name: 'portage_sync_jobs_active', help: 'Sync jobs running in this worker now.', labelNames: ['queue'], registers });
  const records = new Counter({
    name: 'portage_records_total',
    help: 'Records written by sync jobs, by entity and change (created, updated, unchanged, deleted, rejected by the mapping).',
    labelNames: ['entity', 'change'],
    registers,
  });
  const errors = new Counter({ name: 'portage_sync_errors_total', help: 'Failed sync jobs, by universal error code.', labelNames: ['code'], registers });
  const waits = new Histogram({
    name: 'portage_rate_limit_wait_seconds',
    help: "Waits imposed by platforms' rate limits, by reason (count: waits; sum: seconds waited).",
    labelNames: ['reason'],
    buckets: WAIT_SECONDS_BUCKETS,
    registers,
  });

  return {
    contentType: registry.contentType,
    jobStarted: (queue) => active.inc({ queue }),
    jobFinished: (queue, outcome, seconds) => {
      active.dec({ queue });
      jobs.inc({ queue, outcome });
      jobSeconds.observe({ queue, outcome }, seconds);
    },
    recordsWritten: (entity, counts) => {
      for (const change of CHANGES) {
        const count = counts[change] ?? 0;
        if (count > 0) records.inc({ entity, change }, count);
      }
    },
    syncError: (code) => errors.inc({ code }),
    rateLimitWait: (reason, seconds) => waits.observe({ reason }, Math.max(0, seconds)),
    text: () => registry.metrics(),
  };
}
