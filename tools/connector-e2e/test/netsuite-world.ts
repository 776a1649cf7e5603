import { createHmac, randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Connector, Credentials } from '@portage/core';
import { createLogger } from '@portage/fetch';
import { createConnectionStore, createCredentialCipher, createDatabase, migrateToLatest, type PortageDatabase } from '@portage/persist';
import { createConnectionClients, runSyncJob, type SyncJobData, type SyncJobResult } from '@portage/refresh';
import { listen } from 'soap';
import { NS, type ServedRecord } from './netsuite-records.js';

const WORKSPACE_ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const DATABASE_URL = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

/** The NetSuite 2023.2 WSDL of the shared spec mirror (../shared beside the workspace root), never copied into the repo. */
export const NETSUITE_WSDL = join(WORKSPACE_ROOT, '../shared/specs/wsdl/netsuite-2023_2/netsuite.wsdl');
export const wsdlAvailable = existsSync(NETSUITE_WSDL);

/** What the server saw of one call. */
export interface SeenCall {
  operation: 'search' | 'searchMoreWithId';
  input: Record<string, unknown>;
  /** The search's record kind: "customer", "_salesOrder", ... */
  kind?: string;
  since?: string;
  pageSize?: number;
  bodyFieldsOnly?: unknown;
  passport: { account: string; consumerKey: string; token: string; nonce: string; timestamp: string; signatureValid: boolean; algorithm?: string };
}

export interface NetsuiteWorld {
  account: string;
  calls: SeenCall[];
  /** Record sets by search kind ("customer", "_salesOrder", "_invoice", "_inventoryItem"). */
  records: Map<string, ServedRecord[]>;
  /** Faults to answer the next matching calls with, once each. */
  failNext(when: (call: SeenCall) => boolean): void;
  database: PortageDatabase;
  connectionId: string;
  sync(entity: string, job?: Partial<Pick<SyncJobData, 'kind' | 'since'>>): Promise<SyncJobResult>;
  stored(entity: string): Promise<{ externalId: string; data: Record<string, unknown>; deleted: boolean }[]>;
  close(): Promise<void>;
}

type Passport = Record<string, unknown> & { signature?: unknown };

/**
 * A NetSuite account on 127.0.0.1: `soap.listen` with the real 2023.2 WSDL answering search and
 * searchMoreWithId with paged record envelopes (honouring searchPreferences.pageSize and a
 * lastModifiedDate onOrAfter filter), verifying every token passport's HMAC-SHA256 signature;
 * plus a Postgres schema, a connection and real sync jobs.
 */
