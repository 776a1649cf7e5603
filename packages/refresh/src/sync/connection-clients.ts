import type { Connector } from '@portage/core';
import { createFetchClient, createFetchTransport, type FetchClient, type FetchClientOptions, type Logger } from '@portage/fetch';
import type { Connection, ConnectionStore, PortageDatabase } from '@portage/persist';
import { createPersistedTokenProvider } from '../tokens/create-persisted-token-provider.js';

export interface ConnectionClients {
  /** The fetch client of a connection, made once and reused by its later jobs. */
  clientFor(connection: Connection, connector: Connector): Promise<FetchClient>;
  closeAll(): Promise<void>;
}

/**
 * One fetch client per connection, configured from its connector (base URL, auth, error
 * mapping, defaults). OAuth2 connections get a token provider that reads and stores rotated
 * tokens in the store, not a snapshot of the credentials, since tokens change while a client
 * lives.
 *
 * @example const clients = createConnectionClients({ database, connections, logger });
 */
export function createConnectionClients(options: {
  database: PortageDatabase;
  connections: ConnectionStore;
  logger: Logger;
  /** Extra fetch-client options (tests: a transport, short retries). */
  fetchOptions?: Partial<FetchClientOptions>;
}): ConnectionClients {
  const clients = new Map<string, FetchClient>();
  return {
    clientFor: async (connection, connector) => {
      const existing = clients.get(connection.id);
      if (existing) return existing;
      const { auth } = connector;
      const access =
        auth.type === 'oauth2'
          ? {
              tokenProvider: createPersistedTokenProvider({
                database: options.database,
                connections: options.connections,
                connectionId: connection.id,
                config: auth,
                // Token requests are rare: the global fetch serves them, unless tests route
                // every request through their own transport.
                transport: options.fetchOptions?.transport ?? createFetchTransport(),
              }),
            }
          : { credentials: await options.connections.credentials(connection.id) };
      const client = createFetchClient({
        baseUrl: connector.baseUrl,
        auth,
        ...access,
        errors: connector.errors,
        ...connector.defaults,
        logger: options.logger,
        connectionId: connection.id,
        ...options.fetchOptions,
      });
      clients.set(connection.id, client);
      return client;
    },
    closeAll: async () => {
      await Promise.all([...clients.values()].map((client) => client.close()));
      clients.clear();
    },
  };
}
