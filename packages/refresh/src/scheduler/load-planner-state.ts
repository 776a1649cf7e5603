import { loadCheckpoint, type PortageDatabase } from '@portage/persist';
import type { JobQueue } from '../jobs/job-queue.js';
import type { EntityRefreshState, PlannerState } from '../planner/index.js';
import { checkpointWindow, MARKS_WINDOW, syncJobKey, type SyncMarks } from '../sync/sync-job.js';
import { SYNC_QUEUE } from '../worker/sync-queues.js';

/** The checkpoint a full pass leaves between pages (see run-sync-job). */
interface FullPassCheckpoint {
  since?: string;
  startedAt: string;
}

/**
 * What the planner needs to know of one connection, read from the store (checkpoints and
 * marks) and the queue (what is pending).
 *
 * @example const state = await loadPlannerState(database, queue, connectionId, ['orders', 'products']);
 */
export async function loadPlannerState(database: PortageDatabase, queue: JobQueue, connectionId: string, entities: readonly string[]): Promise<PlannerState> {
  const state: PlannerState = { entities: {} };
  for (const entity of entities) {
    const marks = ((await loadCheckpoint(database.db, { connectionId, entity, windowKey: MARKS_WINDOW }))?.state ?? {}) as SyncMarks;
    const pass = await loadCheckpoint(database.db, { connectionId, entity, windowKey: checkpointWindow('full') });
    const passState = pass?.state as FullPassCheckpoint | undefined;
    const entry: EntityRefreshState = {
      running: await queue.pending(SYNC_QUEUE, syncJobKey({ connectionId, entity })),
      ...(marks.lastFullCompletedAt ? { lastFullCompletedAt: marks.lastFullCompletedAt } : {}),
      ...(marks.lastIncrementalAt ? { lastIncrementalAt: marks.lastIncrementalAt } : {}),
    };
    if (passState) {
      entry.fullPass = { startedAt: passState.startedAt, complete: false, checkpoint: pass?.state, ...(passState.since ? { since: passState.since } : {}) };
    } else if (marks.lastFullCompletedAt) {
      entry.fullPass = { startedAt: marks.lastFullCompletedAt, complete: true };
    }
    state.entities[entity] = entry;
  }
  return state;
}