export async function startNetsuiteWorld(options: { connector: Connector; records: Map<string, ServedRecord[]> }): Promise<NetsuiteWorld> {
  const account = '1234567_SB1';
  // Secrets made at run time: no secret-shaped literal in the repository.
  const secret = () => randomBytes(32).toString('hex');
  const credentials = { type: 'oauth2', clientId: secret(), clientSecret: secret(), accessToken: secret(), tokenSecret: secret() } satisfies Credentials;
  const calls: SeenCall[] = [];
  const faults: ((call: SeenCall) => boolean)[] = [];
  const searches = new Map<string, { kind: string; matches: ServedRecord[]; pageSize: number }>();

  function passportOf(headers: { tokenPassport?: Passport } | undefined): SeenCall['passport'] {
    const p = headers?.tokenPassport ?? {};
    const text = (value: unknown) => (typeof value === 'object' && value !== null ? String((value as { $value?: unknown }).$value ?? '') : String(value ?? ''));
    const fields = { account: text(p.account), consumerKey: text(p.consumerKey), token: text(p.token), nonce: text(p.nonce), timestamp: text(p.timestamp) };
    const base = [fields.account, fields.consumerKey, fields.token, fields.nonce, fields.timestamp].join('&');
    const expected = createHmac('sha256', `${credentials.clientSecret}&${credentials.tokenSecret}`).update(base).digest('base64');
    const algorithm = (p.signature as { attributes?: { algorithm?: string } } | undefined)?.attributes?.algorithm;
    return { ...fields, signatureValid: text(p.signature) === expected, ...(algorithm ? { algorithm } : {}) };
  }

  function pageXml(element: string, searchId: string, pageIndex: number): string {
    const search = searches.get(searchId)!;
    const totalPages = Math.max(1, Math.ceil(search.matches.length / search.pageSize));
    const page = search.matches.slice((pageIndex - 1) * search.pageSize, pageIndex * search.pageSize);
    return (
      `<${element} xmlns="${NS.messages}"><platformCore:searchResult xmlns:platformCore="${NS.core}" xmlns:xsi="${NS.xsi}">` +
      `<platformCore:status isSuccess="true"/><platformCore:totalRecords>${search.matches.length}</platformCore:totalRecords>` +
      `<platformCore:pageSize>${search.pageSize}</platformCore:pageSize><platformCore:totalPages>${totalPages}</platformCore:totalPages>` +
      `<platformCore:pageIndex>${pageIndex}</platformCore:pageIndex><platformCore:searchId>${searchId}</platformCore:searchId>` +
      `<platformCore:recordList>${page.map((record) => record.xml).join('')}</platformCore:recordList></platformCore:searchResult></${element}>`
    );
  }

  function seen(operation: SeenCall['operation'], input: Record<string, unknown>, headers: Record<string, unknown> | undefined, extra: Partial<SeenCall>): SeenCall {
    const preferences = headers?.searchPreferences as { pageSize?: unknown; bodyFieldsOnly?: unknown } | undefined;
    const call: SeenCall = {
      operation,
      input,
      passport: passportOf(headers as { tokenPassport?: Passport }),
      ...(preferences?.pageSize !== undefined ? { pageSize: Number(preferences.pageSize) } : {}),
      ...(preferences ? { bodyFieldsOnly: preferences.bodyFieldsOnly } : {}),
      ...extra,
    };
    calls.push(call);
    const c = call.passport;
    if (!c.signatureValid || c.account !== account || c.consumerKey !== credentials.clientId || c.token !== credentials.accessToken) {
      throw fault('invalidCredentialsFault', 'INVALID_LOGIN_ATTEMPT', 'Invalid login attempt.');
    }
    const index = faults.findIndex((when) => when(call));
    if (index >= 0) {
      faults.splice(index, 1);
      throw fault('unexpectedErrorFault', 'UNEXPECTED_ERROR', 'An unexpected error occurred.');
    }
    return call;
  }

  const http = createServer((_request, response) => response.writeHead(404).end());
  await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
  await new Promise<void>((resolve, reject) => {
    void readFile(NETSUITE_WSDL, 'utf8').then((xml) =>
      listen(http, {
        path: '/services/NetSuitePort_2023_2',
        xml,
        uri: NETSUITE_WSDL,
        services: {
          NetSuiteService: {
            NetSuitePort: {
              search: (input: { searchRecord?: SearchRecord }, _cb: unknown, headers: Record<string, unknown> | undefined) => {
                const record = input.searchRecord ?? {};
                const kind = kindOf(record);
                const since = valueOf(record.lastModifiedDate);
                const call = seen('search', input as Record<string, unknown>, headers, { kind, ...(since ? { since } : {}) });
                const all = options.records.get(kind) ?? [];
                const searchId = `WEBSERVICES_${account}_${searches.size + 1}_${randomBytes(4).toString('hex')}`;
                searches.set(searchId, { kind, pageSize: call.pageSize ?? 1000, matches: all.filter((one) => !since || Date.parse(one.lastModified) >= Date.parse(since)) });
                return { _xml: pageXml('searchResponse', searchId, 1) };
              },
              searchMoreWithId: (input: { searchId?: string; pageIndex?: unknown }, _cb: unknown, headers: Record<string, unknown> | undefined) => {
                seen('searchMoreWithId', input as Record<string, unknown>, headers, { kind: searches.get(String(input.searchId))?.kind });
                if (!searches.has(String(input.searchId))) throw fault('invalidSessionFault', 'USER_ERROR', 'The search has expired.');
                return { _xml: pageXml('searchMoreWithIdResponse', String(input.searchId), Number(input.pageIndex)) };
              },
            },
          },
        },
        callback: (error: unknown) => (error ? reject(error as Error) : resolve()),
      }),
    reject);
  });
  const url = `http://127.0.0.1:${(http.address() as AddressInfo).port}`;

  const schema = `portage_e2e_netsuite_${randomBytes(4).toString('hex')}`;
  const database = createDatabase({ connectionString: DATABASE_URL, schema });
  await migrateToLatest(database);
  const connections = createConnectionStore(database, createCredentialCipher(randomBytes(32).toString('base64')));
  // The account host, pointed at the local server; everything else is the connector's own.
  const connector: Connector = { ...options.connector, soap: { ...options.connector.soap!, baseUrl: () => url } };
  const connection = await connections.create({ platform: connector.name, tenant: account, credentials });
  const logger = createLogger({ level: 'silent' });
  const clients = createConnectionClients({ database, connections, logger, fetchOptions: { retry: { maxAttempts: 1 } } });
  const context = {
    database,
    connectors: { [connector.name]: connector },
    getConnection: (id: string) => connections.get(id),
    clientFor: clients.clientFor,
    logger,
    // Every page commits on its own, so a failure mid-search leaves a checkpoint after the last good page.
    commitEvery: { records: 1, maxDelayMs: 0 },
  };
  return {
    account,
    calls,
    records: options.records,
    failNext: (when) => faults.push(when),
    database,
    connectionId: connection.id,
    sync: (entity, job = {}) => runSyncJob(context, { connectionId: connection.id, entity, kind: 'full', ...job }),
    stored: async (entity) => {
      const rows = await database.db.selectFrom('records').select(['external_id', 'data', 'deleted_at']).where('connection_id', '=', connection.id).where('entity', '=', entity).orderBy('external_id').execute();
      return rows.map((row) => ({ externalId: row.external_id, data: row.data as Record<string, unknown>, deleted: row.deleted_at !== null }));
    },
    close: async () => {
      await clients.closeAll();
      http.closeAllConnections();
      await new Promise<void>((resolve) => http.close(() => resolve()));
      await database.db.schema.dropSchema(schema).ifExists().cascade().execute();
      await database.destroy();
    },
  };
}

