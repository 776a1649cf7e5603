/** What one sync job does: one entity of one connection, a full pass or an incremental read. */
export interface SyncJobData {
  connectionId: string;
  entity: string;
  kind: 'full' | 'incremental';
  /** ISO instant: only records modified since then (window start, or last run minus overlap). */
  since?: string;
  /** The run this job counts towards; the worker starts one when absent. */
  runId?: string;
  pageSize?: number;
}

/** The job's singleton key: one entity of one connection never syncs twice at once. */
export function syncJobKey(data: Pick<SyncJobData, 'connectionId' | 'entity'>): string {
  return `${data.connectionId}:${data.entity}`;
}

/** Where a job's resumable state is kept (the checkpoint's window key). */
export function checkpointWindow(kind: SyncJobData['kind']): string {
  return kind;
}

/** The per-entity marks the planner reads: when the last full pass and incremental finished. */
export const MARKS_WINDOW = 'marks';

export interface SyncMarks {
  lastFullCompletedAt?: string;
  lastIncrementalAt?: string;
  fullPass?: { startedAt: string; since?: string };
}
