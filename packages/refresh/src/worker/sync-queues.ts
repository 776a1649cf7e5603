import type { JobQueue, QueueOptions } from '../jobs/job-queue.js';

export const SYNC_QUEUE = 'portage-sync';
export const SYNC_DEAD_LETTER_QUEUE = 'portage-sync-dlq';

/**
 * One job per (connection, entity) active at a time; three retries with backoff, then the
 * dead-letter queue. A job carries a whole window and streams many pages, so a retry resumes
 * from the checkpoint rather than starting over.
 */
export const SYNC_QUEUE_OPTIONS: QueueOptions = {
  singletonPerKey: true,
  retryLimit: 3,
  retryDelaySeconds: 2,
  retryBackoff: true,
  deadLetter: SYNC_DEAD_LETTER_QUEUE,
  expireInSeconds: 60 * 60,
};

export const DEAD_LETTER_QUEUE_OPTIONS: QueueOptions = { retryLimit: 0, retryDelaySeconds: 0, retryBackoff: false };

/**
 * Creates the sync queue and its dead-letter queue. pg-boss 10 refuses jobs for queues that
 * do not exist, and a `sync` or a dead-letter replay may come before any worker started.
 *
 * @example await ensureSyncQueues(queue); await queue.send(SYNC_QUEUE, data);
 */
export async function ensureSyncQueues(queue: JobQueue, overrides: Partial<QueueOptions> = {}): Promise<void> {
  await queue.ensureQueue(SYNC_DEAD_LETTER_QUEUE, DEAD_LETTER_QUEUE_OPTIONS);
  await queue.ensureQueue(SYNC_QUEUE, { ...SYNC_QUEUE_OPTIONS, ...overrides });
}
