import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { create } from 'tar';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import type { TarballStreamer } from './read-npm-package-file.js';
import { defaultSpecCacheDir, resolveSpecBytes } from './resolve-spec-bytes.js';
import { parseSpecSource } from './spec-source.js';

const text = (bytes: Uint8Array) => Buffer.from(bytes).toString('utf8');

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'portage-resolve-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('defaultSpecCacheDir', () => {
  it('lives under node_modules, which is never committed', () => {
    expect(defaultSpecCacheDir('/repo')).toBe(join('/repo', 'node_modules', '.cache', 'portage', 'specs'));
  });
});

describe('file sources', () => {
  it('reads the file', async () => {
    await writeFile(join(dir, 'spec.yaml'), 'openapi: 3.0.3\n');
    const { bytes, version } = await resolveSpecBytes(parseSpecSource('spec.yaml', dir), { cacheDir: join(dir, 'cache') });
    expect(text(bytes)).toBe('openapi: 3.0.3\n');
    expect(version).toBeUndefined();
  });

  it('names a missing file', async () => {
    await expect(resolveSpecBytes(parseSpecSource('missing.json', dir), { cacheDir: dir })).rejects.toThrow(/spec file .*missing\.json does not exist/);
  });
});

describe('url sources', () => {
  let server: Server;
  let base: string;
  beforeAll(async () => {
    server = createServer((request, response) => {
      if (request.url === '/openapi.json') response.writeHead(200, { 'content-type': 'application/json' }).end('{"openapi":"3.1.0"}');
      else if (request.url === '/slow') setTimeout(() => response.end('{}'), 2_000);
      else response.writeHead(404).end('nope');
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  });

  it('downloads the spec', async () => {
    const { bytes } = await resolveSpecBytes(parseSpecSource(`${base}/openapi.json`, dir), { cacheDir: dir });
    expect(text(bytes)).toBe('{"openapi":"3.1.0"}');
  });

  it('fails clearly on a non-2xx answer', async () => {
    await expect(resolveSpecBytes(parseSpecSource(`${base}/gone.json`, dir), { cacheDir: dir })).rejects.toThrow(/gone\.json answered 404/);
  });

  it('gives up after the timeout', async () => {
    await expect(resolveSpecBytes(parseSpecSource(`${base}/slow`, dir), { cacheDir: dir, timeoutMs: 100 })).rejects.toThrow(/took longer than 100 ms/);
  });
});

describe('npm sources', () => {
  /** A fake registry: a real gzipped tarball with `package/` entries, handed over like pacote does. */
  async function fakeTarball(files: Record<string, string>): Promise<TarballStreamer & { calls: string[] }> {
    const root = join(dir, 'pkg');
    for (const [path, content] of Object.entries(files)) {
      await mkdir(join(root, 'package', path, '..'), { recursive: true });
      await writeFile(join(root, 'package', path), content);
    }
    const chunks: Buffer[] = [];
    for await (const chunk of create({ gzip: true, cwd: root }, ['package'])) chunks.push(chunk as Buffer);
    const tarball = Buffer.concat(chunks);
    const calls: string[] = [];
    const streamer = async (spec: string, handler: Parameters<TarballStreamer>[1]) => {
      calls.push(spec);
      await handler(Readable.from([tarball]));
    };
    return Object.assign(streamer, { calls });
  }

  it('extracts only the named file and caches it under <cacheDir>/npm/<package>/<version>/<path>', async () => {
    const streamTarball = await fakeTarball({ 'api/acme.json': '{"openapi":"3.0.3"}', 'api/other.json': '{}', 'package.json': '{}' });
    const cacheDir = join(dir, 'cache');
    const source = parseSpecSource('npm:@acme/specs@1.2.3#api/acme.json', dir);
    const { bytes, version } = await resolveSpecBytes(source, { cacheDir, streamTarball });
    expect(text(bytes)).toBe('{"openapi":"3.0.3"}');
    expect(version).toBe('1.2.3');
    expect(streamTarball.calls).toEqual(['@acme/specs@1.2.3']);
    expect(await readFile(join(cacheDir, 'npm', '@acme', 'specs', '1.2.3', 'api', 'acme.json'), 'utf8')).toBe('{"openapi":"3.0.3"}');
  });

  it('reads a cached spec without fetching the package again', async () => {
    const cacheDir = join(dir, 'cache');
    await mkdir(join(cacheDir, 'npm', 'specs', '1.0.0', 'api'), { recursive: true });
    await writeFile(join(cacheDir, 'npm', 'specs', '1.0.0', 'api', 'x.json'), '{"cached":true}');
    const streamTarball = vi.fn<TarballStreamer>();
    const { bytes } = await resolveSpecBytes(parseSpecSource('npm:specs@1.0.0#api/x.json', dir), { cacheDir, streamTarball });
    expect(text(bytes)).toBe('{"cached":true}');
    expect(streamTarball).not.toHaveBeenCalled();
  });

  it('names the package, version and path of a file the package lacks, with near matches', async () => {
    const streamTarball = await fakeTarball({ 'api/v2/acme.json': '{}' });
    const source = parseSpecSource('npm:specs@1.0.0#api/acme.json', dir);
    await expect(resolveSpecBytes(source, { cacheDir: join(dir, 'cache'), streamTarball })).rejects.toThrow(
      /npm package specs@1\.0\.0 has no file "api\/acme\.json"; files with that name: api\/v2\/acme\.json/,
    );
  });

  it('reports a registry failure as a SpecError', async () => {
    const streamTarball: TarballStreamer = () => Promise.reject(Object.assign(new Error('404 Not Found'), { code: 'E404' }));
    await expect(resolveSpecBytes(parseSpecSource('npm:nope@1.0.0#a.json', dir), { cacheDir: dir, streamTarball })).rejects.toThrow(
      expect.objectContaining({ name: 'SpecError', message: expect.stringContaining('nope@1.0.0 does not exist in the registry') }),
    );
  });
});
