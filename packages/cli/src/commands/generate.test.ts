import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runMain } from '../../test/run-main.js';

// A tiny OpenAPI 3 spec with one cursor-paginated list endpoint, written to a temp dir per test.
const tinySpec = {
  openapi: '3.0.3',
  info: { title: 'Tiny', version: '1.0.0' },
  servers: [{ url: 'https://api.tiny.example.com' }],
  components: {
    securitySchemes: { bearer: { type: 'http', scheme: 'bearer' } },
    schemas: {
      Customer: {
        type: 'object',
        required: ['id'],
        properties: { id: { type: 'string' }, email: { type: 'string' }, name: { type: 'string' }, updated_at: { type: 'string', format: 'date-time' } },
      },
    },
  },
  security: [{ bearer: [] }],
  paths: {
    '/v1/customers': {
      get: {
        operationId: 'listCustomers',
        parameters: [
          { name: 'cursor', in: 'query', schema: { type: 'string' } },
          { name: 'limit', in: 'query', schema: { type: 'integer' } },
          { name: 'updated_since', in: 'query', schema: { type: 'string', format: 'date-time' } },
        ],
        responses: {
          '200': {
            description: 'ok',
            content: {
              'application/json': {
                schema: {
                  type: 'object',
                  properties: { data: { type: 'array', items: { $ref: '#/components/schemas/Customer' } }, next_cursor: { type: 'string', nullable: true } },
                },
              },
            },
          },
        },
      },
    },
  },
};

let workspace: string;

/** Every file under the workspace but the spec itself and the spec cache, relative and sorted. */
async function filesIn(folder: string): Promise<string[]> {
  const entries = await readdir(folder, { recursive: true, withFileTypes: true });
  return entries
    .filter((entry) => entry.isFile())
    .map((entry) => relative(workspace, join(entry.parentPath, entry.name)).split('\\').join('/'))
    .filter((path) => path !== 'openapi/tiny.json' && !path.startsWith('node_modules/'))
    .sort();
}

beforeEach(async () => {
  workspace = await mkdtemp(join(tmpdir(), 'portage-generate-'));
  await mkdir(join(workspace, 'openapi'));
  await writeFile(join(workspace, 'openapi/tiny.json'), JSON.stringify(tinySpec, null, 2));
  // The workspace root is the nearest folder with "workspaces": this one.
  await writeFile(join(workspace, 'package.json'), JSON.stringify({ name: 'scratch', private: true, workspaces: ['connectors/*'] }));
  await mkdir(join(workspace, 'sub'));
});

afterEach(async () => {
  await rm(workspace, { recursive: true, force: true });
});

const generate = (...argv: string[]) => runMain(['generate', ...argv], { cwd: workspace });

describe('portage generate --dry-run --report', () => {
  it('--format json prints only the JSON array of list endpoints, with the stable keys, and writes nothing', async () => {
    const result = await generate('tiny', '--spec', 'openapi/tiny.json', '--dry-run', '--report', '--format', 'json');
    expect(result.code).toBe(0);
    const report = JSON.parse(result.stdout) as Record<string, unknown>[];
    expect(Array.isArray(report)).toBe(true);
    expect(report).toHaveLength(1);
    const [endpoint] = report;
    expect(Object.keys(endpoint ?? {}).sort()).toEqual(['confidence', 'incremental', 'method', 'pagination', 'path', 'primaryKey', 'records']);
    expect(endpoint).toMatchObject({
      method: 'GET',
      path: '/v1/customers',
      records: 'data',
      pagination: { type: 'cursor', param: 'cursor' },
      incremental: { in: 'query', name: 'updated_since' },
      primaryKey: 'id',
    });
    expect(endpoint?.confidence).toBeGreaterThan(0.5);
    expect(endpoint?.confidence).toBeLessThanOrEqual(1);
    expect(result.stdout).toBe(`${JSON.stringify(report, null, 2)}\n`);
    expect(result.stderr).toBe('1 list endpoint in openapi/tiny.json; dry run: nothing written\n');
    expect(await filesIn(workspace)).toEqual(['package.json']);
  });

  it('prints the discovery table by default, and finds the workspace root from a subfolder', async () => {
    const result = await runMain(['generate', 'tiny', '--spec', '../openapi/tiny.json', '--dry-run', '--report'], { cwd: join(workspace, 'sub') });
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^METHOD +PATH +RECORDS/);
    expect(result.stdout).toMatch(/\nGET +\/v1\/customers +data +cursor \(cursor\) +query updated_since +id +0\.\d\d +Customer/);
    // The source is relative to the workspace root (where the lock will live), not to sub/.
    expect(result.stderr).toContain('in openapi/tiny.json');
    expect(await filesIn(workspace)).toEqual(['package.json']);
  });
});

