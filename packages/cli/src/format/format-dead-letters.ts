import type { DeadLetter } from '@portage/refresh';
import { describeJobFailure } from './describe-job-failure.js';
import { formatInstant } from './format-instant.js';
import { formatTable } from './format-table.js';

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
