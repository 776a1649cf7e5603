import type { QueueOptions } from '../jobs/job-queue.js';

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
