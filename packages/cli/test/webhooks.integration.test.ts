import { createHmac, randomBytes } from 'node:crypto';
import { Readable } from 'node:stream';
import { defineConnector, defineEntity } from '@portage/core';
import { createDatabase, type PortageDatabase } from '@portage/persist';
import { SYNC_QUEUE } from '@portage/refresh';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { definePortageConfig, main, type PortageConfig } from '../src/index.js';
import { runMain } from './run-main.js';

const DATABASE_URL = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const suffix = randomBytes(4).toString('hex');
const schema = `portage_cli_hooks_${suffix}`;
const queueSchema = `pgboss_cli_hooks_${suffix}`;
const SECRET = 'test-signing-key';
const env = { DATABASE_URL, PORTAGE_ENCRYPTION_KEY: randomBytes(32).toString('base64'), SHOP_HOOK_SECRET: SECRET };

const customers = defineEntity<{ id: string }, 'Customer'>({
  unified: 'Customer',
  request: { path: '/customers' },
  recordsPath: 'data',
  pagination: { type: 'none' },
  primaryKey: 'id',
  map: (raw) => ({ id: raw.id }),
});
// Nothing is fetched in these tests: the base URL is never called.
const hooked = defineConnector({
  name: 'hooked',
  baseUrl: 'http://127.0.0.1:9',
  auth: { type: 'none' },
  entities: { customers },
  webhooks: {
    signature: { scheme: 'hmac-sha256-timestamped', header: 'X-Hook-Signature' },
    idPaths: ['id'],
    typePath: 'type',
    routes: [{ match: 'customer.*', entities: ['customers'] }],
  },
});
const plain = defineConnector({ name: 'plain', baseUrl: 'http://127.0.0.1:9', auth: { type: 'none' }, entities: { customers } });

let config: PortageConfig;
let database: PortageDatabase;

const cli = (argv: readonly string[], io: { env?: Record<string, string | undefined>; stdin?: AsyncIterable<string> } = {}) =>
  runMain(argv, { config, env: io.env ?? env, ...(io.stdin ? { stdin: io.stdin } : {}) });

const connect = async (platform: string) => {
  const result = await cli(['connect', '--platform', platform, '--tenant', 'acme', '--credentials', '{"type":"none"}']);
  expect(result).toMatchObject({ code: 0, stderr: '' });
  return result.stdout.trim();
};

const sign = (body: string, secret = SECRET) => {
  const t = Math.floor(Date.now() / 1000);
  return `t=${t},v1=${createHmac('sha256', secret).update(`${t}.${body}`).digest('hex')}`;
};

beforeAll(async () => {
  config = definePortageConfig({ connectors: { hooked, plain }, database: { schema }, queue: { schema: queueSchema } });
  database = createDatabase({ connectionString: DATABASE_URL, schema });
  expect((await cli(['migrate'])).code).toBe(0);
});

afterAll(async () => {
  for (const name of [schema, queueSchema]) await database.db.schema.dropSchema(name).ifExists().cascade().execute();
  await database.destroy();
});