interface SearchRecord {
  attributes?: Record<string, unknown>;
  type?: unknown;
  lastModifiedDate?: unknown;
}

function valueOf(field: unknown): string | undefined {
  const value = (field as { searchValue?: unknown } | undefined)?.searchValue;
  const one = Array.isArray(value) ? value[0] : value;
  return one === undefined || one === null ? undefined : one instanceof Date ? one.toISOString() : String(one);
}

// Customers are searched by their own search type; transactions and items by `type`.
function kindOf(record: SearchRecord): string {
  const type = String(record.attributes?.['xsi:type'] ?? record.attributes?.type ?? '');
  if (type.endsWith('CustomerSearchBasic')) return 'customer';
  return valueOf(record.type) ?? `unknown search ${type}`;
}

function fault(element: string, code: string, message: string): { Fault: { faultcode: string; _xml: string; statusCode: number } } {
  const xml =
    `<soap:Fault><faultcode>soap:Server.userException</faultcode><faultstring>${message}</faultstring><detail>` +
    `<platformFaults:${element} xmlns:platformFaults="urn:faults_2023_2.platform.webservices.netsuite.com"><platformFaults:code>${code}</platformFaults:code>` +
    `<platformFaults:message>${message}</platformFaults:message></platformFaults:${element}></detail></soap:Fault>`;
  return { Fault: { faultcode: 'raw', _xml: xml, statusCode: 500 } };
}
