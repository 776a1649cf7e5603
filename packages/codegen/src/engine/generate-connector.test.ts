import { copyFile, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { GeneratedFile } from '../model.js';
import { generateConnector } from './generate-connector.js';
import { writeGeneratedFiles } from './write-generated-files.js';

const FIXTURE = new URL('./__fixtures__/acme.openapi.json', import.meta.url);

let workspaceRoot: string;
/** The fixture spec copied into a fresh workspace, so the lock records the same relative path every run. */
beforeEach(async () => {
  workspaceRoot = await mkdtemp(join(tmpdir(), 'portage-generate-'));
  await mkdir(join(workspaceRoot, 'vendor'));
  await copyFile(FIXTURE, join(workspaceRoot, 'vendor', 'acme.json'));
});
afterEach(async () => {
  await rm(workspaceRoot, { recursive: true, force: true });
});

const generate = (options: { source?: string; entities?: Parameters<typeof generateConnector>[0]['entities'] } = { source: 'vendor/acme.json' }) =>
  generateConnector({ platform: 'acme', workspaceRoot, ...options }, { cwd: workspaceRoot });

const byPath = (files: readonly GeneratedFile[]) => Object.fromEntries(files.map((file) => [file.path, file]));

describe('generateConnector on a small inline spec', () => {
  it('produces the whole connector (snapshot of every file)', async () => {
    const { files, entities, lock } = await generate();
    expect(entities.map((entity) => `${entity.name}:${entity.unified}`)).toEqual(['customers:Customer', 'orders:Order']);
    expect(lock.source).toBe('vendor/acme.json');
    expect(files.map((file) => `${file.kind} ${file.path}`)).toMatchInlineSnapshot(`
      [
        "generated specs/acme/spec.lock.json",
        "generated specs/acme/surface.json",
        "generated connectors/acme/src/generated/types.ts",
        "generated connectors/acme/src/generated/platform.ts",
        "generated connectors/acme/src/generated/entities.ts",
        "scaffold connectors/acme/src/connector.ts",
        "scaffold connectors/acme/src/mappings/customers.ts",
        "scaffold connectors/acme/src/mappings/orders.ts",
        "scaffold connectors/acme/src/mappings/customers-export.ts",
        "scaffold connectors/acme/src/connector.contract.test.ts",
        "scaffold connectors/acme/package.json",
        "scaffold connectors/acme/project.json",
        "scaffold connectors/acme/tsconfig.json",
        "scaffold connectors/acme/tsconfig.lib.json",
        "scaffold connectors/acme/vitest.config.ts",
        "scaffold connectors/acme/README.md",
        "scaffold connectors/acme/portage-connector.json",
        "scaffold connectors/acme/src/index.ts",
        "scaffold connectors/acme/fixtures/README.md",
      ]
    `);
    for (const file of files) await expect(file.content).toMatchFileSnapshot(`./__snapshots__/acme/${file.path}.snap`);
  });

  it('carries no upstream prose in any file', async () => {
    const { files } = await generate();
    for (const file of files) expect(file.content, file.path).not.toContain('PROSE');
    // The record property literally named `description` is kept in the types.
    expect(byPath(files)['connectors/acme/src/generated/types.ts']?.content).toMatch(/\bdescription\?: string;/);
  });

  it('is deterministic: two runs give byte-identical files', async () => {
    const first = await generate();
    const second = await generate();
    expect(second.files).toEqual(first.files);
  });

  it('writes everything once, then nothing; an edited scaffold file is kept', async () => {
    const { files } = await generate();
    // A dry run says what would happen and writes nothing.
    expect((await writeGeneratedFiles(workspaceRoot, files, { dryRun: true })).written).toEqual(files.map((file) => file.path));
    expect((await writeGeneratedFiles(workspaceRoot, files, { dryRun: true })).written).toEqual(files.map((file) => file.path));
    const first = await writeGeneratedFiles(workspaceRoot, files);
    expect(first.written).toEqual(files.map((file) => file.path));

    const mapping = join(workspaceRoot, 'connectors/acme/src/mappings/customers.ts');
    await writeFile(mapping, '// mapped by hand\n');
    const again = await generate();
    const second = await writeGeneratedFiles(workspaceRoot, again.files);
    expect(second.written).toEqual([]);
    expect(second.unchanged).toEqual(files.filter((file) => file.kind === 'generated').map((file) => file.path));
    expect(second.kept).toEqual(files.filter((file) => file.kind === 'scaffold').map((file) => file.path));
    expect(await readFile(mapping, 'utf8')).toBe('// mapped by hand\n');
  });

  it('rewrites a generated file that differs and recreates a deleted scaffold file', async () => {
    const { files } = await generate();
    await writeGeneratedFiles(workspaceRoot, files);
    await writeFile(join(workspaceRoot, 'connectors/acme/src/generated/entities.ts'), '// stale\n');
    await rm(join(workspaceRoot, 'connectors/acme/README.md'));
    const result = await writeGeneratedFiles(workspaceRoot, files);
    expect(result.written).toEqual(['connectors/acme/src/generated/entities.ts', 'connectors/acme/README.md']);
  });

  it('refuses paths outside the workspace', async () => {
    await expect(writeGeneratedFiles(workspaceRoot, [{ path: '../escape.ts', content: '', kind: 'generated' }])).rejects.toMatchObject({ code: 'CONFIG_INVALID' });
  });
});

describe('generateConnector defaults', () => {
  it('reuses the locked source and the saved entity choices on the next run', async () => {
    const chosen = [{ name: 'shopOrders', method: 'GET' as const, path: '/orders', unified: 'Order' as const }];
    await writeGeneratedFiles(workspaceRoot, (await generate({ source: 'vendor/acme.json', entities: chosen })).files);
    const rerun = await generate({});
    expect(rerun.lock.source).toBe('vendor/acme.json');
    expect(rerun.entities).toEqual(chosen);
    expect(byPath(rerun.files)['connectors/acme/src/mappings/shop-orders.ts']).toBeDefined();
  });

  it('fails loudly when the locked spec changed upstream', async () => {
    await writeGeneratedFiles(workspaceRoot, (await generate()).files);
    const spec = JSON.parse(await readFile(join(workspaceRoot, 'vendor/acme.json'), 'utf8')) as { info: { version: string } };
    spec.info.version = '2025-01';
    await writeFile(join(workspaceRoot, 'vendor/acme.json'), JSON.stringify(spec));
    await expect(generate({})).rejects.toThrow(/sha256/);
  });

  it('asks for --spec when there is neither a source nor a lock', async () => {
    await expect(generate({})).rejects.toThrow(/--spec/);
  });

  it('rejects a saved choice that names no discovered list endpoint', async () => {
    await mkdir(join(workspaceRoot, 'connectors/acme'), { recursive: true });
    const choices = { platform: 'acme', entities: [{ name: 'refunds', method: 'GET', path: '/refunds', unified: 'Transaction' }] };
    await writeFile(join(workspaceRoot, 'connectors/acme/portage-connector.json'), JSON.stringify(choices));
    await expect(generate()).rejects.toThrow(/GET \/refunds is not a list endpoint/);
  });

  it('rejects a saved choice with an unknown unified entity, naming the file', async () => {
    await mkdir(join(workspaceRoot, 'connectors/acme'), { recursive: true });
    const choices = { platform: 'acme', entities: [{ name: 'orders', method: 'GET', path: '/orders', unified: 'Ordr' }] };
    await writeFile(join(workspaceRoot, 'connectors/acme/portage-connector.json'), JSON.stringify(choices));
    await expect(generate()).rejects.toThrow(/portage-connector\.json: entities\[0\]: "unified" must be one of/);
  });

  it('rejects an invalid platform name', async () => {
    await expect(generateConnector({ platform: 'Acme Shop', source: 'vendor/acme.json', workspaceRoot })).rejects.toMatchObject({ code: 'CONFIG_INVALID' });
  });
});
