import type { ColumnType, Generated } from 'kysely';

/**
 * How the last export of a local record ended, or that one is in progress.
 *
 * @example const state: ExportLinkState = 'conflict';
 */
export type ExportLinkState = 'pending' | 'created' | 'updated' | 'conflict' | 'failed';

type NullableTimestamp = ColumnType<Date | null, Date | null | undefined, Date | null>;
type NullableJson<T> = ColumnType<T | null, string | null | undefined, string | null>;

/**
 * `export_links`: one local record of the caller's system (its `local_key`) and the platform
 * record it was written to, with the state of the export attempt in progress.
 *
 * @example await db.selectFrom('export_links').selectAll().where('state', '=', 'conflict').execute();
 */
export interface ExportLinksTable {
  connection_id: string;
  entity: string;
  local_key: string;
  external_id: string | null;
  state: Generated<ExportLinkState>;
  /** bigint: `pg` reads it as a string. */
  requested_seq: ColumnType<string, string | number | undefined, string | number>;
  idempotency_key: string | null;
  /** Content hash of the record the attempt in progress writes. */
  attempt_hash: string | null;
  /** The request body of the attempt in progress, resent as is by its retries. */
  attempt_body: NullableJson<unknown>;
  create_sent_at: NullableTimestamp;
  /** Content hash of the record last written successfully. */
  exported_hash: string | null;
  /** The platform's updated-at of the record as the last successful write left it. */
  remote_updated_at: NullableTimestamp;
  /** Hash (updatedAt left out) of the platform's record, mapped, as the last write left it. */
  remote_hash: string | null;
  last_error: NullableJson<Record<string, unknown>>;
  exported_at: NullableTimestamp;
  /** Who is exporting this record right now (one export of a record at a time), and until when. */
  lease_holder: string | null;
  lease_until: NullableTimestamp;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
}

/**
 * `export_slots`: leases on a connection's export concurrency slots (0..limit-1).
 *
 * @example await db.selectFrom('export_slots').selectAll().where('connection_id', '=', id).execute();
 */
export interface ExportSlotsTable {
  connection_id: string;
  slot: number;
  holder: string;
  expires_at: Date;
}

/**
 * The export tables, merged into `PortageTables`.
 *
 * @example const db: Kysely<ExportTables> = database.db;
 */
export interface ExportTables {
  export_links: ExportLinksTable;
  export_slots: ExportSlotsTable;
}
