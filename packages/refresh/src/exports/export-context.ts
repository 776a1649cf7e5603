import type { Connector } from '@portage/core';
import type { FetchClient, Logger } from '@portage/fetch';
import type { Connection, PortageDatabase } from '@portage/persist';

/**
 * Export requests one connection may have in flight at once, across every worker process,
 * unless configured otherwise.
 *
 * @example const limit = options.exportConcurrency ?? DEFAULT_EXPORT_CONCURRENCY; // 5
 */
export const DEFAULT_EXPORT_CONCURRENCY = 5;

/**
 * What an export needs from its worker: the store, the connectors, a client per connection,
 * and the per-connection concurrency limit.
 *
 * @example const context: ExportContext = { database, connectors, getConnection: (id) => connections.get(id), clientFor: clients.clientFor, logger };
 */
export interface ExportContext {
  database: PortageDatabase;
  connectors: Readonly<Record<string, Connector>>;
  getConnection(id: string): Promise<Connection>;
  clientFor(connection: Connection, connector: Connector): Promise<FetchClient>;
  logger: Logger;
  /** Export requests a connection may have in flight at once across all workers (default 5). */
  concurrencyFor?: (connection: Connection) => number | Promise<number>;
  /** How long a concurrency slot's lease lasts unless renewed (renewed every third of it; default 60 s). */
  slotLeaseMs?: number;
  /** Longest wait for a free slot before the export is rescheduled (default 5 minutes). */
  slotMaxWaitMs?: number;
}
