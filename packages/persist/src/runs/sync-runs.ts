import { PortageError } from '@portage/core';
import { sql, type Kysely, type Selectable } from 'kysely';
import { assertUuid } from '../database/assert-uuid.js';
import { isUuid } from '../database/is-uuid.js';
import type { PortageTables, SyncRunEntitiesTable, SyncRunKind, SyncRunStatus, SyncRunsTable } from '../database/tables.js';
import type { RunError } from './run-error.js';

/**
 * Counters to add to one entity of a run, and optionally one error to append.
 *
 * @example const delta: EntityProgress = { created: 10, unchanged: 90, pages: 1 };
 */
export interface EntityProgress {
  created?: number;
  updated?: number;
  unchanged?: number;
  deleted?: number;
  pages?: number;
  error?: RunError;
}

/**
 * The totals of one entity within a run.
 *
 * @example const orders = run.entities.find((entity) => entity.entity === 'order');
 */
export interface SyncRunEntity {
  entity: string;
  created: number;
  updated: number;
  unchanged: number;
  deleted: number;
  pages: number;
  /** The first {@link MAX_RUN_ERRORS} errors, oldest first. */
  errors: RunError[];
}

/**
 * A sync run with its per-entity totals.
 *
 * @example const run: SyncRun | undefined = await getRun(database.db, runId);
 */
export interface SyncRun {
  id: string;
  connectionId: string;
  kind: SyncRunKind;
  status: SyncRunStatus;
  startedAt: Date;
  finishedAt: Date | null;
  error: RunError | null;
  /** Ordered by entity name. */
  entities: SyncRunEntity[];
}

/**
 * How many errors a run keeps per entity. A run failing on every record would otherwise
 * rewrite an ever-growing JSON array on every page; the first errors explain the rest.
 *
 * @example if (orders.errors.length === MAX_RUN_ERRORS) console.warn('more errors were dropped');
 */
export const MAX_RUN_ERRORS = 100;

const COUNTERS = ['created', 'updated', 'unchanged', 'deleted', 'pages'] as const;

/**
 * Records the start of a run and returns its id.
 *
 * @example const runId = await startRun(database.db, { connectionId, kind: 'full' });
 */
