import { randomBytes } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createDatabase, migrateToLatest, type PortageDatabase } from '@portage/persist';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { definePortageConfig, main, type PortageConfig } from '../src/index.js';

const DATABASE_URL = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const suffix = randomBytes(4).toString('hex');
const schema = `portage_clidash_${suffix}`;
const queueSchema = `pgboss_clidash_${suffix}`;

let database: PortageDatabase;
let config: PortageConfig;
let dir: string;

beforeAll(async () => {
  config = definePortageConfig({ connectors: {}, database: { schema }, queue: { schema: queueSchema } });
  database = createDatabase({ connectionString: DATABASE_URL, schema });
  await migrateToLatest(database);
  dir = await mkdtemp(join(tmpdir(), 'portage-cli-dashboard-'));
});

afterAll(async () => {
  for (const name of [schema, queueSchema]) await database.db.schema.dropSchema(name).ifExists().cascade().execute();
  await database.destroy();
  await rm(dir, { recursive: true, force: true });
});

/**
 * Runs a long-running command until `ready` matches its output, hands that match over, then
 * stops it and returns its exit code and output.
 */
async function whileRunning(argv: string[], env: Record<string, string>, ready: RegExp, body: (match: RegExpMatchArray) => Promise<void>): Promise<{ code: number; stdout: string; stderr: string }> {
  const stop = new AbortController();
  let stdout = '';
  let stderr = '';
  let seen!: (match: RegExpMatchArray) => void;
  const started = new Promise<RegExpMatchArray>((resolve) => (seen = resolve));
  const finished = main(argv, {
    config,
    cwd: dir,
    env: { DATABASE_URL, ...env },
    signal: stop.signal,
    stdout: {
      write: (text: string) => {
        stdout += text;
        const match = ready.exec(stdout);
        if (match) seen(match);
      },
    },
    stderr: { write: (text: string) => (stderr += text) },
  });
  try {
    const match = await Promise.race([started, finished.then(() => Promise.reject(new Error(`ended early: ${stdout}${stderr}`)))]);
    await body(match);
  } finally {
    stop.abort();
  }
  return { code: await finished, stdout, stderr };
}

describe('portage dashboard', () => {
  it('serves the page and the API, read-only by default, with the drift report it is given', async () => {
    await writeFile(join(dir, 'drift.json'), JSON.stringify({ impactReportVersion: 1, breaking: false, failed: false, connectors: [] }));
    const result = await whileRunning(['dashboard', '--port', '0', '--drift-report', 'drift.json'], {}, /dashboard at (http:\/\/127\.0\.0\.1:\d+\/)/, async ([, url]) => {
      const page = await fetch(url!);
      expect(page.status).toBe(200);
      expect(await page.text()).toContain('No connections yet');
      expect(await (await fetch(`${url}api/connections`)).json()).toMatchObject({ connections: [] });
      expect(await (await fetch(`${url}api/drift`)).json()).toMatchObject({ state: 'ok', path: join(dir, 'drift.json') });
      expect((await fetch(`${url}api/dead-letters/00000000-0000-4000-8000-000000000000/replay`, { method: 'POST' })).status).toBe(403);
    });
    expect(result).toMatchObject({ code: 0, stderr: '' });
    expect(result.stdout).toContain('read-only: set PORTAGE_DASHBOARD_TOKEN or pass --actions');
    expect(result.stdout).toMatch(/dashboard stopped\n$/);
  });

  it('--actions prints a fresh token once; replay then needs it', async () => {
    const result = await whileRunning(['dashboard', '--port', '0', '--actions'], {}, /dashboard at (http:\/\/\S+\/) [\s\S]*action token, shown once: (\S+)\n/, async ([, url, token]) => {
      const replay = (headers: Record<string, string>) => fetch(`${url}api/dead-letters/00000000-0000-4000-8000-000000000000/replay`, { method: 'POST', headers });
      expect((await replay({})).status).toBe(401);
      // The right token gets past the check: the job is simply not there.
      expect((await replay({ authorization: `Bearer ${token}` })).status).toBe(404);
    });
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/open http:\/\/\S+\/#token=\S+ to replay dead letters/);
  });

  it('PORTAGE_DASHBOARD_TOKEN is the token, and is never printed', async () => {
    const token = 'test-dashboard-token-from-env';
    const result = await whileRunning(['dashboard', '--port', '0'], { PORTAGE_DASHBOARD_TOKEN: token }, /dashboard at (http:\/\/\S+\/)/, async ([, url]) => {
      const response = await fetch(`${url}api/dead-letters/00000000-0000-4000-8000-000000000000/replay`, { method: 'POST', headers: { authorization: `Bearer ${token}` } });
      expect(response.status).toBe(404);
    });
    expect(result.stdout).toContain('replay allowed with the token in PORTAGE_DASHBOARD_TOKEN');
    expect(result.stdout).not.toContain(token);
  });
});

describe('portage worker --metrics-port', () => {
  it('serves Prometheus metrics while the worker runs', async () => {
    const env = { PORTAGE_ENCRYPTION_KEY: randomBytes(32).toString('base64') };
    const result = await whileRunning(['worker', '--schedule', 'off', '--metrics-port', '0', '--log-level', 'error'], env, /metrics at (http:\/\/127\.0\.0\.1:\d+\/metrics)\n/, async ([, url]) => {
      const response = await fetch(url!);
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toMatch(/^text\/plain; version=0\.0\.4/);
      const text = await response.text();
      for (const name of ['portage_sync_jobs_total', 'portage_records_total', 'portage_sync_errors_total', 'portage_rate_limit_wait_seconds']) expect(text).toContain(`# TYPE ${name} `);
    });
    expect(result).toMatchObject({ code: 0, stderr: '' });
  });
});
