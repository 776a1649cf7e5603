import type { Connection, SyncRun } from '@portage/persist';
import { toRunView, type RunView } from './run-view.js';

/**
 * One connection on the overview: health, its last run and when it last synced successfully.
 *
 * @example const view: ConnectionView = toConnectionView(connection, runs);
 */
export interface ConnectionView {
  id: string;
  platform: string;
  tenant: string;
  health: string;
  healthReason: string | null;
  lastRun: RunView | null;
  /** When the newest succeeded run (among those loaded) finished. */
  lastSucceededAt: string | null;
  /** Failed runs among the runs loaded. */
  recentFailed: number;
  recentRuns: number;
}

/**
 * Pure: a connection and its latest runs (newest first) as a {@link ConnectionView}.
 *
 * @example toConnectionView(connection, await listRuns(db, connection.id, 20));
 */
export function toConnectionView(connection: Connection, runs: readonly SyncRun[]): ConnectionView {
  const [last] = runs;
  const succeeded = runs.find((run) => run.status === 'succeeded');
  return {
    id: connection.id,
    platform: connection.platform,
    tenant: connection.tenant,
    health: connection.health,
    healthReason: connection.healthReason,
    lastRun: last ? toRunView(last) : null,
    lastSucceededAt: succeeded?.finishedAt?.toISOString() ?? null,
    recentFailed: runs.filter((run) => run.status === 'failed').length,
    recentRuns: runs.length,
  };
}
