import type { PortageDatabase } from '@portage/persist';
import type { SyncJobData } from '@portage/refresh';
import { incrementalSince } from './incremental-since.js';

/**
 * Incremental jobs without a `since` read from the entity's high-water mark instead of
 * everything; other jobs are returned as they are.
 *
 * @example const jobs = await fillIncrementalSince(database, [{ connectionId, entity: 'orders', kind: 'incremental' }]);
 */
export async function fillIncrementalSince(database: PortageDatabase, jobs: readonly SyncJobData[]): Promise<SyncJobData[]> {
  const filled: SyncJobData[] = [];
  for (const job of jobs) {
    const since = job.kind === 'incremental' && job.since === undefined ? await incrementalSince(database, job.connectionId, job.entity) : undefined;
    filled.push(since === undefined ? job : { ...job, since });
  }
  return filled;
}
