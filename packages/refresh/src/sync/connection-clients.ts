import type { Connector, Credentials } from '@portage/core';
import {
  createFetchClient,
  createFetchTransport,
  createSoapClient,
  type FetchClient,
  type FetchClientOptions,
  type Logger,
  type SoapClient,
  type SoapClientOptions,
} from '@portage/fetch';
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
 * lives. A connector with `soap` also gets a SOAP client (its WSDL, the connection's endpoint,
 * SOAP headers built per call from the connection's credentials), which reads its SOAP entities.
 *
 * @example const clients = createConnectionClients({ database, connections, logger });
 */
export function createConnectionClients(options: {
  database: PortageDatabase;
  connections: ConnectionStore;
  logger: Logger;
  /** Extra fetch-client options (tests: a transport, short retries); SOAP clients share transport, retry and clock. */
  fetchOptions?: Partial<FetchClientOptions>;
  /** Extra SOAP-client options, applied last. */
  soapOptions?: Partial<SoapClientOptions>;
}): ConnectionClients {
  // Promises, so two jobs of one connection starting together share one client.
  const clients = new Map<string, Promise<{ fetch: FetchClient; soap?: SoapClient }>>();

  async function create(connection: Connection, connector: Connector): Promise<{ fetch: FetchClient; soap?: SoapClient }> {
    const { auth } = connector;
    const credentials = auth.type !== 'oauth2' || connector.soap ? await options.connections.credentials(connection.id) : undefined;
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
        : { credentials };
    const soap = connector.soap && credentials ? await soapClientFor(connection, connector, credentials) : undefined;
    const fetch = createFetchClient({
      baseUrl: connector.baseUrl,
      auth,
      ...access,
      errors: connector.errors,
      ...connector.defaults,
      logger: options.logger,
      connectionId: connection.id,
      ...options.fetchOptions,
      ...(soap ? { soap } : {}),
    });
    return { fetch, ...(soap ? { soap } : {}) };
  }

  function soapClientFor(connection: Connection, connector: Connector, credentials: Credentials): Promise<SoapClient> {
    const soap = connector.soap!;
    const { timeoutMs, maxResponseBytes, concurrency, rateLimit } = connector.defaults;
    const { transport, retry, clock } = options.fetchOptions ?? {};
    return createSoapClient({
      wsdl: soap.wsdl,
      baseUrl: soap.baseUrl?.({ tenant: connection.tenant }) ?? connector.baseUrl,
      ...(soap.headers ? { headers: (call) => soap.headers!({ ...call, credentials, tenant: connection.tenant }) } : {}),
      // Secrets that never travel (e.g. the key a signature is made with) stay out of errors too.
      secrets: () => secretsOf(credentials),
      ...(timeoutMs ? { timeoutMs } : {}),
      ...(maxResponseBytes ? { maxResponseBytes } : {}),
      ...(concurrency ? { concurrency } : {}),
      ...(rateLimit ? { rateLimit } : {}),
      ...(transport ? { transport } : {}),
      ...(retry ? { retry } : {}),
      ...(clock ? { clock } : {}),
      logger: options.logger,
      connectionId: connection.id,
      ...options.soapOptions,
    });
  }

  return {
    clientFor: async (connection, connector) => {
      let client = clients.get(connection.id);
      if (!client) {
        client = create(connection, connector);
        clients.set(connection.id, client);
        // A failed creation (a bad WSDL path) is not remembered: the next job tries again.
        client.catch(() => clients.delete(connection.id));
      }
      return (await client).fetch;
    },
    closeAll: async () => {
      const all = await Promise.allSettled(clients.values());
      clients.clear();
      const open = all.flatMap((entry) => (entry.status === 'fulfilled' ? [entry.value] : []));
      await Promise.all(open.flatMap(({ fetch, soap }) => (soap ? [fetch.close(), soap.close()] : [fetch.close()])));
    },
  };
}

/** Every string value of the credentials but their type. */
function secretsOf(credentials: Credentials): string[] {
  return Object.entries(credentials).flatMap(([key, value]) => (key !== 'type' && typeof value === 'string' && value !== '' ? [value] : []));
}
