// Records the fixtures of the stripe, square, xero and ebay connectors into
// connectors/<platform>/fixtures/<scenario>.json, by running a full sync of each scenario
// through the real fetch client, refresh job and Postgres store, with a recorder wrapped
// around the fetch client's transport.
//
//   npx tsx tools/connector-e2e/src/record-fixtures.ts [platform ...]
//     From the fake platforms of the integration tests: spec servers that validate every
//     request and every answer against the pinned spec. No network, no credentials.
//
//   PORTAGE_RECORD=1 PORTAGE_<PLATFORM>_CREDENTIALS='<credentials JSON>' [PORTAGE_<PLATFORM>_TENANT=...] \
//   npx tsx tools/connector-e2e/src/record-fixtures.ts <platform>
//     From the real platform (a test account), with real credentials; they are redacted from
//     the fixtures as they are captured.
import { randomBytes } from 'node:crypto';
import { mkdir, readdir, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PortageError, type Credentials } from '@portage/core';
import { createLogger, createUndiciTransport, type Transport } from '@portage/fetch';
import { createConnectionStore, createCredentialCipher, createDatabase, migrateToLatest } from '@portage/persist';
import { createConnectionClients, runSyncJob, type SyncJobResult } from '@portage/refresh';
import { createRecorder, isRecordMode, serializeFixture, type Fixture, type Recorder } from '@portage/testing';
import { FIXTURE_PLATFORMS, type FixturePlatform } from './fixture-platforms.js';
import { startSpecSyncWorld } from './spec-sync-world.js';

const WORKSPACE_ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const DATABASE_URL = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

/** The known secret values of a connection: redacted wherever they appear in a fixture. */
function secretsOf(credentials: Credentials): string[] {
  return Object.entries(credentials)
    .filter(([key, value]) => key !== 'type' && key !== 'clientId' && typeof value === 'string' && value !== '')
    .map(([, value]) => value as string);
}

/** One transport for the connection's whole life, recording each request under the scenario being synced. */
function scenarioTransport(recorder: Recorder, inner: Transport, current: () => string): Transport {
  const byScenario = new Map<string, Transport>();
  return (request) => {
    const scenario = current();
    let transport = byScenario.get(scenario);
    if (!transport) {
      transport = recorder.transport(scenario, inner);
      byScenario.set(scenario, transport);
    }
    return transport(request);
  };
}

function checkSynced(platform: FixturePlatform, scenario: string, result: SyncJobResult): void {
  if (result.created === 0) {
    throw new PortageError('CONFIG_INVALID', `${platform.platform}/${scenario}: the sync stored nothing, so the fixture would test nothing; record from an account with data`);
  }
}

async function recordFromFake(platform: FixturePlatform, recorder: Recorder): Promise<void> {
  let scenario = '';
  const world = await startSpecSyncWorld({
    platform: platform.platform,
    connector: platform.connector,
    credentials: credentialsFor(platform, false),
    ...(platform.tenant === undefined ? {} : { tenant: platform.tenant }),
    handlers: platform.handlers(),
    transport: (toServer) => scenarioTransport(recorder, toServer, () => scenario),
  });
  try {
    for (const [name, { entity, pageSize }] of Object.entries(platform.scenarios)) {
      scenario = name;
      checkSynced(platform, name, await world.sync(entity, pageSize === undefined ? {} : { pageSize }));
    }
    // Every request sent and every answer recorded conformed to the pinned spec.
    world.server.assertNoViolations();
  } finally {
    await world.close();
  }
}

