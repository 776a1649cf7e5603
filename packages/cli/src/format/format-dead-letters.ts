import type { QueuedJob, SyncJobData } from '@portage/refresh';
import { describeJobFailure } from './describe-job-failure.js';
import { formatInstant } from './format-instant.js';
import { formatTable } from './format-table.js';

/**
 * A job in the dead-letter queue, as `JobQueue.list` returns it.
 *
 * @example const job: DeadLetter = { id, data: { connectionId, entity: 'orders', kind: 'full' }, retryCount: 0, retryLimit: 0, createdOn: new Date() };
 */
export type DeadLetter = QueuedJob<SyncJobData> & { createdOn: Date; output?: unknown };

/**
 * Pure: dead-lettered sync jobs as a table, oldest first, with the error that sent each there.
 *
 * @example formatDeadLetters(jobs); // 'JOB  CREATED  CONNECTION  ENTITY  KIND  ERROR\n...'
 */
export function formatDeadLetters(jobs: readonly DeadLetter[]): string {
  if (jobs.length === 0) return 'the dead-letter queue is empty\n';
  const rows = jobs.map((job) => [job.id, formatInstant(job.createdOn), job.data.connectionId, job.data.entity, job.data.kind, describeJobFailure(job.output)]);
  return formatTable(['JOB', 'CREATED', 'CONNECTION', 'ENTITY', 'KIND', 'ERROR'], rows);
}
