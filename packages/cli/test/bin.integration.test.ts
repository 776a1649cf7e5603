import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { createDatabase } from '@portage/persist';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { StatusJson } from '../src/index.js';
import { startTinyPlatform, type TinyPlatform } from './tiny-platform.js';

// The whole path a user takes: the bin in its own process, no build, a TypeScript config
// module with a refresh config file (test/fixtures), real Postgres.
const run = promisify(execFile);
const bin = fileURLToPath(new URL('../bin/portage.js', import.meta.url));
const fixtures = fileURLToPath(new URL('./fixtures/', import.meta.url));
const DATABASE_URL = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const suffix = randomBytes(4).toString('hex');
const schema = `portage_cli_${suffix}`;
const queueSchema = `pgboss_cli_${suffix}`;

let platform: TinyPlatform;
let env: NodeJS.ProcessEnv;
const portage = async (...argv: string[]) => {
  const { stdout, stderr } = await run(process.execPath, [bin, ...argv, '--config', 'portage.config.ts'], { cwd: fixtures, env, encoding: 'utf8' });
  return { stdout, stderr };
};

beforeAll(async () => {
  platform = await startTinyPlatform(150);
  env = {
    ...process.env,
    DATABASE_URL,
    PORTAGE_ENCRYPTION_KEY: randomBytes(32).toString('base64'),
    TINY_PLATFORM_URL: platform.url,
    PORTAGE_CLI_TEST_SCHEMA: schema,
    PORTAGE_CLI_TEST_QUEUE_SCHEMA: queueSchema,
  };
});

afterAll(async () => {
  await platform?.close();
  const database = createDatabase({ connectionString: DATABASE_URL, schema });
  for (const name of [schema, queueSchema]) await database.db.schema.dropSchema(name).ifExists().cascade().execute();
  await database.destroy();
});

describe('bin/portage.js with a TypeScript config module', () => {
  it('migrates, connects, syncs what the refresh config plans, and reports it', { timeout: 60_000 }, async () => {
    expect((await portage('migrate')).stdout).toContain(`schema "${schema}"`);
    const connectionId = (await portage('connect', '--platform', 'tiny', '--tenant', 'acme', '--credentials', JSON.stringify({ apiKey: platform.apiKey }))).stdout.trim();

    const sync = await portage('sync', connectionId, '--inline');
    expect(sync.stderr).toBe('');
    expect(sync.stdout).toBe(
      [
        'syncing customers (full), products (full) of tiny/acme in this process',
        'customers: 2 pages, +150 ~0 =0 -0 (succeeded)',
        'products:  1 page, +3 ~0 =0 -0 (succeeded)',
        '',
      ].join('\n'),
    );
    // Both backfills are done; the nightly resync is not due yet.
    expect((await portage('sync', connectionId, '--inline')).stdout).toMatch(/^nothing is due for connection /);

    const status = JSON.parse((await portage('status', connectionId, '--format', 'json')).stdout) as StatusJson;
    expect(status.connections[0]?.runs.map((entry) => entry.entities.map(({ entity, added, pages }) => ({ entity, added, pages })))).toEqual([
      [
        { entity: 'customers', added: 150, pages: 2 },
        { entity: 'products', added: 3, pages: 1 },
      ],
    ]);
  });
});
