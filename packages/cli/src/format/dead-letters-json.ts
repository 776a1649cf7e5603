import type { DeadLetter, SyncJobData } from '@portage/refresh';
import { describeJobFailure } from './describe-job-failure.js';

/**
 * Pure: dead-lettered jobs as JSON-ready objects for `dlq list --format json`.
 *
 * @example JSON.stringify(deadLettersJson(jobs));
 */
export function deadLettersJson(jobs: readonly DeadLetter[]): { jobs: Array<{ id: string; createdOn: string; data: SyncJobData; error: string }> } {
  return { jobs: jobs.map((job) => ({ id: job.id, createdOn: job.createdOn.toISOString(), data: job.data, error: describeJobFailure(job.output) })) };
}
