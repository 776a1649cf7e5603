import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadSpec, readSpecLock } from '@portage/codegen';
import type { Connector, Credentials } from '@portage/core';
import { PortageError } from '@portage/core';
import { createLogger, createUndiciTransport, type Transport } from '@portage/fetch';
import {
  createConnectionStore,
  createCredentialCipher,
  createDatabase,
  migrateToLatest,
  type PortageDatabase,
} from '@portage/persist';
import { createConnectionClients, exportRecord, runSyncJob, type ExportInput, type ExportResult, type SyncJobData, type SyncJobResult } from '@portage/refresh';
import { startSpecServer, type SpecHandlers, type SpecServer } from '@portage/spec-server';

const WORKSPACE_ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const DATABASE_URL = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

export interface SpecSyncWorldOptions {
  /** The folder under specs/: the spec is loaded from the source pinned there, hash checked. */
  platform: string;
  connector: Connector;
  credentials: Credentials;
  /** The connection's tenant (sent as the connector's tenant header, if it has one). */
  tenant?: string;
  handlers: SpecHandlers;
  /**
   * Keeps the connector's real base URL and sends its requests through `wrap(toServer)`, where
   * `toServer` moves each request from the platform's origin to the server's: a recorder
   * wrapped around it captures traffic that reads as the platform's own.
   */
  transport?: (toServer: Transport) => Transport;
}

/** A stored record, as a connector test compares it. */
export interface StoredRecord {
  externalId: string;
  data: unknown;
  deleted: boolean;
}

/**
 * One connector against a server speaking its pinned spec: every request the connector sends
 * and every response the handlers give is validated against that spec, and syncs and exports
 * run through the real fetch client, refresh job and Postgres store.
 */
export interface SpecSyncWorld {
  server: SpecServer;
  database: PortageDatabase;
  connectionId: string;
  /** Runs one sync job of `entity` (full unless said otherwise) to completion. */
  sync(entity: string, job?: Partial<Pick<SyncJobData, 'kind' | 'since' | 'pageSize'>>): Promise<SyncJobResult>;
  /** The stored records of an entity, by external id. */
  records(entity: string): Promise<StoredRecord[]>;
  /** Writes one unified record to the platform through the connection (refresh's `exportRecord`). */
  exportRecord(input: Omit<ExportInput, 'connectionId'>): Promise<ExportResult>;
  close(): Promise<void>;
}

/**
 * Starts the spec server, a schema of its own in Postgres and a connection, with the
 * connector's base URL pointed at the server.
 *
 * @example
 * const world = await startSpecSyncWorld({ platform: 'stripe', connector: stripe, credentials, handlers });
 * await world.sync('charges');
 * world.server.assertNoViolations();
 */
export async function startSpecSyncWorld(options: SpecSyncWorldOptions): Promise<SpecSyncWorld> {
  const lock = await readSpecLock(join(WORKSPACE_ROOT, 'specs', options.platform, 'spec.lock.json'));
  const spec = await loadSpec(lock.source, { cwd: WORKSPACE_ROOT, workspaceRoot: WORKSPACE_ROOT, expectedSha256: lock.sha256 });
  const server = await startSpecServer({ document: spec.document, refs: spec.refs, handlers: options.handlers });
  const schema = `portage_e2e_${options.platform.replace(/[^a-z0-9]/g, '_')}_${randomBytes(4).toString('hex')}`;
  const database = createDatabase({ connectionString: DATABASE_URL, schema });
  await migrateToLatest(database);
  const connections = createConnectionStore(database, createCredentialCipher(randomBytes(32).toString('base64')));
  const routed = options.transport === undefined ? undefined : routeToServer(options.connector.baseUrl, server.url);
  const connector: Connector = routed ? options.connector : { ...options.connector, baseUrl: server.url };
  const connection = await connections.create({ platform: connector.name, tenant: options.tenant ?? 'tenant-e2e', credentials: options.credentials });
  const logger = createLogger({ level: 'silent' });
  // Short retries: a spec violation answered with an error should fail the test, not stall it.
  const clients = createConnectionClients({ database, connections, logger, fetchOptions: {
      retry: { maxAttempts: 2, baseDelayMs: 10, maxDelayMs: 50 },
      ...(routed && options.transport ? { transport: options.transport(routed.transport) } : {}),
    },
  });
  const context = {
    database,
    connectors: { [connector.name]: connector },
    getConnection: (id: string) => connections.get(id),
    clientFor: clients.clientFor,
    logger,
  };

  return {
    server,
    database,
    connectionId: connection.id,
    sync: (entity, job = {}) => runSyncJob(context, { connectionId: connection.id, entity, kind: 'full', ...job }),
    exportRecord: (input) => exportRecord(context, { connectionId: connection.id, ...input }),
    records: async (entity) => {
      const rows = await database.db
        .selectFrom('records')
        .select(['external_id', 'data', 'deleted_at'])
        .where('connection_id', '=', connection.id)
        .where('entity', '=', entity)
        .orderBy('external_id')
        .execute();
      return rows.map((row) => ({ externalId: row.external_id, data: row.data, deleted: row.deleted_at !== null }));
    },
    close: async () => {
      await clients.closeAll();
      await routed?.close();
      await server.close();
      await database.db.schema.dropSchema(schema).ifExists().cascade().execute();
      await database.destroy();
    },
  };
}

/** A transport that sends requests for the platform's origin to the spec server instead. */
function routeToServer(platformBaseUrl: string, serverUrl: string): { transport: Transport; close(): Promise<void> } {
  const platform = new URL(platformBaseUrl).origin;
  const server = new URL(serverUrl).origin;
  const inner = createUndiciTransport();
  return {
    transport: (request) => {
      const url = new URL(request.url);
      if (url.origin !== platform) {
        throw new PortageError('CONFIG_INVALID', `${request.method} ${request.url} is not on ${platform}: the spec server plays only the connector's base URL`);
      }
      return inner({ ...request, url: `${server}${url.pathname}${url.search}` });
    },
    close: () => inner.close(),
  };
}
