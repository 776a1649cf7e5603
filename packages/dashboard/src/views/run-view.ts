import type { SyncRun } from '@portage/persist';

/**
 * Record counts as the dashboard names them ("added" is what the store calls `created`).
 *
 * @example const counts: RecordCounts = { added: 5, updated: 1, unchanged: 90, deleted: 0 };
 */
export interface RecordCounts {
  added: number;
  updated: number;
  unchanged: number;
  deleted: number;
}

/**
 * One run as the API returns it: totals, per-entity counts and duration.
 *
 * @example const first: RunView['entities'][number] = { entity: 'orders', added: 5, updated: 0, unchanged: 0, deleted: 0, pages: 1, errors: 0 };
 */
export interface RunView {
  id: string;
  connectionId: string;
  kind: string;
  status: string;
  startedAt: string;
  finishedAt: string | null;
  /** Null while the run is going. */
  durationMs: number | null;
  totals: RecordCounts & { pages: number; errors: number };
  entities: Array<RecordCounts & { entity: string; pages: number; errors: number }>;
}

/**
 * Pure: a stored run as a {@link RunView}.
 *
 * @example const view = toRunView(await getRun(database.db, runId));
 */
export function toRunView(run: SyncRun): RunView {
  const entities = run.entities.map((entity) => ({
    entity: entity.entity,
    added: entity.created,
    updated: entity.updated,
    unchanged: entity.unchanged,
    deleted: entity.deleted,
    pages: entity.pages,
    errors: entity.errors.length,
  }));
  const totals = { added: 0, updated: 0, unchanged: 0, deleted: 0, pages: 0, errors: 0 };
  for (const entity of entities) {
    for (const key of Object.keys(totals) as Array<keyof typeof totals>) totals[key] += entity[key];
  }
  return {
    id: run.id,
    connectionId: run.connectionId,
    kind: run.kind,
    status: run.status,
    startedAt: run.startedAt.toISOString(),
    finishedAt: run.finishedAt?.toISOString() ?? null,
    durationMs: run.finishedAt ? run.finishedAt.getTime() - run.startedAt.getTime() : null,
    totals,
    entities,
  };
}
