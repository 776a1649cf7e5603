import type { PortageDatabase } from '@portage/persist';

/**
 * The database's clock. Runs are timestamped by it, so "runs since this sync began" must be
 * measured by it too, whatever this machine's clock says.
 *
 * @example const since = await databaseNow(database);
 */
export async function databaseNow(database: PortageDatabase): Promise<Date> {
  // Through Kysely, not the pool: an embedded store has no pool to query.
  const row = await database.db.selectNoFrom((eb) => eb.fn<Date>('now').as('now')).executeTakeFirst();
  return row?.now ?? new Date();
}
