import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { loadSpec, readSpecLock } from '@portage/codegen';
import { isPortageError, PortageError, type Connector, type Credentials } from '@portage/core';
import { createLogger } from '@portage/fetch';
import { createConnectionStore, createCredentialCipher, createDatabase, migrateToLatest, type ConnectionStore, type PortageDatabase } from '@portage/persist';
import { createConnectionClients, runSyncJob, type SyncJobResult } from '@portage/refresh';
import type { RedactionOptions } from '../redact/fixture-redactor.js';
import { replayServer } from '../replay/replay-server.js';
import { fixtureScenarios, folderPath, readScenarioFixture } from './fixture-folder.js';
import { fixtureSpecProblems, type ResponseSpec } from './fixture-spec-problems.js';
import { replayCredentials } from './replay-credentials.js';
import { invalidStoredRecords, rejectedRecords, storedRecords, type ContractRecord, type ContractRejection } from './stored-records.js';

const DEFAULT_DATABASE_URL = 'postgres://postgres@127.0.0.1:5432/postgres';

/**
 * How one fixture is replayed: a full sync of `entity` (default: the scenario's name) with
 * the page size it was recorded with (default: the connector's).
 *
 * @example { entity: 'charges', pageSize: 2 }
 */
export interface ContractScenario {
  entity?: string;
  pageSize?: number;
}

/**
 * A connector and its recorded fixtures, as the contract suite runs them.
 *
 * @example
 * { connector: stripe, fixtures: new URL('../fixtures/', import.meta.url), spec: new URL('../../../specs/stripe/spec.lock.json', import.meta.url) }
 */
export interface ConnectorContractOptions {
  connector: Connector;
  /** The folder holding one `<scenario>.json` fixture per scenario. */
  fixtures: string | URL;
  /**
   * The pinned spec recorded responses must conform to: the path of specs/<platform>/spec.lock.json
   * (loaded offline from the spec cache, hash checked), or a loaded spec. Omitted, or a WSDL
   * lock (SOAP), and responses are not checked against a spec.
   */
  spec?: string | URL | ResponseSpec;
  /** Per scenario (fixture file name without .json): entity and page size. */
  scenarios?: Readonly<Record<string, ContractScenario>>;
  /** The connection's tenant, when the connector sends it (it must be what was recorded). */
  tenant?: string;
  /** Default: made-up credentials of the connector's auth type (see `replayCredentials`). */
  credentials?: Credentials;
  /** The redaction options the fixtures were recorded with. */
  redaction?: RedactionOptions;
  /** Default: DATABASE_URL, else postgres://postgres@127.0.0.1:5432/postgres. */
  databaseUrl?: string;
}

/**
 * What replaying one scenario gave: the sync's counts, what it stored and rejected, and every
 * problem (requests no recording matched, recordings never requested, a failed sync, stored
 * records that fail their unified schema).
 *
 * @example { scenario: 'charges', entity: 'charges', sync: { pages: 4, created: 7, ... }, records, rejected: [], problems: [] }
 */
export interface ContractResult {
  scenario: string;
  entity: string;
  sync?: Omit<SyncJobResult, 'runId'>;
  records: ContractRecord[];
  rejected: ContractRejection[];
  problems: string[];
}

/**
 * An open contract suite: a schema of its own in Postgres, replays run one at a time.
 *
 * @example
 * const suite = await openContractSuite(options);
 * for (const scenario of suite.scenarios) console.log(await suite.replay(scenario), await suite.specProblems(scenario));
 * await suite.close();
 */
export interface ContractSuite {
  /** The fixture files' scenarios, sorted. */
  scenarios: string[];
  /** Replays one scenario's fixture offline through a full sync into Postgres. */
  replay(scenario: string): Promise<ContractResult>;
  /** Checks one scenario's recorded responses against the pinned spec; [] when there is none. */
  specProblems(scenario: string): Promise<string[]>;
  close(): Promise<void>;
}

/** The npm workspace root above a file: where spec sources and the spec cache are resolved. */
function workspaceRootOf(path: string): string {
  for (let dir = dirname(path); ; dir = dirname(dir)) {
    const manifest = join(dir, 'package.json');
    if (existsSync(manifest) && (JSON.parse(readFileSync(manifest, 'utf8')) as { workspaces?: unknown }).workspaces !== undefined) return dir;
    if (dirname(dir) === dir) return dirname(path);
  }
}

async function loadResponseSpec(spec: ConnectorContractOptions['spec']): Promise<ResponseSpec | undefined> {
  if (spec === undefined) return undefined;
  if (typeof spec === 'object' && 'document' in spec) return spec;
  const path = folderPath(spec);
  const lock = await readSpecLock(path);
  // SOAP operations are checked against their WSDL elsewhere.
  if (lock.format === 'wsdl-1.1') return undefined;
  const root = workspaceRootOf(path);
  const loaded = await loadSpec(lock.source, { cwd: root, workspaceRoot: root, expectedSha256: lock.sha256 });
  return { document: loaded.document, refs: loaded.refs };
}

function checkScenarios(options: ConnectorContractOptions, scenarios: readonly string[]): void {
  for (const name of Object.keys(options.scenarios ?? {})) {
    if (!scenarios.includes(name)) {
      throw new PortageError('CONFIG_INVALID', `contract scenario "${name}" has no fixture ${name}.json in ${folderPath(options.fixtures)}: record it, or drop it from the scenarios`);
    }
  }
  for (const name of scenarios) {
    const entity = options.scenarios?.[name]?.entity ?? name;
    if (!options.connector.entities[entity]) {
      throw new PortageError(
        'CONFIG_INVALID',
        `fixture ${name}.json replays entity "${entity}", which ${options.connector.name} does not have (${Object.keys(options.connector.entities).join(', ')}): set scenarios.${name}.entity`,
      );
    }
  }
}

