import type { Kysely } from 'kysely';
import type { PortageTables } from './tables.js';

/**
 * The database's clock. Rows are stamped by it (`now()`), so anything compared with those
 * stamps (a full pass's start, "runs since this sync began") must be read from it too,
 * whatever the worker's clock says.
 *
 * @example const passStartedAt = await databaseNow(database.db);
 */
export async function databaseNow(executor: Kysely<PortageTables>): Promise<Date> {
  // Through Kysely, not a pool: an embedded store has no pool to query.
  const row = await executor.selectNoFrom((eb) => eb.fn<Date>('now').as('now')).executeTakeFirstOrThrow();
  return row.now;
}

/**
 * When the database server last started. UNLOGGED tables (`sync_seen`) are emptied by crash
 * recovery, so work that relies on them across transactions must notice a restart.
 *
 * @example const bootedAt = await serverStartedAt(database.db);
 */
export async function serverStartedAt(executor: Kysely<PortageTables>): Promise<Date> {
  const row = await executor.selectNoFrom((eb) => eb.fn<Date>('pg_postmaster_start_time').as('started')).executeTakeFirstOrThrow();
  return row.started;
}
