import { PortageError } from '@portage/core';
import { createConnectionStore, listRuns, type Connection, type CredentialCipher, type PortageDatabase, type SyncRun } from '@portage/persist';

/**
 * Every connection with its latest runs (newest first): what the page and most of the API
 * are computed from.
 *
 * @example const { connections } = await loadSnapshot(database, 20);
 */
export interface Snapshot {
  connections: Array<{ connection: Connection; runs: SyncRun[] }>;
}

// The dashboard lists connections and never reads credentials: no key needed, none used.
const NO_CREDENTIALS: CredentialCipher = {
  encrypt: () => refuse(),
  decrypt: () => refuse(),
};

function refuse(): never {
  throw new PortageError('CONFIG_INVALID', 'the dashboard does not read or write credentials');
}

/**
 * Loads the connections (oldest first) and each one's latest `runsPerConnection` runs through
 * persist's own readers. One query per connection: fine for the hundreds of connections a
 * support team looks at, and the same code path as `portage status`.
 *
 * @example const snapshot = await loadSnapshot(database, 20);
 */
export async function loadSnapshot(database: PortageDatabase, runsPerConnection: number): Promise<Snapshot> {
  const store = createConnectionStore(database, NO_CREDENTIALS);
  const connections = await store.list();
  const runs = await Promise.all(connections.map((connection) => listRuns(database.db, connection.id, runsPerConnection)));
  return { connections: connections.map((connection, index) => ({ connection, runs: runs[index]! })) };
}
