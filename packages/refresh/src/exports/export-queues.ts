import type { JobQueue, QueueOptions } from '../jobs/job-queue.js';
import { DEAD_LETTER_QUEUE_OPTIONS } from '../worker/sync-queues.js';

export const EXPORT_QUEUE = 'portage-export';
export const EXPORT_DEAD_LETTER_QUEUE = 'portage-export-dlq';

/**
 * Any number of export jobs queued (each is one record; several exports of one record are
 * ordered by their sequence number, not by the queue); four attempts with backoff, then the
 * dead-letter queue. A retry is safe: it reuses the attempt's idempotency key and body.
 *
 * @example await queue.ensureQueue(EXPORT_QUEUE, EXPORT_QUEUE_OPTIONS);
 */
export const EXPORT_QUEUE_OPTIONS: QueueOptions = {
  retryLimit: 3,
  retryDelaySeconds: 2,
  retryBackoff: true,
  deadLetter: EXPORT_DEAD_LETTER_QUEUE,
  expireInSeconds: 15 * 60,
};

/**
 * Creates the export queue and its dead-letter queue (pg-boss 10 refuses jobs for queues that
 * do not exist).
 *
 * @example await ensureExportQueues(queue); await queue.send(EXPORT_QUEUE, data);
 */
export async function ensureExportQueues(queue: JobQueue, overrides: Partial<QueueOptions> = {}): Promise<void> {
  await queue.ensureQueue(EXPORT_DEAD_LETTER_QUEUE, DEAD_LETTER_QUEUE_OPTIONS);
  await queue.ensureQueue(EXPORT_QUEUE, { ...EXPORT_QUEUE_OPTIONS, ...overrides });
}