export async function startRun(executor: Kysely<PortageTables>, input: { connectionId: string; kind: SyncRunKind }): Promise<string> {
  assertUuid(input.connectionId, 'connectionId');
  if (input.kind !== 'full' && input.kind !== 'incremental') {
    throw new PortageError('VALIDATION_FAILED', 'run kind must be "full" or "incremental"', { context: { kind: input.kind } });
  }
  const row = await executor
    .insertInto('sync_runs')
    .values({ connection_id: input.connectionId, kind: input.kind })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/**
 * Adds to an entity's counters (creating its row on first use) and appends `delta.error`.
 * One atomic upsert, so pages finishing at once on several workers all count. Pass the
 * page's transaction so the counts commit with the records they describe.
 *
 * @example await addEntityProgress(trx, runId, 'order', { ...writeResult, pages: 1 });
 */
export async function addEntityProgress(
  executor: Kysely<PortageTables>,
  runId: string,
  entity: string,
  delta: EntityProgress,
): Promise<void> {
  assertUuid(runId, 'runId');
  if (typeof entity !== 'string' || entity === '') {
    throw new PortageError('VALIDATION_FAILED', 'entity must be a non-empty string such as "order"');
  }
  const counts = Object.fromEntries(COUNTERS.map((name) => [name, count(delta[name], name)])) as Record<
    (typeof COUNTERS)[number],
    number
  >;
  const upsert = executor
    .insertInto('sync_run_entities')
    .values({ run_id: runId, entity, ...counts, errors: JSON.stringify(delta.error ? [delta.error] : []) })
    .onConflict((conflict) =>
      conflict.columns(['run_id', 'entity']).doUpdateSet((eb) => ({
        created: eb('sync_run_entities.created', '+', eb.ref('excluded.created')),
        updated: eb('sync_run_entities.updated', '+', eb.ref('excluded.updated')),
        unchanged: eb('sync_run_entities.unchanged', '+', eb.ref('excluded.unchanged')),
        deleted: eb('sync_run_entities.deleted', '+', eb.ref('excluded.deleted')),
        pages: eb('sync_run_entities.pages', '+', eb.ref('excluded.pages')),
        errors: sql<string>`case when jsonb_array_length(${eb.ref('sync_run_entities.errors')}) < ${MAX_RUN_ERRORS}
          then ${eb.ref('sync_run_entities.errors')} || ${eb.ref('excluded.errors')}
          else ${eb.ref('sync_run_entities.errors')} end`,
      })),
    );
  try {
    await upsert.execute();
  } catch (cause) {
    if ((cause as { code?: unknown }).code === '23503') runNotFound(runId, cause);
    throw cause;
  }
}

/**
 * Marks a run finished. The first finish wins: finishing again (a retry after a crash) changes
 * nothing.
 *
 * @throws PortageError NOT_FOUND when the run does not exist.
 * @example await finishRun(database.db, runId, 'failed', { code: 'AUTH_INVALID', action: 'alert_customer', message: 'token revoked', at: new Date().toISOString() });
 */
export async function finishRun(
  executor: Kysely<PortageTables>,
  runId: string,
  status: 'succeeded' | 'failed',
  error?: RunError,
): Promise<void> {
  if (status !== 'succeeded' && status !== 'failed') {
    throw new PortageError('VALIDATION_FAILED', 'a run finishes as "succeeded" or "failed"', { context: { status } });
  }
  if (!isUuid(runId)) runNotFound(runId);
  const result = await executor
    .updateTable('sync_runs')
    .set({ status, finished_at: sql<Date>`now()`, error: error === undefined ? null : JSON.stringify(error) })
    .where('id', '=', runId)
    .where('status', '=', 'running')
    .executeTakeFirst();
  if (result.numUpdatedRows > 0n) return;
  const exists = await executor.selectFrom('sync_runs').select('id').where('id', '=', runId).executeTakeFirst();
  if (!exists) runNotFound(runId);
}

/**
 * One run with its per-entity rows, or `undefined`.
 *
 * @example const run = await getRun(database.db, runId);
 */
export async function getRun(executor: Kysely<PortageTables>, runId: string): Promise<SyncRun | undefined> {
  if (!isUuid(runId)) return undefined;
  const row = await executor.selectFrom('sync_runs').selectAll().where('id', '=', runId).executeTakeFirst();
  if (!row) return undefined;
  const [run] = await withEntities(executor, [row]);
  return run;
}

/**
 * The latest runs of a connection, newest first, with their per-entity rows.
 *
 * @example const recent = await listRuns(database.db, connectionId, 20);
 */
export async function listRuns(executor: Kysely<PortageTables>, connectionId: string, limit: number): Promise<SyncRun[]> {
  assertUuid(connectionId, 'connectionId');
  if (!Number.isInteger(limit) || limit < 1 || limit > 1000) {
    throw new PortageError('VALIDATION_FAILED', 'limit must be an integer from 1 to 1000', { context: { limit } });
  }
  const rows = await executor
    .selectFrom('sync_runs')
    .selectAll()
    .where('connection_id', '=', connectionId)
    .orderBy('started_at', 'desc')
    .orderBy('id', 'desc')
    .limit(limit)
    .execute();
  return withEntities(executor, rows);
}

async function withEntities(executor: Kysely<PortageTables>, runs: Selectable<SyncRunsTable>[]): Promise<SyncRun[]> {
  if (runs.length === 0) return [];
  const entityRows = await executor
    .selectFrom('sync_run_entities')
    .selectAll()
    .where(
      'run_id',
      'in',
      runs.map((run) => run.id),
    )
    .orderBy('entity')
    .execute();
  const byRun = new Map<string, SyncRunEntity[]>();
  for (const row of entityRows) {
    const list = byRun.get(row.run_id) ?? [];
    list.push(toEntity(row));
    byRun.set(row.run_id, list);
  }
  return runs.map((run) => ({
    id: run.id,
    connectionId: run.connection_id,
    kind: run.kind,
    status: run.status,
    startedAt: run.started_at,
    finishedAt: run.finished_at,
    error: run.error,
    entities: byRun.get(run.id) ?? [],
  }));
}

function toEntity(row: Selectable<SyncRunEntitiesTable>): SyncRunEntity {
  return {
    entity: row.entity,
    created: row.created,
    updated: row.updated,
    unchanged: row.unchanged,
    deleted: row.deleted,
    pages: row.pages,
    errors: row.errors,
  };
}

function count(value: number | undefined, name: string): number {
  if (value === undefined) return 0;
  if (!Number.isInteger(value) || value < 0) {
    throw new PortageError('VALIDATION_FAILED', `${name} must be a non-negative integer`, { context: { [name]: value } });
  }
  return value;
}

function runNotFound(runId: string, cause?: unknown): never {
  throw new PortageError('NOT_FOUND', `sync run ${String(runId)} does not exist: pass the id startRun returned`, {
    cause,
    context: { runId },
  });
}
