import { randomBytes } from 'node:crypto';
import { createDatabase, type PortageDatabase } from '@portage/persist';
import { createPgBossQueue, SYNC_DEAD_LETTER_QUEUE, SYNC_QUEUE, type JobQueue } from '@portage/refresh';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { definePortageConfig, type PortageConfig, type StatusJson } from '../src/index.js';
import { runMain } from './run-main.js';
import { startTinyPlatform, type TinyPlatform } from './tiny-platform.js';

const DATABASE_URL = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const suffix = randomBytes(4).toString('hex');
const schema = `portage_cli_${suffix}`;
const queueSchema = `pgboss_cli_${suffix}`;
const env = { DATABASE_URL, PORTAGE_ENCRYPTION_KEY: randomBytes(32).toString('base64') };
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

let platform: TinyPlatform;
let config: PortageConfig;
let database: PortageDatabase;
let connectionId: string;

const cli = (argv: readonly string[], overrides: { env?: Record<string, string | undefined>; signal?: AbortSignal } = {}) =>
  runMain(argv, { config, env: overrides.env ?? env, ...(overrides.signal ? { signal: overrides.signal } : {}) });

const connect = async (credentials: string, tenant = 'acme') => {
  const result = await cli(['connect', '--platform', 'tiny', '--tenant', tenant, '--credentials', credentials]);
  expect(result).toMatchObject({ code: 0, stderr: '' });
  return result.stdout.trim();
};

beforeAll(async () => {
  platform = await startTinyPlatform(250);
  config = definePortageConfig({ connectors: { tiny: platform.connector }, database: { schema }, queue: { schema: queueSchema } });
  database = createDatabase({ connectionString: DATABASE_URL, schema });
});

afterAll(async () => {
  await platform?.close();
  for (const name of [schema, queueSchema]) await database.db.schema.dropSchema(name).ifExists().cascade().execute();
  await database.destroy();
});

