import { createHash } from 'node:crypto';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadSpec } from './load-spec.js';

let root: string;
beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), 'portage-load-'));
});
afterEach(async () => {
  await rm(root, { recursive: true, force: true });
});

/** Writes a spec under the temp workspace and returns its path relative to the root. */
async function specFile(name: string, content: string | object): Promise<string> {
  const path = join(root, 'specs', name);
  await mkdir(join(path, '..'), { recursive: true });
  await writeFile(path, typeof content === 'string' ? content : JSON.stringify(content));
  return `specs/${name}`;
}
const load = (source: string, options: { expectedSha256?: string } = {}) => loadSpec(source, { cwd: root, cacheDir: join(root, 'cache'), ...options });

const yamlSpec = `openapi: 3.0.3
info: { title: Acme, version: 2024-01-01 }
paths:
  /orders:
    get:
      responses:
        '200':
          description: ok
          content:
            application/json:
              schema: { $ref: '#/components/schemas/Order' }
components:
  schemas:
    Order:
      type: object
      properties: { id: { type: string } }
`;

describe('loadSpec', () => {
  it('loads YAML and pins the exact bytes in the lock', async () => {
    const source = await specFile('acme/openapi.yaml', yamlSpec);
    const spec = await load(source);
    expect(spec.document.paths['/orders']).toBeDefined();
    expect(spec.refs.schemaNameOf({ $ref: '#/components/schemas/Order' })).toBe('Order');
    expect(spec.lock).toEqual({
      source: 'specs/acme/openapi.yaml',
      version: '2024-01-01',
      sha256: createHash('sha256').update(yamlSpec).digest('hex'),
      format: 'openapi-3.0',
    });
    expect(Buffer.from(spec.bytes).toString('utf8')).toBe(yamlSpec);
  });

  it('writes file sources relative to the workspace root from any cwd', async () => {
    await specFile('acme/openapi.yaml', yamlSpec);
    const spec = await loadSpec('openapi.yaml', { cwd: join(root, 'specs', 'acme'), workspaceRoot: root, cacheDir: join(root, 'cache') });
    expect(spec.lock.source).toBe('specs/acme/openapi.yaml');
  });

  it('accepts the pinned hash and refuses a spec that changed since', async () => {
    const source = await specFile('acme/openapi.yaml', yamlSpec);
    const { lock } = await load(source);
    await expect(load(source, { expectedSha256: lock.sha256 })).resolves.toBeDefined();
    await specFile('acme/openapi.yaml', yamlSpec.replace('2024-01-01', '2024-02-01'));
    await expect(load(source, { expectedSha256: lock.sha256 })).rejects.toThrow(
      expect.objectContaining({ code: 'CONFIG_INVALID', message: expect.stringMatching(new RegExp(`pinned spec changed.*pins ${lock.sha256}.*re-pin`)) }),
    );
  });

  it('converts Swagger 2.0 to OpenAPI 3 and records the original format', async () => {
    const source = await specFile('legacy.json', {
      swagger: '2.0',
      info: { title: 'Legacy', version: '1.4' },
      host: 'api.legacy.test',
      basePath: '/v1',
      schemes: ['https'],
      paths: {
        '/items': {
          post: {
            consumes: ['application/json'],
            produces: ['application/json'],
            parameters: [{ in: 'body', name: 'body', required: true, schema: { $ref: '#/definitions/Item' } }],
            responses: { 201: { description: 'created', schema: { $ref: '#/definitions/Item' } } },
          },
        },
      },
      definitions: { Item: { type: 'object', properties: { id: { type: 'integer' } } } },
    });
    const spec = await load(source);
    expect(spec.lock.format).toBe('swagger-2.0');
    expect(spec.lock.version).toBe('1.4');
    expect(spec.document.openapi).toMatch(/^3\.0\./);
    expect(spec.document.servers?.[0]?.url).toBe('https://api.legacy.test/v1');
    expect(spec.document.components?.schemas?.Item).toBeDefined();
    const post = spec.document.paths['/items']?.post as { requestBody: unknown };
    expect(spec.refs.resolve(post.requestBody)).toMatchObject({ content: { 'application/json': { schema: { $ref: '#/components/schemas/Item' } } } });
  });

  it('reads an unquoted `swagger: 2.0` in YAML', async () => {
    const source = await specFile('legacy.yaml', 'swagger: 2.0\ninfo: { title: L, version: "1" }\npaths: {}\n');
    expect((await load(source)).lock.format).toBe('swagger-2.0');
  });

  it('keeps OpenAPI 3.1 as it is and allows a document without paths', async () => {
    const source = await specFile('hooks.json', { openapi: '3.1.0', info: { title: 'H', version: 3 }, webhooks: {} });
    const spec = await load(source);
    expect(spec.lock).toMatchObject({ format: 'openapi-3.1', version: '3' });
    expect(spec.document.paths).toEqual({});
  });

  it.each([
    ['OpenAPI 4', { openapi: '4.0.0', info: { version: '1' }, paths: {} }, 'OpenAPI 4.0.0, which is not supported'],
    ['OpenAPI 3.2', { openapi: '3.2.0', info: { version: '1' }, paths: {} }, 'not supported'],
    ['Swagger 1.2', { swagger: '1.2', info: { version: '1' } }, 'Swagger 1.2, which is not supported'],
    ['no version field', { info: { version: '1' }, paths: {} }, 'neither an "openapi" nor a "swagger"'],
    ['a JSON array', [{ openapi: '3.0.0' }], 'not an object'],
    ['a missing info.version', { openapi: '3.0.3', info: { title: 'x' }, paths: {} }, 'no info.version'],
  ])('rejects %s and says what is supported', async (_label, content, message) => {
    const source = await specFile('bad.json', content);
    await expect(load(source)).rejects.toThrow(expect.objectContaining({ name: 'SpecError', message: expect.stringContaining(message) }));
  });

  it('lists the supported versions in the error', async () => {
    const source = await specFile('old.json', { swagger: '1.2' });
    await expect(load(source)).rejects.toThrow('OpenAPI 3.0.x, OpenAPI 3.1.x and Swagger 2.0');
  });

  it('names the pointer of a broken ref and of a ref loop', async () => {
    const broken = await specFile('broken.yaml', yamlSpec.replace("schemas/Order' }", "schemas/Ordr' }"));
    await expect(load(broken)).rejects.toThrow(
      expect.objectContaining({ pointer: '#/paths/~1orders/get/responses/200/content/application~1json/schema', message: expect.stringContaining('#/components/schemas/Ordr') }),
    );
    const loop = await specFile('loop.json', {
      openapi: '3.0.3',
      info: { version: '1' },
      paths: { '/a': { get: { responses: { 200: { $ref: '#/components/responses/A' } } } } },
      components: { responses: { A: { $ref: '#/components/responses/B' }, B: { $ref: '#/components/responses/A' } } },
    });
    await expect(load(loop)).rejects.toThrow(expect.objectContaining({ pointer: '#/paths/~1a/get/responses/200', message: expect.stringContaining('loops') }));
  });

  it('loads a recursive schema, and its refs resolve lazily', async () => {
    const source = await specFile('tree.json', {
      openapi: '3.0.3',
      info: { version: '1' },
      paths: {},
      components: {
        schemas: {
          Node: { type: 'object', properties: { parent: { $ref: '#/components/schemas/Node' }, children: { type: 'array', items: { $ref: '#/components/schemas/Node' } } } },
        },
      },
    });
    const spec = await load(source);
    const node = spec.document.components?.schemas?.Node as { properties: { parent: unknown } };
    expect(spec.refs.resolve(node.properties.parent)).toBe(node);
  });

  it('pins an npm source to the package version, not info.version', async () => {
    const streamTarball = () => Promise.reject(new Error('not used: the cache has it'));
    const cached = join(root, 'cache', 'npm', 'acme-specs', '1.2.3', 'openapi.yaml');
    await mkdir(join(cached, '..'), { recursive: true });
    await writeFile(cached, yamlSpec);
    const spec = await loadSpec('npm:acme-specs@1.2.3#openapi.yaml', { cwd: root, cacheDir: join(root, 'cache'), resolve: { streamTarball } });
    expect(spec.lock).toMatchObject({ source: 'npm:acme-specs@1.2.3#openapi.yaml', version: '1.2.3' });
  });
});