describe('portage generate', () => {
  it('writes the connector and the spec folder, then on a rerun keeps the scaffold and leaves the rest unchanged', async () => {
    const first = await generate('tiny', '--spec', 'openapi/tiny.json', '--entities', 'customers:Contact');
    expect(first).toMatchObject({ code: 0, stderr: '' });
    const files = await filesIn(workspace);
    expect(files).toEqual(
      expect.arrayContaining(['specs/tiny/spec.lock.json', 'specs/tiny/surface.json', 'connectors/tiny/src/mappings/customers.ts', 'connectors/tiny/portage-connector.json']),
    );
    for (const file of files.filter((path) => path !== 'package.json')) expect(first.stdout).toMatch(new RegExp(`\\n  wrote  ${file}\\n`));
    expect(first.stdout).toMatch(/\n  customers  GET \/v1\/customers  Contact\n/);
    expect(first.stdout).toMatch(/\nnext: fill in the mappings in connectors\/tiny\/src\/mappings\/, then check them: npx tsc -p connectors\/tiny --noEmit\n$/);
    const lock = JSON.parse(await readFile(join(workspace, 'specs/tiny/spec.lock.json'), 'utf8')) as { source: string };
    expect(lock.source).toBe('openapi/tiny.json');
    const choices = JSON.parse(await readFile(join(workspace, 'connectors/tiny/portage-connector.json'), 'utf8')) as { entities: unknown[] };
    expect(choices.entities).toEqual([{ name: 'customers', method: 'GET', path: '/v1/customers', unified: 'Contact' }]);

    const mapping = join(workspace, 'connectors/tiny/src/mappings/customers.ts');
    await writeFile(mapping, '// written by hand\n');
    const dryRun = await generate('tiny', '--dry-run');
    expect(dryRun.code).toBe(0);
    expect(dryRun.stdout).toContain('  would keep  connectors/tiny/src/mappings/customers.ts\n');
    expect(dryRun.stdout).toContain('  unchanged   specs/tiny/spec.lock.json\n');
    expect(dryRun.stdout).not.toContain('would write');
    expect(dryRun.stdout).toMatch(/dry run: nothing written\n$/);

    // Without --spec and --entities: the pinned source and the saved choices.
    const second = await generate('tiny');
    expect(second.code).toBe(0);
    expect(second.stdout).not.toMatch(/\n  wrote /);
    expect(second.stdout).toContain('  kept       connectors/tiny/src/mappings/customers.ts\n');
    expect(await readFile(mapping, 'utf8')).toBe('// written by hand\n');
    expect(await filesIn(workspace)).toEqual(files);
  });

  it('with --report, stdout carries only the report and the summary goes to stderr', async () => {
    const result = await generate('tiny', '--spec', 'openapi/tiny.json', '--report', '--format', 'json');
    expect(result.code).toBe(0);
    expect((JSON.parse(result.stdout) as unknown[]).length).toBe(1);
    expect(result.stderr).toContain('  wrote  specs/tiny/spec.lock.json\n');
  });
});

describe('portage generate usage errors', () => {
  it.each<[string, string[], string]>([
    ['no platform', [], 'give the platform name, e.g. portage generate stripe'],
    ['two platforms', ['tiny', 'other'], 'unexpected argument "other"'],
    ['a bad platform name', ['Tiny'], '"Tiny" is not a valid platform name'],
    ['an --entities item without a unified name', ['tiny', '--entities', 'customers'], '--entities item "customers" is not name:UnifiedEntity'],
    ['an --entities item with two colons', ['tiny', '--entities', 'a:b:Customer'], '--entities item "a:b:Customer" is not name:UnifiedEntity'],
    ['a name given twice', ['tiny', '--entities', 'a:Customer,a:Order'], '--entities names "a" twice'],
    ['--format without --report', ['tiny', '--format', 'json'], '--format applies to --report'],
    ['an unknown format', ['tiny', '--report', '--format', 'yaml'], '--format must be text or json, got "yaml"'],
    ['an unknown option', ['tiny', '--spek', 'x'], "Unknown option '--spek'"],
    ['no spec and no lock', ['tiny', '--dry-run', '--report'], 'specs/tiny/spec.lock.json does not exist yet, so give the spec: --spec'],
    ['an unsupported source', ['tiny', '--spec', 'ftp://example.com/spec.json'], 'the "ftp:" scheme is not supported'],
  ])('%s', async (_name, argv, message) => {
    const result = await generate(...argv);
    expect(result.code).toBe(1);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(/^error CONFIG_INVALID \(fix_config\): /);
    expect(result.stderr).toContain(message);
    expect(await filesIn(workspace)).toEqual(['package.json']);
  });

  it('an unknown unified name lists the valid ones', async () => {
    const result = await generate('tiny', '--spec', 'openapi/tiny.json', '--entities', 'customers:Client');
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('"Client" is not a unified entity; use one of Order, LineItem, Product, Variant, Customer, Account, Invoice, Payment, Contact, Transaction, Payout');
  });

  it('an entity name no endpoint has lists the names there are', async () => {
    const result = await generate('tiny', '--spec', 'openapi/tiny.json', '--entities', 'clients:Customer', '--dry-run', '--report');
    expect(result.code).toBe(1);
    expect(result.stdout).toBe('');
    expect(result.stderr).toContain('--entities: no list endpoint of tiny is named "clients"; the names there are: customers');
  });

  it('--help explains the command', async () => {
    const result = await generate('--help');
    expect(result).toMatchObject({ code: 0, stderr: '' });
    expect(result.stdout).toMatch(/^usage: portage generate <platform> \[--spec <source>\]/);
  });
});