describe('portage against Postgres', () => {
  it('migrate creates the tables, and again changes nothing', async () => {
    const first = await cli(['migrate']);
    expect(first).toMatchObject({ code: 0, stderr: '' });
    expect(first.stdout).toBe(`migrated: Portage tables are up to date in schema "${schema}" at ${DATABASE_URL}\n`);
    expect((await cli(['migrate'])).code).toBe(0);
  });

  it('connect without PORTAGE_ENCRYPTION_KEY fails with CONFIG_INVALID, says how to make one, exits 1', async () => {
    const result = await cli(['connect', '--platform', 'tiny', '--tenant', 'acme', '--credentials', '{"apiKey":"k"}'], { env: { DATABASE_URL } });
    expect(result.code).toBe(1);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(/^error CONFIG_INVALID \(fix_config\): PORTAGE_ENCRYPTION_KEY is not set: generate a key with node -e/);
    expect(result.stderr).not.toMatch(/\n\s+at /);
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
  });

  it('--verbose adds the stack trace', async () => {
    const result = await cli(['connect', '--platform', 'tiny', '--tenant', 'acme', '--credentials', '{"apiKey":"k"}', '--verbose'], { env: { DATABASE_URL } });
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/\n\s+at /);
  });

  it('connect stores encrypted credentials and prints only the id', async () => {
    connectionId = await connect(JSON.stringify({ apiKey: platform.apiKey }));
    expect(connectionId).toMatch(UUID);
    const row = await database.db.selectFrom('connections').select(['platform', 'tenant', 'credentials']).where('id', '=', connectionId).executeTakeFirstOrThrow();
    expect(row).toMatchObject({ platform: 'tiny', tenant: 'acme' });
    expect(row.credentials).not.toContain(platform.apiKey);
  });

  it('connect rejects an unknown platform and credentials that do not fit the auth, without echoing them', async () => {
    const unknown = await cli(['connect', '--platform', 'shopz', '--tenant', 'acme', '--credentials', '{"apiKey":"k"}']);
    expect(unknown).toMatchObject({ code: 1 });
    expect(unknown.stderr).toMatch(/^error CONFIG_INVALID \(fix_config\): the config has no connector for platform "shopz": it has tiny/);
    const wrong = await cli(['connect', '--platform', 'tiny', '--tenant', 'acme', '--credentials', '{"token":"sekrit-value"}']);
    expect(wrong.code).toBe(1);
    expect(wrong.stderr).toContain('--credentials lacks apiKey');
    expect(wrong.stderr).not.toContain('sekrit-value');
  });

  it('sync --inline syncs every entity in this process and prints a line per entity', async () => {
    const result = await cli(['sync', connectionId, '--inline']);
    expect(result).toMatchObject({ code: 0, stderr: '' });
    expect(result.stdout).toContain('customers: 3 pages, +250 ~0 =0 -0 (succeeded)\n');
    expect(result.stdout).toContain('products:  1 page, +3 ~0 =0 -0 (succeeded)\n');
  });

  it('status shows the run with its per-entity counts', async () => {
    const result = await cli(['status', connectionId]);
    expect(result).toMatchObject({ code: 0, stderr: '' });
    expect(result.stdout).toMatch(new RegExp(`^connection ${connectionId}  tiny  tenant acme  health: healthy\n`));
    expect(result.stdout).toMatch(/RUN +KIND +STATUS +STARTED +FINISHED +DURATION\n/);
    expect(result.stdout).toMatch(/ full +succeeded +\d{4}-\d\d-\d\d \d\d:\d\d:\d\dZ /);
    expect(result.stdout).toMatch(/ENTITY +ADDED +UPDATED +UNCHANGED +DELETED +PAGES\n +customers +250 +0 +0 +0 +3\n +products +3 +0 +0 +0 +1\n/);
    expect(result.stdout).not.toContain('\u001b[');
  });

  it('a second sync finds nothing new, and one changed record', async () => {
    platform.customers[0]!.name = 'Renamed';
    const result = await cli(['sync', connectionId, '--inline', '--entity', 'customers']);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('customers: 3 pages, +0 ~1 =249 -0 (succeeded)\n');
  });

  it('status --format json has every run, newest first', async () => {
    const result = await cli(['status', '--format', 'json', '--runs', '10']);
    expect(result.code).toBe(0);
    const status = JSON.parse(result.stdout) as StatusJson;
    const connection = status.connections.find((candidate) => candidate.id === connectionId);
    expect(connection).toMatchObject({ platform: 'tiny', tenant: 'acme', health: 'healthy', healthReason: null });
    expect(connection?.runs).toHaveLength(2);
    expect(connection?.runs[0]).toMatchObject({ kind: 'full', status: 'succeeded', error: null, entities: [{ entity: 'customers', added: 0, updated: 1, unchanged: 249, deleted: 0, pages: 3, errors: [] }] });
    expect(connection?.runs[1]?.entities).toEqual([
      { entity: 'customers', added: 250, updated: 0, unchanged: 0, deleted: 0, pages: 3, errors: [] },
      { entity: 'products', added: 3, updated: 0, unchanged: 0, deleted: 0, pages: 1, errors: [] },
    ]);
    expect(connection?.runs[1]?.durationMs).toBeGreaterThanOrEqual(0);
  });

  it('a failing sync exits 1, and status shows the error with its code and action', async () => {
    const rejected = await connect('{"apiKey":"revoked-key"}', 'globex');
    const result = await cli(['sync', rejected, '--inline', '--entity', 'products']);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/^error AUTH_INVALID \(alert_customer\): products: /);
    expect(result.stdout).toMatch(/products: 0 pages, \+0 ~0 =0 -0 \(failed: AUTH_INVALID \(alert_customer\): /);
    expect(result.stderr + result.stdout).not.toContain('revoked-key');

    const status = await cli(['status', rejected]);
    expect(status.stdout).toContain('health: needs_reauth');
    expect(status.stdout).toMatch(/ full +failed /);
    expect(status.stdout).toMatch(/error products: AUTH_INVALID \(alert_customer\): /);

    const queued = await cli(['sync', rejected]);
    expect(queued.code).toBe(1);
    expect(queued.stderr).toMatch(/^error AUTH_INVALID \(alert_customer\): connection .* is needs_reauth/);
  });

  it('sync names unknown entities and lists the known ones', async () => {
    const result = await cli(['sync', connectionId, '--inline', '--entity', 'custmers']);
    expect(result.code).toBe(1);
    expect(result.stderr).toBe('error CONFIG_INVALID (fix_config): connector "tiny" has no entity "custmers": it has customers, products (fix the configuration named in the message)\n');
  });

  it('uses a store passed to main instead of the URL, and leaves it open', async () => {
    const result = await runMain(['status', connectionId, '--format', 'json'], {
      config: definePortageConfig({ connectors: {}, database: { url: 'postgres://nobody@127.0.0.1:9/none' } }),
      env,
      database,
    });
    expect(result).toMatchObject({ code: 0, stderr: '' });
    expect((JSON.parse(result.stdout) as StatusJson).connections[0]?.id).toBe(connectionId);
    expect(await database.db.selectFrom('connections').select('id').where('id', '=', connectionId).executeTakeFirst()).toEqual({ id: connectionId });
  });

  it('sync of a connection that does not exist is NOT_FOUND', async () => {
    const result = await cli(['sync', '00000000-0000-4000-8000-000000000000', '--inline']);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/^error NOT_FOUND /);
  });
});

