import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import type { Tree } from '@nx/devkit';
// @nx/devkit has no exports map, so an ESM import (NodeNext) names the file with its extension.
import { createTreeWithEmptyWorkspace } from '@nx/devkit/testing.js';
import { main } from '@portage/cli';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connectorGenerator, writeFilesToTree } from './connector-generator.js';

// The issue asks that the nx generator and `portage generate` give the same output. Both run
// here on one tiny OpenAPI 3 spec (one cursor-paginated list endpoint), read as a file source.
const tinySpec = {
  openapi: '3.0.3',
  info: { title: 'Tiny', version: '1.0.0' },
  servers: [{ url: 'https://api.tiny.example.com' }],
  components: {
    securitySchemes: { key: { type: 'apiKey', in: 'header', name: 'X-Api-Key' } },
    schemas: {
      Customer: {
        type: 'object',
        required: ['id'],
        properties: { id: { type: 'string' }, email: { type: 'string' }, name: { type: 'string' }, updated_at: { type: 'string', format: 'date-time' } },
      },
    },
  },
  security: [{ key: [] }],
  paths: {
    '/v1/customers': {
      get: {
        operationId: 'listCustomers',
        parameters: [
          { name: 'starting_after', in: 'query', schema: { type: 'string' } },
          { name: 'limit', in: 'query', schema: { type: 'integer' } },
        ],
        responses: {
          '200': {
            description: 'ok',
            content: {
              'application/json': {
                schema: {
                  type: 'object',
                  properties: { data: { type: 'array', items: { $ref: '#/components/schemas/Customer' } }, has_more: { type: 'boolean' } },
                },
              },
            },
          },
        },
      },
    },
  },
};

const SPEC_PATH = 'openapi/tiny.json';
let scratch: string;

/** A workspace folder with the spec at openapi/tiny.json, so both lock the same relative source. */
async function workspaceWithSpec(name: string): Promise<string> {
  const root = join(scratch, name);
  await mkdir(join(root, 'openapi'), { recursive: true });
  await writeFile(join(root, SPEC_PATH), JSON.stringify(tinySpec, null, 2));
  return root;
}

/**
 * A Tree from createTreeWithEmptyWorkspace whose root is a real folder: the engine reads the spec
 * and the pinned lock from disk under the root, and writes file sources into the lock relative
 * to it, so the Tree must stand in the same kind of workspace as the CLI run.
 */
function treeAt(root: string): Tree {
  const tree = createTreeWithEmptyWorkspace();
  (tree as { root: string }).root = root;
  return tree;
}