/**
 * Opens the contract suite of a connector: lists its fixtures, checks each names one of its
 * entities, and prepares a Postgres schema of its own (dropped on close).
 *
 * @example const suite = await openContractSuite({ connector: stripe, fixtures: 'connectors/stripe/fixtures', spec: 'specs/stripe/spec.lock.json' });
 */
export async function openContractSuite(options: ConnectorContractOptions): Promise<ContractSuite> {
  const scenarios = fixtureScenarios(options.fixtures);
  checkScenarios(options, scenarios);
  const { connector } = options;
  const schema = `portage_contract_${connector.name.replace(/[^a-z0-9]/gi, '_').toLowerCase()}_${randomBytes(4).toString('hex')}`;
  let database: PortageDatabase | undefined;
  let connections: ConnectionStore | undefined;
  let spec: Promise<ResponseSpec | undefined> | undefined;
  const logger = createLogger({ level: 'silent' });

  const open = async (): Promise<{ database: PortageDatabase; connections: ConnectionStore }> => {
    if (!database || !connections) {
      database = createDatabase({ connectionString: options.databaseUrl ?? process.env.DATABASE_URL ?? DEFAULT_DATABASE_URL, schema });
      await migrateToLatest(database);
      connections = createConnectionStore(database, createCredentialCipher(randomBytes(32).toString('base64')));
    }
    return { database, connections };
  };

  const replay = async (scenario: string): Promise<ContractResult> => {
    if (!scenarios.includes(scenario)) throw new PortageError('CONFIG_INVALID', `no fixture ${scenario}.json in ${folderPath(options.fixtures)} (scenarios: ${scenarios.join(', ')})`);
    const entity = options.scenarios?.[scenario]?.entity ?? scenario;
    const pageSize = options.scenarios?.[scenario]?.pageSize;
    const fixture = await readScenarioFixture(options.fixtures, scenario, connector.name);
    const { database: db, connections: store } = await open();
    // A connection per scenario: each replay starts from an empty store, and sees only its own records.
    const connection = await store.create({ platform: connector.name, tenant: options.tenant ?? 'contract', credentials: options.credentials ?? replayCredentials(connector.auth) });
    const server = replayServer([fixture], options.redaction);
    const clients = createConnectionClients({
      database: db,
      connections: store,
      logger,
      fetchOptions: { transport: server.transport, retry: { maxAttempts: 3, baseDelayMs: 1, maxDelayMs: 5 } },
    });
    const context = { database: db, connectors: { [connector.name]: connector }, getConnection: (id: string) => store.get(id), clientFor: clients.clientFor, logger };
    const problems: string[] = [];
    let sync: SyncJobResult | undefined;
    server.listen();
    try {
      sync = await runSyncJob(context, { connectionId: connection.id, entity, kind: 'full', ...(pageSize === undefined ? {} : { pageSize }) });
    } catch (error) {
      if (!isPortageError(error)) throw error;
      // An unmatched request is reported below with what differs; anything else is reported here.
      if (server.mismatches.length === 0) problems.push(`the sync of ${entity} failed: ${error.code}: ${error.message}`);
    } finally {
      server.close();
      await clients.closeAll();
    }
    problems.push(...server.mismatches.map((mismatch) => `unmatched request: ${mismatch.message}`));
    problems.push(
      ...server.unused().map(({ label, request }) => `unused recording: ${request.method} ${request.url} (${label}) was never requested; re-record the fixture if the connector no longer makes it`),
    );
    const records = await storedRecords(db, connection.id);
    problems.push(...invalidStoredRecords(connector, records));
    const { runId, ...counts } = sync ?? { runId: undefined };
    return {
      scenario,
      entity,
      ...(sync ? { sync: counts as Omit<SyncJobResult, 'runId'> } : {}),
      records,
      rejected: runId === undefined ? [] : await rejectedRecords(db, runId),
      problems,
    };
  };

  const specProblems = async (scenario: string): Promise<string[]> => {
    spec ??= loadResponseSpec(options.spec);
    const loaded = await spec;
    if (!loaded) return [];
    const fixture = await readScenarioFixture(options.fixtures, scenario, connector.name);
    return fixtureSpecProblems(fixture, loaded, [new URL(connector.baseUrl).pathname]);
  };

  return {
    scenarios,
    replay,
    specProblems,
    close: async () => {
      if (!database) return;
      await database.db.schema.dropSchema(schema).ifExists().cascade().execute();
      await database.destroy();
      database = undefined;
    },
  };
}

/**
 * Runs the whole contract suite of a connector and returns what each scenario gave, spec
 * problems included: the framework-free form of `describeConnectorContract`.
 *
 * @example
 * const results = await runContractSuite({ connector: stripe, fixtures, spec });
 * const failed = results.filter((result) => result.problems.length > 0);
 */
export async function runContractSuite(options: ConnectorContractOptions): Promise<ContractResult[]> {
  const suite = await openContractSuite(options);
  try {
    const results: ContractResult[] = [];
    for (const scenario of suite.scenarios) {
      const result = await suite.replay(scenario);
      results.push({ ...result, problems: [...result.problems, ...(await suite.specProblems(scenario))] });
    }
    return results;
  } finally {
    await suite.close();
  }
}
