import { randomBytes } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { defineConnector, defineEntity, type Customer } from '@portage/core';
import { createDatabase, type PortageDatabase } from '@portage/persist';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { definePortageConfig, type PortageConfig } from '../src/index.js';
import { runMain } from './run-main.js';

// A loopback platform whose customers can be created, updated and read one by one.
interface Row {
  id: string;
  name: string;
  email: string;
  updated_at: string;
}

const DATABASE_URL = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const suffix = randomBytes(4).toString('hex');
const schema = `portage_cli_export_${suffix}`;
const queueSchema = `pgboss_cli_export_${suffix}`;
const env = { DATABASE_URL, PORTAGE_ENCRYPTION_KEY: randomBytes(32).toString('base64') };

const rows = new Map<string, Row>();
let server: Server;
let config: PortageConfig;
let database: PortageDatabase;
let dir: string;
let connectionId: string;
let clock = Date.UTC(2026, 0, 1);
const stamp = () => new Date((clock += 1000)).toISOString();

async function startPlatform(): Promise<string> {
  server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const send = (status: number, body: unknown) => {
        response.writeHead(status, { 'content-type': 'application/json' });
        response.end(JSON.stringify(body));
      };
      const [, collection, id] = (request.url ?? '/').split('?')[0]!.split('/');
      if (collection !== 'customers') return send(404, { error: { message: 'no such endpoint' } });
      const body = chunks.length > 0 ? (JSON.parse(Buffer.concat(chunks).toString()) as Partial<Row>) : {};
      if (request.method === 'GET' && id === undefined) return send(200, { data: [...rows.values()] });
      if (request.method === 'POST' && id === undefined) {
        if (!body.email) return send(422, { error: { message: 'email is required' } });
        const row = { id: `cus_${rows.size + 1}`, name: body.name ?? '', email: body.email, updated_at: stamp() };
        rows.set(row.id, row);
        return send(201, row);
      }
      const row = id === undefined ? undefined : rows.get(id);
      if (!row) return send(404, { error: { message: `no customer ${id}` } });
      if (request.method === 'GET') return send(200, row);
      const updated = { ...row, ...body, id: row.id, updated_at: stamp() };
      rows.set(row.id, updated);
      return send(200, updated);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

const fromCustomer = (customer: Customer) => ({ name: customer.firstName ?? '', email: customer.email ?? '' });

beforeAll(async () => {
  const url = await startPlatform();
  const customers = defineEntity<Row, 'Customer'>({
    unified: 'Customer',
    request: { path: '/customers' },
    recordsPath: 'data',
    pagination: { type: 'none' },
    primaryKey: 'id',
    updatedAtPath: 'updated_at',
    map: (raw) => ({ id: raw.id, firstName: raw.name, email: raw.email, updatedAt: raw.updated_at }),
    export: {
      create: { method: 'POST', path: '/customers', from: fromCustomer },
      update: { method: 'PATCH', path: '/customers/{id}', from: fromCustomer },
      read: { path: '/customers/{id}' },
    },
  });
  const connector = defineConnector({ name: 'writable', baseUrl: url, auth: { type: 'none' }, entities: { customers } });
  config = definePortageConfig({ connectors: { writable: connector }, database: { schema }, queue: { schema: queueSchema } });
  database = createDatabase({ connectionString: DATABASE_URL, schema });
  dir = await mkdtemp(join(tmpdir(), 'portage-export-'));
  expect((await cli(['migrate'])).code).toBe(0);
  const connected = await cli(['connect', '--platform', 'writable', '--tenant', 'acme', '--credentials', '{}']);
  expect(connected).toMatchObject({ code: 0, stderr: '' });
  connectionId = connected.stdout.trim();
});

afterAll(async () => {
  server?.closeAllConnections();
  await new Promise<void>((resolve) => server?.close(() => resolve()));
  for (const name of [schema, queueSchema]) await database.db.schema.dropSchema(name).ifExists().cascade().execute();
  await database.destroy();
  await rm(dir, { recursive: true, force: true });
});

const cli = (argv: readonly string[]) => runMain(argv, { config, env, cwd: dir });
const writeRecords = async (name: string, records: unknown[]) => {
  await writeFile(join(dir, name), JSON.stringify(records));
  return name;
};

describe('portage export', () => {
  it('--inline creates the records, then finds nothing to change, then refuses to overwrite a platform change', async () => {
    const file = await writeRecords('customers.json', [
      { id: 'crm-1', firstName: 'Ada', email: 'ada@example.test' },
      { id: 'crm-2', firstName: 'Grace', email: 'grace@example.test' },
    ]);
    const created = await cli(['export', connectionId, 'customers', '--file', file, '--inline']);
    expect(created).toMatchObject({ code: 0, stderr: '' });
    expect(created.stdout).toBe('created crm-1 -> cus_1\ncreated crm-2 -> cus_2\nexported 2 records: 2 created\n');
    expect([...rows.values()].map((row) => row.email)).toEqual(['ada@example.test', 'grace@example.test']);

    const again = await cli(['export', connectionId, 'customers', '--file', file, '--inline']);
    expect(again.stdout).toBe('unchanged crm-1 (cus_1)\nunchanged crm-2 (cus_2)\nexported 2 records: 2 unchanged\n');

    // Someone renames Ada on the platform; our file renames her too.
    const changed = { ...rows.get('cus_1')!, name: 'Countess', updated_at: stamp() };
    rows.set('cus_1', changed);
    const renamed = await writeRecords('renamed.json', [{ id: 'crm-1', firstName: 'Augusta', email: 'ada@example.test' }]);
    const conflict = await cli(['export', connectionId, 'customers', '--file', renamed, '--inline']);
    expect(conflict.code).toBe(1);
    expect(conflict.stdout).toMatch(new RegExp(`^conflict crm-1 \\(cus_1\\): changed on the platform at ${changed.updated_at}, last synced version \\S+; `));
    expect(rows.get('cus_1')).toEqual(changed);

    const forced = await cli(['export', connectionId, 'customers', '--file', renamed, '--inline', '--force']);
    expect(forced.stdout).toBe('updated crm-1 -> cus_1\nexported 1 record: 1 updated\n');
    expect(rows.get('cus_1')?.name).toBe('Augusta');
  });

  it('reports a rejected record with its code and action, and goes on with the others', async () => {
    const file = await writeRecords('mixed.json', [
      { id: 'crm-3', firstName: 'No email' },
      { id: 'crm-4', firstName: 'Edsger', email: 'edsger@example.test' },
    ]);
    const result = await cli(['export', connectionId, 'customers', '--file', file, '--inline']);
    expect(result.code).toBe(1);
    expect(result.stdout.split('\n')).toEqual([expect.stringMatching(/^failed crm-3: VALIDATION_FAILED \(fix_config\): /), 'created crm-4 -> cus_3', 'exported 2 records: 1 created, 1 failed', '']);
  });

  it('queues one job per record by default', async () => {
    const file = await writeRecords('queued.json', [{ key: 'crm-5', firstName: 'Barbara', email: 'barbara@example.test' }]);
    const result = await cli(['export', connectionId, 'customers', '--file', file, '--local-key-path', 'key']);
    expect(result).toMatchObject({ code: 0, stderr: '' });
    expect(result.stdout).toMatch(/^queued crm-5 as job [0-9a-f-]{36}\nqueued 1 export: `portage worker` writes them\n$/);
  });

  it('names what is wrong with a file', async () => {
    const file = await writeRecords('keyless.json', [{ firstName: 'x' }]);
    const result = await cli(['export', connectionId, 'customers', '--file', file]);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/^error CONFIG_INVALID \(fix_config\): record 0 of \S+keyless\.json has no local key at "id"/);
  });
});