/** The files the generator created in the tree (not the empty workspace's own), by path. */
function treeFiles(tree: Tree): Map<string, string> {
  const files = tree
    .listChanges()
    .filter((change) => change.type !== 'DELETE' && /^(connectors|specs)\//.test(change.path))
    .map((change) => [change.path, change.content?.toString('utf8') ?? ''] as const);
  return new Map([...files].sort(([a], [b]) => (a < b ? -1 : 1)));
}

async function diskFiles(root: string): Promise<Map<string, string>> {
  const entries = await readdir(root, { recursive: true, withFileTypes: true });
  const paths = entries
    .filter((entry) => entry.isFile())
    .map((entry) => relative(root, join(entry.parentPath, entry.name)).split('\\').join('/'))
    .filter((path) => /^(connectors|specs)\//.test(path))
    .sort();
  return new Map(await Promise.all(paths.map(async (path) => [path, await readFile(join(root, path), 'utf8')] as const)));
}

async function runCli(root: string, ...argv: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const code = await main(['generate', ...argv], { cwd: root, stdout: { write: (text: string) => (stdout += text) }, stderr: { write: (text: string) => (stderr += text) } });
  return { code, stdout, stderr };
}

beforeAll(async () => {
  scratch = await mkdtemp(join(tmpdir(), 'portage-nx-generator-'));
});

afterAll(async () => {
  await rm(scratch, { recursive: true, force: true });
});

describe('nx g @portage/generators:connector and portage generate', () => {
  it('give the same files with the same contents, with the default entities', async () => {
    const nxRoot = await workspaceWithSpec('nx-default');
    const cliRoot = await workspaceWithSpec('cli-default');
    const tree = treeAt(nxRoot);
    await connectorGenerator(tree, { platform: 'tiny', spec: join(nxRoot, SPEC_PATH) });
    const cli = await runCli(cliRoot, 'tiny', '--spec', SPEC_PATH);
    expect(cli).toMatchObject({ code: 0, stderr: '' });

    const fromNx = treeFiles(tree);
    const fromCli = await diskFiles(cliRoot);
    expect([...fromNx.keys()]).toEqual([...fromCli.keys()]);
    expect(fromNx.size).toBeGreaterThan(5);
    for (const [path, content] of fromCli) expect(fromNx.get(path), path).toBe(content);
    expect(JSON.parse(fromNx.get('specs/tiny/spec.lock.json') ?? '{}')).toMatchObject({ source: SPEC_PATH, format: 'openapi-3.0' });
    expect(JSON.parse(fromNx.get('connectors/tiny/portage-connector.json') ?? '{}')).toMatchObject({
      entities: [{ name: 'customers', method: 'GET', path: '/v1/customers', unified: 'Customer' }],
    });
  });

  it('give the same files for --entities, and a second nx run keeps the scaffold', async () => {
    const nxRoot = await workspaceWithSpec('nx-entities');
    const cliRoot = await workspaceWithSpec('cli-entities');
    const tree = treeAt(nxRoot);
    await connectorGenerator(tree, { platform: 'tiny', spec: join(nxRoot, SPEC_PATH), entities: 'customers:Contact' });
    expect((await runCli(cliRoot, 'tiny', '--spec', SPEC_PATH, '--entities', 'customers:Contact')).code).toBe(0);
    const fromNx = treeFiles(tree);
    expect(fromNx).toEqual(await diskFiles(cliRoot));
    expect(fromNx.get('connectors/tiny/src/mappings/customers.ts')).toContain('Contact');

    // The engineer edits a mapping; regenerating in the same tree keeps it and changes nothing else.
    tree.write('connectors/tiny/src/mappings/customers.ts', '// written by hand\n');
    const before = treeFiles(tree);
    await connectorGenerator(tree, { platform: 'tiny', spec: join(nxRoot, SPEC_PATH), entities: 'customers:Contact' });
    expect(treeFiles(tree)).toEqual(before);
  });
});

describe('writeFilesToTree', () => {
  it('writes generated files when they differ and scaffold files only when absent', () => {
    const tree = createTreeWithEmptyWorkspace();
    tree.write('a/generated.ts', 'old');
    tree.write('a/same.ts', 'same');
    tree.write('a/mine.ts', 'hand-written');
    const result = writeFilesToTree(tree, [
      { path: 'a/generated.ts', content: 'new', kind: 'generated' },
      { path: 'a/same.ts', content: 'same', kind: 'generated' },
      { path: 'a/mine.ts', content: 'stub', kind: 'scaffold' },
      { path: 'a/new-stub.ts', content: 'stub', kind: 'scaffold' },
    ]);
    expect(result).toEqual({ written: ['a/generated.ts', 'a/new-stub.ts'], unchanged: ['a/same.ts'], kept: ['a/mine.ts'] });
    expect(tree.read('a/generated.ts', 'utf8')).toBe('new');
    expect(tree.read('a/mine.ts', 'utf8')).toBe('hand-written');
    expect(tree.read('a/new-stub.ts', 'utf8')).toBe('stub');
  });
});

describe('connectorGenerator errors', () => {
  it.each<[string, { platform: string; spec?: string; entities?: string }, string]>([
    ['a bad platform name', { platform: 'Tiny', spec: SPEC_PATH }, '"Tiny" is not a valid platform name'],
    ['no spec and no lock', { platform: 'tiny' }, 'no spec for tiny: pass --spec'],
    ['a bad --entities item', { platform: 'tiny', entities: 'customers' }, '--entities item "customers" is not name:UnifiedEntity'],
    ['an unknown unified name', { platform: 'tiny', entities: 'customers:Client' }, '"Client" is not a unified entity; use one of Order, LineItem'],
  ])('%s', async (_name, options, message) => {
    const root = await workspaceWithSpec(`errors-${options.platform}-${options.entities ?? 'none'}`);
    const tree = treeAt(root);
    const spec = options.spec === undefined ? {} : { spec: join(root, options.spec) };
    await expect(connectorGenerator(tree, { ...options, ...spec })).rejects.toThrow(message);
    expect(treeFiles(tree).size).toBe(0);
  });

  it('an entity name no endpoint has lists the names there are', async () => {
    const root = await workspaceWithSpec('errors-unknown-name');
    await expect(connectorGenerator(treeAt(root), { platform: 'tiny', spec: join(root, SPEC_PATH), entities: 'clients:Customer' })).rejects.toThrow(
      'no list endpoint of tiny is named "clients"; the names there are: customers',
    );
  });
});
