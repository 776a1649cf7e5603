import type { Kysely } from 'kysely';
import type { PortageTables } from './tables.js';

/**
 * Runs `work` in the caller's transaction when `executor` is one, else in a new transaction,
 * so a function made of several statements is atomic either way. Kysely cannot nest
 * transactions, hence the check instead of always calling `transaction()`.
 *
 * @example
 * await inTransaction(executor, async (trx) => {
 *   await trx.insertInto('records').values(row).execute();
 *   await trx.insertInto('change_events').values(event).execute();
 * });
 */
export async function inTransaction<T>(
  executor: Kysely<PortageTables>,
  work: (trx: Kysely<PortageTables>) => Promise<T>,
): Promise<T> {
  if (executor.isTransaction) return work(executor);
  return executor.transaction().execute(work);
}