describe('the queue: sync, worker and the dead-letter queue', () => {
  let queue: JobQueue;
  beforeAll(async () => {
    queue = createPgBossQueue({ connectionString: DATABASE_URL, schema: queueSchema, supervise: false });
    await queue.start();
  });
  afterAll(() => queue?.stop());

  it('dlq list says the queue is empty, in a table or as JSON', async () => {
    expect(await cli(['dlq', 'list'])).toMatchObject({ code: 0, stdout: 'the dead-letter queue is empty\n', stderr: '' });
    const json = await cli(['dlq', 'list', '--format', 'json']);
    expect(JSON.parse(json.stdout)).toEqual({ jobs: [] });
  });

  it('sync --wait queues the jobs and follows a worker until they end', async () => {
    platform.products.push({ sku: 'bag', title: 'BAG' });
    const stop = new AbortController();
    let workerOut = '';
    const worker = runMain(['worker', '--schedule', 'off', '--log-level', 'error'], {
      config,
      env,
      signal: stop.signal,
    }).then((result) => ((workerOut = result.stdout), result));
    try {
      const result = await cli(['sync', connectionId, '--entity', 'products', '--wait', '--timeout', '60']);
      expect(result).toMatchObject({ code: 0, stderr: '' });
      expect(result.stdout).toMatch(/^queued products \(full\) as job [0-9a-f-]{36}\n/);
      expect(result.stdout).toContain('products: 1 page, +1 ~0 =3 -0 (succeeded)\n');
    } finally {
      stop.abort();
    }
    expect((await worker).code).toBe(0);
    expect(workerOut).toMatch(/^worker started: 2 jobs at once, platforms tiny, scheduler off/);
    expect(workerOut).toContain('worker stopped\n');
  });

  it('sync without --wait only queues', async () => {
    const result = await cli(['sync', connectionId, '--entity', 'customers', '--kind', 'incremental']);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^queued customers \(incremental\) as job /);
    expect(result.stdout).toContain(`follow them with \`portage status ${connectionId}\``);
  });

  it('dlq list shows dead-lettered jobs and dlq replay sends them back', async () => {
    const data = { connectionId, entity: 'products', kind: 'full' as const, runId: '11111111-1111-4111-8111-111111111111' };
    const deadId = await queue.send(SYNC_DEAD_LETTER_QUEUE, data);
    expect(deadId).toMatch(UUID);

    const listed = await cli(['dlq', 'list']);
    expect(listed.stdout).toMatch(/^JOB +CREATED +CONNECTION +ENTITY +KIND +ERROR\n/);
    expect(listed.stdout).toContain(`${deadId}  `);
    expect(listed.stdout).toMatch(new RegExp(`${connectionId} +products +full +-\\n`));

    const missing = await cli(['dlq', 'replay', '00000000-0000-4000-8000-000000000000']);
    expect(missing).toMatchObject({ code: 1 });
    expect(missing.stderr).toMatch(/^error NOT_FOUND \(ignore_record\): not in the dead-letter queue: 0{8}-/);

    const replayed = await cli(['dlq', 'replay', deadId!]);
    expect(replayed).toMatchObject({ code: 0, stderr: '' });
    expect(replayed.stdout).toMatch(new RegExp(`^replayed ${deadId} as [0-9a-f-]{36}: ${connectionId} products \\(full\\)\\n`));
    expect(await queue.list(SYNC_DEAD_LETTER_QUEUE, 10)).toEqual([]);
    const [requeued] = await queue.list(SYNC_QUEUE, 10).then((jobs) => jobs.filter((job) => (job.data as { entity: string }).entity === 'products'));
    // The failed run's id stays behind: the replay counts in a new run.
    expect(requeued?.data).toEqual({ connectionId, entity: 'products', kind: 'full' });
  });

  it('dlq replay needs ids or --all', async () => {
    const result = await cli(['dlq', 'replay']);
    expect(result.code).toBe(1);
    expect(result.stderr).toBe('error CONFIG_INVALID (fix_config): give job ids or --all (not both): see `portage dlq replay --help` (fix the configuration named in the message)\n');
  });
});
