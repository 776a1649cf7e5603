import type { PortageDatabase } from '../src/index.js';

/**
 * Inserts a bare connection row (credentials not encrypted: tests of records do not read
 * them) and returns its id, for tests that need a connection to hang records on.
 *
 * @example const connectionId = await insertConnection(database);
 */
export async function insertConnection(database: PortageDatabase, tenant = 'tenant'): Promise<string> {
  const row = await database.db
    .insertInto('connections')
    .values({ platform: 'test-platform', tenant, credentials: 'not-encrypted-test-value' })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}
