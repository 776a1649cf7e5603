import type { SyncRun } from '@portage/persist';
import type { EntityProgress } from './entity-progress.js';

const empty = { pages: 0, created: 0, updated: 0, unchanged: 0, deleted: 0, errorCount: 0 };

/**
 * Pure: each entity's progress, read from a connection's latest runs (newest first). An
 * entity's run is the newest that has a row for it and that belongs to this sync: started
 * since `since`, finished since, or still running (a job resumed from a checkpoint goes on
 * counting in the run it started earlier). Entities in `done` without such a run are `no-run`.
 * `outcomes` overrides the state taken from the run: entities that share one run (an inline
 * sync) each end their own way.
 *
 * @example
 * pickEntityProgress(await listRuns(db, connectionId, 50), ['orders'], { since: startedAt, done: new Set() });
 * // [{ entity: 'orders', state: 'running', pages: 3, created: 1500, ... }]
 */
export function pickEntityProgress(
  runs: readonly SyncRun[],
  entities: readonly string[],
  options: { since: Date; done: ReadonlySet<string>; outcomes?: ReadonlyMap<string, 'succeeded' | 'failed'> },
): EntityProgress[] {
  const since = options.since.getTime();
  const current = runs.filter(
    (run) => run.status === 'running' || run.startedAt.getTime() >= since || (run.finishedAt !== null && run.finishedAt.getTime() >= since),
  );
  return entities.map((entity): EntityProgress => {
    for (const run of current) {
      const row = run.entities.find((candidate) => candidate.entity === entity);
      if (!row) continue;
      const lastError = row.errors[row.errors.length - 1] ?? run.error ?? undefined;
      return {
        entity,
        state: options.outcomes?.get(entity) ?? run.status,
        runId: run.id,
        pages: row.pages,
        created: row.created,
        updated: row.updated,
        unchanged: row.unchanged,
        deleted: row.deleted,
        errorCount: row.errors.length,
        ...(lastError ? { lastError } : {}),
      };
    }
    return { entity, state: options.done.has(entity) ? 'no-run' : 'queued', ...empty };
  });
}
