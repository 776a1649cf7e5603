import type { PortageDatabase, PortageTables } from '@portage/persist';
import { sql, type Kysely } from 'kysely';

/**
 * Runs `work` in a transaction holding the token lock of one connection, so one worker at a
 * time, across every process and machine on the database, may refresh that connection's
 * OAuth tokens. The lock goes with the transaction, on commit, rollback or a lost connection.
 *
 * An advisory lock rather than `SELECT ... FOR UPDATE` on the connection row: the credentials
 * are read and written through the connection store, which runs its own statements outside
 * this transaction, and a row lock held here would make the store's own update wait on it.
 * Two ids that share a hash only wait for each other, which is harmless.
 *
 * @example
 * const token = await withTokenLock(database, connectionId, async (trx) => {
 *   // re-read the credentials: another worker may have refreshed them while we waited
 * });
 */
export function withTokenLock<T>(
  database: PortageDatabase,
  connectionId: string,
  work: (trx: Kysely<PortageTables>) => Promise<T>,
): Promise<T> {
  return database.db.transaction().execute(async (trx) => {
    await sql`select pg_advisory_xact_lock(hashtext(${`portage-token:${connectionId}`}))`.execute(trx);
    return work(trx);
  });
}
