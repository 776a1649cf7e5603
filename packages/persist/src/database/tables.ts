import type { ColumnType, Generated, GeneratedAlways } from 'kysely';
import type { RunError } from '../runs/run-error.js';
import type { WebhookTables } from '../webhooks/webhook-tables.js';
import type { ExportTables } from '../exports/export-tables.js';

/**
 * How well a connection works. `needs_reauth` waits for the customer; `disabled` is a
 * deliberate stop.
 *
 * @example const health: ConnectionHealth = 'degraded';
 */
export type ConnectionHealth = 'healthy' | 'degraded' | 'needs_reauth' | 'disabled';

/**
 * A full run reads every record (and may sweep deletions); an incremental run reads changes.
 *
 * @example const kind: SyncRunKind = 'full';
 */
export type SyncRunKind = 'full' | 'incremental';

/**
 * Where a sync run stands.
 *
 * @example const status: SyncRunStatus = 'running';
 */
export type SyncRunStatus = 'running' | 'succeeded' | 'failed';

/**
 * What a change event reports. `health` events are about the connection itself, so they
 * carry no entity or external id.
 *
 * @example const kind: ChangeEventKind = 'updated';
 */
export type ChangeEventKind = 'created' | 'updated' | 'deleted' | 'health';

/**
 * A jsonb column: read back parsed, written as JSON text. Writing text (not objects) matters
 * because `pg` turns a JS array parameter into a Postgres array literal, not JSON.
 */
type JsonColumn<T> = ColumnType<T, string, string>;

/** A timestamp that may be null and may be left out on insert. */
type NullableTimestamp = ColumnType<Date | null, Date | null | undefined, Date | null>;

/**
 * `connections`: one customer's account on one platform.
 *
 * @example const row: Selectable<ConnectionsTable> = await db.selectFrom('connections').selectAll().executeTakeFirstOrThrow();
 */
export interface ConnectionsTable {
  id: Generated<string>;
  platform: string;
  tenant: string;
  /** Ciphertext from `createCredentialCipher().encrypt`, never plaintext. */
  credentials: string;
  health: Generated<ConnectionHealth>;
  health_reason: string | null;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
}

/**
 * `records`: the current unified copy of every platform record, soft-deleted when it vanishes.
 *
 * @example await db.selectFrom('records').select(['external_id', 'content_hash']).where('connection_id', '=', id).execute();
 */
export interface RecordsTable {
  connection_id: string;
  entity: string;
  external_id: string;
  data: JsonColumn<unknown>;
  /** sha256 hex of the canonical JSON of `data`. */
  content_hash: string;
  remote_updated_at: NullableTimestamp;
  first_seen_at: Generated<Date>;
  /** The last time its content was stored (unchanged records are not rewritten). */
  last_seen_at: Generated<Date>;
  deleted_at: NullableTimestamp;
}

/**
 * `sync_seen` (UNLOGGED): the external ids seen during one full pass. Emptied by Postgres
 * after a crash, which is why a full pass must not be resumed across a database crash.
 *
 * @example await db.selectFrom('sync_seen').select('external_id').where('pass_id', '=', passId).execute();
 */
export interface SyncSeenTable {
  pass_id: string;
  external_id: string;
}

/**
 * `checkpoints`: where a sync of one (connection, entity, window) stands.
 *
 * @example await db.selectFrom('checkpoints').selectAll().where('connection_id', '=', id).execute();
 */
export interface CheckpointsTable {
  connection_id: string;
  entity: string;
  window_key: string;
  state: JsonColumn<unknown>;
  pass_id: string | null;
  run_id: string | null;
  updated_at: Generated<Date>;
}

/**
 * `sync_runs`: one run of a sync for one connection.
 *
 * @example await db.selectFrom('sync_runs').selectAll().where('status', '=', 'running').execute();
 */
export interface SyncRunsTable {
  id: Generated<string>;
  connection_id: string;
  kind: SyncRunKind;
  status: Generated<SyncRunStatus>;
  started_at: Generated<Date>;
  finished_at: NullableTimestamp;
  error: ColumnType<RunError | null, string | null | undefined, string | null>;
}

/**
 * `sync_run_entities`: the counters and errors of one entity within one run.
 *
 * @example await db.selectFrom('sync_run_entities').selectAll().where('run_id', '=', runId).execute();
 */
export interface SyncRunEntitiesTable {
  run_id: string;
  entity: string;
  created: Generated<number>;
  updated: Generated<number>;
  unchanged: Generated<number>;
  deleted: Generated<number>;
  pages: Generated<number>;
  errors: ColumnType<RunError[], string | undefined, string>;
}

/**
 * `change_events`: the outbox. Written in the same transaction as the change it reports;
 * `id` is a bigint, which `pg` reads as a string.
 *
 * @example await db.selectFrom('change_events').selectAll().where('delivered_at', 'is', null).orderBy('id').execute();
 */
export interface ChangeEventsTable {
  id: GeneratedAlways<string>;
  connection_id: string;
  /** Null only for `health` events. */
  entity: string | null;
  /** Null only for `health` events. */
  external_id: string | null;
  kind: ChangeEventKind;
  /** created/updated/deleted: the unified record; health: `{ from, to, reason }`. */
  payload: JsonColumn<unknown>;
  run_id: string | null;
  created_at: Generated<Date>;
  delivered_at: NullableTimestamp;
  attempts: Generated<number>;
  next_attempt_at: Generated<Date>;
  last_error: string | null;
  dead_at: NullableTimestamp;
}

/**
 * Every table of `@portage/persist`, for `Kysely<PortageTables>`.
 *
 * @example
 * const db: Kysely<PortageTables> = createDatabase({ connectionString }).db;
 * await db.selectFrom('records').selectAll().execute();
 */
export interface PortageTables extends WebhookTables, ExportTables {
  connections: ConnectionsTable;
  records: RecordsTable;
  sync_seen: SyncSeenTable;
  checkpoints: CheckpointsTable;
  sync_runs: SyncRunsTable;
  sync_run_entities: SyncRunEntitiesTable;
  change_events: ChangeEventsTable;
}
