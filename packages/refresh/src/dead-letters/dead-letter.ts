import type { QueuedJob } from '../jobs/job-queue.js';
import type { SyncJobData } from '../sync/sync-job.js';

/**
 * A sync job in the dead-letter queue, as `JobQueue.list` returns it: its data, when it was
 * dead-lettered, and pg-boss's record of the last failure (`output`).
 *
 * @example const job: DeadLetter = { id, data: { connectionId, entity: 'orders', kind: 'full' }, retryCount: 0, retryLimit: 0, createdOn: new Date() };
 */
export type DeadLetter = QueuedJob<SyncJobData> & { createdOn: Date; output?: unknown };
