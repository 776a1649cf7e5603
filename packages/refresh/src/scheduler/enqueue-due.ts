import type { PortageDatabase } from '@portage/persist';
import type { RefreshConfig } from '../config/index.js';
import type { JobQueue } from '../jobs/job-queue.js';
import { planNext, type PlannedJob } from '../planner/index.js';
import { syncJobKey } from '../sync/sync-job.js';
import { SYNC_QUEUE } from '../worker/sync-queues.js';
import { loadPlannerState } from './load-planner-state.js';

/**
 * One scheduler tick for one connection: reads its state, asks the planner what is due, and
 * sends those jobs. Safe to run from several processes at once: the queue keeps at most one
 * queued job per (connection, entity).
 *
 * @example await enqueueDue({ database, queue, connectionId, config, now: new Date() });
 */
export async function enqueueDue(input: { database: PortageDatabase; queue: JobQueue; connectionId: string; config: RefreshConfig; now: Date }): Promise<PlannedJob[]> {
  const entities = input.config.entities.map((entity) => entity.entity);
  const state = await loadPlannerState(input.database, input.queue, input.connectionId, entities);
  const planned = planNext(input.config, state, input.now);
  for (const job of planned) {
    const data = {
      connectionId: input.connectionId,
      entity: job.entity,
      kind: job.kind,
      ...(job.since ? { since: job.since } : {}),
      ...(job.pageSize !== undefined ? { pageSize: job.pageSize } : {}),
    };
    await input.queue.send(SYNC_QUEUE, data, { singletonKey: syncJobKey(data) });
  }
  return planned;
}
