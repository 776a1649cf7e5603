import { copyFile, mkdir, mkdtemp, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runMain } from '../../test/run-main.js';

// A tiny platform whose v2 spec makes Customer.email optional and adds an unrelated endpoint.
const spec = (version: string, emailRequired: boolean) => ({
  openapi: '3.0.3',
  info: { title: 'Tiny', version },
  servers: [{ url: 'https://api.tiny.example.com' }],
  components: {
    securitySchemes: { bearer: { type: 'http', scheme: 'bearer' } },
    schemas: {
      Customer: {
        type: 'object',
        required: emailRequired ? ['id', 'email'] : ['id'],
        properties: { id: { type: 'string' }, email: { type: 'string' }, updated_at: { type: 'string', format: 'date-time' } },
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
        ],
        responses: {
          200: {
            description: 'ok',
            content: { 'application/json': { schema: { type: 'object', required: ['data'], properties: { data: { type: 'array', items: { $ref: '#/components/schemas/Customer' } }, next_cursor: { type: 'string', nullable: true } } } } },
          },
        },
      },
    },
  },
});

const MAPPING = `import type { Customer } from '@portage/core';
import type { CustomersRecord } from '../generated/platform.js';

export function toCustomer(raw: CustomersRecord): Customer {
  return { id: raw.id, email: raw.email.toLowerCase() };
}
`;

const repoRoot = new URL('../../../../', import.meta.url);
let workspace: string;
const drift = (...argv: string[]) => runMain(['drift', ...argv], { cwd: workspace });

beforeAll(async () => {
  workspace = await mkdtemp(join(tmpdir(), 'portage-drift-cli-'));
  await copyFile(new URL('tsconfig.base.json', repoRoot), join(workspace, 'tsconfig.base.json'));
  await writeFile(join(workspace, 'package.json'), JSON.stringify({ private: true, type: 'module', workspaces: ['connectors/*'] }));
  await symlink(new URL('node_modules', repoRoot).pathname, join(workspace, 'node_modules'), 'dir');
  await mkdir(join(workspace, 'openapi'));
  await writeFile(join(workspace, 'openapi/v1.json'), JSON.stringify(spec('1', true)));
  await writeFile(join(workspace, 'openapi/v2.json'), JSON.stringify(spec('2', false)));
  const generated = await runMain(['generate', 'tiny', '--spec', 'openapi/v1.json', '--entities', 'customers:Customer'], { cwd: workspace });
  expect(generated.code, generated.stderr).toBe(0);
  await writeFile(join(workspace, 'connectors/tiny/src/mappings/customers.ts'), MAPPING);
}, 60_000);
afterAll(() => rm(workspace, { recursive: true, force: true }));

describe('portage drift', () => {
  it('re-resolving the pinned spec finds nothing: exit 0', async () => {
    const result = await drift();
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toContain('## tiny: ok');
    expect(result.stdout).toContain('same bytes');
  });

  it('a change a mapping reads is breaking for it: exit 1, with the entity, function and line', async () => {
    const result = await drift('tiny', '--against', 'openapi/v2.json');
    expect(result.code, result.stderr).toBe(1);
    expect(result.stdout).toContain('## tiny: BREAKING');
    expect(result.stdout).toContain('`response-field-became-optional` `GET /v1/customers` `200 Customer email`');
    expect(result.stdout).toContain('entity `customers` toCustomer reads email: `connectors/tiny/src/mappings/customers.ts:5` in `toCustomer`');
  });

  it('--format json is the versioned report, also written by --json-out', async () => {
    const result = await drift('--against', 'tiny=openapi/v2.json', '--format', 'json', '--json-out', 'drift.json');
    expect(result.code).toBe(1);
    const json = JSON.parse(result.stdout) as { impactReportVersion: number; breaking: boolean; connectors: { platform: string; status: string; touching: { change: { id: string }; uses: { via: string; mapping?: { function: string; line: number } }[] }[] }[] };
    expect(json).toMatchObject({ impactReportVersion: 1, breaking: true, failed: false });
    expect(json.connectors[0]).toMatchObject({ platform: 'tiny', status: 'breaking' });
    expect(json.connectors[0]!.touching[0]!.uses[0]).toMatchObject({ via: 'mapping', mapping: { function: 'toCustomer', line: 5 } });
    expect(JSON.parse(await readFile(join(workspace, 'drift.json'), 'utf8'))).toEqual(json);
  });

  it('--no-typecheck sees only what the config uses, which this change is not: exit 0', async () => {
    const result = await drift('tiny', '--against', 'openapi/v2.json', '--no-typecheck');
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toContain('Mappings: skipped (--no-typecheck)');
  });

  it('--live compares fresh recordings with the committed fixtures by shape: a missing field exits 1', async () => {
    const recording = (customer: Record<string, unknown>) =>
      JSON.stringify({
        format: 1,
        connector: 'tiny',
        scenario: 'customers',
        recordedAt: '2026-11-01T00:00:00.000Z',
        exchanges: [{ request: { method: 'GET', url: 'https://api.tiny.example.com/v1/customers', headers: {} }, response: { status: 200, headers: { 'content-type': 'application/json' }, json: { data: [customer], next_cursor: null } } }],
      });
    await mkdir(join(workspace, 'connectors/tiny/fixtures'), { recursive: true });
    await writeFile(join(workspace, 'connectors/tiny/fixtures/customers.json'), recording({ id: 'c1', email: 'a@tiny.test' }));
    await mkdir(join(workspace, 'fresh/tiny'), { recursive: true });
    await writeFile(join(workspace, 'fresh/tiny/customers.json'), recording({ id: 'c1' }));
    try {
      const result = await drift('tiny', '--no-typecheck', '--live', 'fresh');
      expect(result.code, result.stderr).toBe(1);
      expect(result.stdout).toContain('## tiny: 1 change');
      expect(result.stdout).toContain('- customers: `data[].email` missing');
      await writeFile(join(workspace, 'fresh/tiny/customers.json'), recording({ id: 'c2', email: 'b@tiny.test' }));
      expect((await drift('tiny', '--no-typecheck', '--live', 'fresh')).code).toBe(0);
    } finally {
      await rm(join(workspace, 'connectors/tiny/fixtures'), { recursive: true });
    }
  });

  it('--projects keeps the connector projects of an nx list and ignores the rest', async () => {
    expect((await drift('--projects', '@portage/core,@portage/codegen', '--format', 'json')).stdout).toContain('"connectors": []');
    const result = await drift('--projects', '@portage/core @portage/connector-tiny', '--against', 'openapi/v2.json');
    expect(result.code).toBe(1);
  });

  it('usage errors and connectors that cannot be checked exit 2', async () => {
    expect(await drift('--format', 'xml')).toMatchObject({ code: 2, stderr: expect.stringContaining('--format must be markdown or json') as string });
    expect(await drift('nope')).toMatchObject({ code: 2, stderr: expect.stringContaining('"nope": no connectors/<platform> with a specs/<platform>/spec.lock.json; pinned connectors: tiny') as string });
    expect(await drift('--against', 'other=openapi/v2.json')).toMatchObject({ code: 2, stderr: expect.stringContaining('--against names other') as string });
    const missing = await drift('tiny', '--against', 'openapi/v3.json');
    expect(missing.code).toBe(2);
    expect(missing.stdout).toContain('## tiny: not checked');
  });
});