describe('portage webhook-secret', () => {
  it('stores the secret from an environment variable, encrypted, and prints where deliveries go', async () => {
    const connectionId = await connect('hooked');
    const result = await cli(['webhook-secret', connectionId, '--from-env', 'SHOP_HOOK_SECRET', '--max-silence', '6 hours']);
    expect(result).toEqual({ code: 0, stderr: '', stdout: `webhook secret stored for connection ${connectionId}: deliveries go to POST /webhooks/${connectionId} (silent after 6h without an event)\n` });
    const row = await database.db.selectFrom('webhook_subscriptions').select(['signing_secret', 'max_silence_seconds']).where('connection_id', '=', connectionId).executeTakeFirstOrThrow();
    expect(row.max_silence_seconds).toBe(6 * 3600);
    expect(row.signing_secret).not.toContain(SECRET);
  });

  it('reads the secret from standard input', async () => {
    const connectionId = await connect('hooked');
    const result = await cli(['webhook-secret', connectionId, '--stdin'], { stdin: Readable.from([`${SECRET}\n`]) });
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('silent after 1d without an event');
  });

  it('takes no secret on the command line, and needs exactly one source', async () => {
    const connectionId = await connect('hooked');
    const onArgv = await cli(['webhook-secret', connectionId, SECRET]);
    expect(onArgv.code).toBe(1);
    expect(onArgv.stderr).toContain('never from the command line');
    expect(onArgv.stderr).not.toContain(SECRET);
    expect((await cli(['webhook-secret', connectionId])).stderr).toContain('give exactly one of --from-env <VAR> or --stdin');
    expect((await cli(['webhook-secret', connectionId, '--from-env', 'NOPE', '--stdin'])).stderr).toContain('give exactly one of');
  });

  it('refuses an empty variable, and a platform whose connector declares no webhooks', async () => {
    const connectionId = await connect('hooked');
    expect((await cli(['webhook-secret', connectionId, '--from-env', 'NOT_SET'])).stderr).toMatch(/^error CONFIG_INVALID \(fix_config\): the environment variable NOT_SET is not set or empty/);
    const plainId = await connect('plain');
    expect((await cli(['webhook-secret', plainId, '--from-env', 'SHOP_HOOK_SECRET'])).stderr).toMatch(/^error CONFIG_INVALID \(fix_config\): the connector for platform "plain" declares no webhooks/);
  });
});

describe('portage serve', () => {
  it('receives a signed delivery on loopback, queues one sync, rejects a bad signature, and stops on the signal', async () => {
    const connectionId = await connect('hooked');
    expect((await cli(['webhook-secret', connectionId, '--from-env', 'SHOP_HOOK_SECRET'])).code).toBe(0);

    const controller = new AbortController();
    let stdout = '';
    let stderr = '';
    let listening!: (url: string) => void;
    const url = new Promise<string>((resolve) => (listening = resolve));
    const exit = main(['serve', '--port', '0', '--silence-check', 'off', '--log-level', 'error'], {
      config,
      env,
      signal: controller.signal,
      stdout: {
        write: (text: string) => {
          stdout += text;
          const match = /serving webhooks on (http:\/\/127\.0\.0\.1:\d+)\/webhooks/.exec(stdout);
          if (match) listening(match[1]!);
        },
      },
      stderr: { write: (text: string) => (stderr += text) },
    });
    const base = await Promise.race([url, exit.then((code) => Promise.reject(new Error(`serve exited ${code}: ${stderr}`)))]);
    expect(stdout).toContain('for hooked; silence monitor off');

    const body = JSON.stringify({ id: 'evt_cli', type: 'customer.updated' });
    const post = (signature: string) => fetch(`${base}/webhooks/${connectionId}`, { method: 'POST', body, headers: { 'x-hook-signature': signature } });
    expect((await post(sign(body, 'test-other-key'))).status).toBe(401);
    expect((await post(sign(body))).status).toBe(200);
    expect((await post(sign(body))).status).toBe(200);

    controller.abort();
    expect(await exit).toBe(0);
    expect(stdout).toMatch(/serve stopping\nserve stopped\n$/);
    expect(stderr).toBe('');
    const events = await database.db.selectFrom('webhook_events').select(['event_id', 'deliveries']).where('connection_id', '=', connectionId).execute();
    expect(events).toEqual([{ event_id: 'evt_cli', deliveries: 2 }]);
    const jobs = await database.pool.query<{ data: { connectionId: string; entity: string } }>(`select data from ${queueSchema}.job where name = $1`, [SYNC_QUEUE]);
    expect(jobs.rows.filter((job) => job.data.connectionId === connectionId).map((job) => job.data.entity)).toEqual(['customers']);
  });
});
