import type { RunError } from '@portage/persist';

/**
 * Where the sync of one entity stands, as `sync` shows it. `no-run` is a job that ended
 * without recording a run (it failed before starting one; the worker's log says why).
 *
 * @example const state: EntitySyncState = 'running';
 */
export type EntitySyncState = 'queued' | 'running' | 'succeeded' | 'failed' | 'no-run';

/**
 * One entity's progress: its run's counters so far.
 *
 * @example const view: EntityProgress = { entity: 'orders', state: 'running', pages: 12, created: 5000, updated: 0, unchanged: 0, deleted: 0, errorCount: 0 };
 */
export interface EntityProgress {
  entity: string;
  state: EntitySyncState;
  runId?: string;
  pages: number;
  created: number;
  updated: number;
  unchanged: number;
  deleted: number;
  /** Errors recorded for the entity (rejected records, failed attempts). */
  errorCount: number;
  /** The run's error if it failed, else the entity's latest one. */
  lastError?: RunError;
}