async function recordFromPlatform(platform: FixturePlatform, recorder: Recorder, credentials: Credentials): Promise<void> {
  const schema = `portage_record_${platform.platform}_${randomBytes(4).toString('hex')}`;
  const database = createDatabase({ connectionString: DATABASE_URL, schema });
  const live = createUndiciTransport();
  let scenario = '';
  try {
    await migrateToLatest(database);
    const connections = createConnectionStore(database, createCredentialCipher(randomBytes(32).toString('base64')));
    const tenant = process.env[`PORTAGE_${platform.platform.toUpperCase()}_TENANT`] ?? platform.tenant ?? 'recording';
    const connection = await connections.create({ platform: platform.connector.name, tenant, credentials });
    const logger = createLogger({ level: 'info' });
    const clients = createConnectionClients({ database, connections, logger, fetchOptions: { transport: scenarioTransport(recorder, live, () => scenario) } });
    const context = { database, connectors: { [platform.connector.name]: platform.connector }, getConnection: (id: string) => connections.get(id), clientFor: clients.clientFor, logger };
    try {
      for (const [name, { entity, pageSize }] of Object.entries(platform.scenarios)) {
        scenario = name;
        checkSynced(platform, name, await runSyncJob(context, { connectionId: connection.id, entity, kind: 'full', ...(pageSize === undefined ? {} : { pageSize }) }));
      }
    } finally {
      await clients.closeAll();
    }
  } finally {
    await live.close();
    await database.db.schema.dropSchema(schema).ifExists().cascade().execute();
    await database.destroy();
  }
}

function credentialsFor(platform: FixturePlatform, real: boolean): Credentials {
  if (!real) return platform.credentials();
  const name = `PORTAGE_${platform.platform.toUpperCase()}_CREDENTIALS`;
  const text = process.env[name];
  if (!text) throw new PortageError('CONFIG_INVALID', `${name} is not set: give the test account's credentials as JSON, e.g. {"type":"bearer","token":"..."}`);
  try {
    return JSON.parse(text) as Credentials;
  } catch (cause) {
    throw new PortageError('CONFIG_INVALID', `${name} is not valid JSON (${(cause as Error).message})`, { cause });
  }
}

/** Writes the fixtures (and removes those of scenarios no longer recorded), each file atomically. */
async function writeFixtures(dir: string, fixtures: readonly Fixture[]): Promise<string[]> {
  await mkdir(dir, { recursive: true });
  const written: string[] = [];
  for (const fixture of fixtures) {
    const path = join(dir, `${fixture.scenario}.json`);
    await writeFile(`${path}.tmp`, serializeFixture(fixture), 'utf8');
    await rename(`${path}.tmp`, path);
    written.push(path);
  }
  for (const file of await readdir(dir)) {
    const path = join(dir, file);
    if (file.endsWith('.json') && !written.includes(path)) await rm(path);
  }
  return written;
}

/**
 * Records one connector's fixtures, from its fake platform or (with `real`) from the platform
 * itself, and returns the paths written.
 *
 * @example await recordFixtures(FIXTURE_PLATFORMS[0], { real: false });
 */
export async function recordFixtures(platform: FixturePlatform, options: { real: boolean; now?: () => Date }): Promise<string[]> {
  const credentials = credentialsFor(platform, options.real);
  const recorder = createRecorder({
    // Unused: the fixtures are written to the connector's own folder below.
    dir: join(WORKSPACE_ROOT, 'connectors', platform.platform, 'fixtures'),
    connector: platform.connector.name,
    secrets: () => secretsOf(credentials),
    ...(platform.keepNames ? { keepNames: platform.keepNames } : {}),
    ...(options.now ? { now: options.now } : {}),
  });
  if (options.real) await recordFromPlatform(platform, recorder, credentials);
  else await recordFromFake(platform, recorder);
  return writeFixtures(join(WORKSPACE_ROOT, 'connectors', platform.platform, 'fixtures'), recorder.fixtures());
}

async function main(names: string[]): Promise<void> {
  const real = isRecordMode();
  const unknown = names.filter((name) => !FIXTURE_PLATFORMS.some((platform) => platform.platform === name));
  if (unknown.length > 0) throw new PortageError('CONFIG_INVALID', `no fixture recording for ${unknown.join(', ')}; known: ${FIXTURE_PLATFORMS.map((p) => p.platform).join(', ')}`);
  if (real && names.length !== 1) throw new PortageError('CONFIG_INVALID', 'with PORTAGE_RECORD=1, name the one platform to record from (its credentials come from the environment)');
  const chosen = names.length === 0 ? FIXTURE_PLATFORMS : FIXTURE_PLATFORMS.filter((platform) => names.includes(platform.platform));
  for (const platform of chosen) {
    const paths = await recordFixtures(platform, { real });
    console.log(`${platform.platform}: ${paths.length} fixture(s) recorded from ${real ? 'the real platform' : 'the spec-validating fake'}`);
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  main(process.argv.slice(2)).catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exitCode = 1;
  });
}
