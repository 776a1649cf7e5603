import type { Connection, SyncRun } from '@portage/persist';

/**
 * One connection and its latest runs (newest first): what `status` shows.
 *
 * @example const status: ConnectionStatus = { connection, runs: await listRuns(db, connection.id, 5) };
 */
export interface ConnectionStatus {
  connection: Connection;
  runs: SyncRun[];
}
