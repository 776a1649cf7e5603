import type { JobQueue } from '../jobs/job-queue.js';
import type { SyncJobData } from '../sync/sync-job.js';
import { SYNC_DEAD_LETTER_QUEUE } from '../worker/sync-queues.js';
import type { DeadLetter } from './dead-letter.js';

/**
 * The dead-lettered sync jobs, oldest first, at most `limit`. Reads only: nothing is
 * activated or removed.
 *
 * @example const jobs = await listDeadLetters(queue, 100);
 */
export function listDeadLetters(queue: Pick<JobQueue, 'list'>, limit: number): Promise<DeadLetter[]> {
  return queue.list<SyncJobData>(SYNC_DEAD_LETTER_QUEUE, limit);
}
