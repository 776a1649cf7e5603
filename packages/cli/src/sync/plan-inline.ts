import type { PortageDatabase } from '@portage/persist';
import { loadPlannerState, planNext, type PlannedJob, type RefreshConfig } from '@portage/refresh';
import { NO_QUEUE } from './no-queue.js';

/**
 * What the refresh config has due now, for an inline sync. Jobs run one after another in
 * priority order here, so the config's concurrency (a cap for parallel workers) is lifted:
 * every due entity is planned at once, and the order still puts the first entity first.
 *
 * @example const jobs = await planInline(database, connectionId, refresh, new Date());
 */
export async function planInline(database: PortageDatabase, connectionId: string, refresh: RefreshConfig, now: Date): Promise<PlannedJob[]> {
  const entities = refresh.entities.map((entity) => entity.entity);
  const state = await loadPlannerState(database, NO_QUEUE, connectionId, entities);
  const sequential: RefreshConfig = { entities: refresh.entities.map((entity) => ({ ...entity, concurrency: Number.MAX_SAFE_INTEGER })) };
  return planNext(sequential, state, now);
}
