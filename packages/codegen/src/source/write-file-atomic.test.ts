import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { writeFileAtomic } from './write-file-atomic.js';

describe('writeFileAtomic', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'portage-atomic-'));
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('creates missing folders and leaves no temp file behind', async () => {
    const target = join(dir, 'a', 'b', 'spec.json');
    await writeFileAtomic(target, '{"openapi":"3.0.3"}');
    expect(await readFile(target, 'utf8')).toBe('{"openapi":"3.0.3"}');
    expect(await readdir(join(dir, 'a', 'b'))).toEqual(['spec.json']);
  });

  it('lets concurrent writers of the same file all succeed with one whole content', async () => {
    const target = join(dir, 'spec.json');
    const contents = Array.from({ length: 8 }, (_, i) => String(i).repeat(200_000));
    await Promise.all(contents.map((content) => writeFileAtomic(target, content)));
    expect(contents).toContain(await readFile(target, 'utf8'));
    expect(await readdir(dir)).toEqual(['spec.json']);
  });
});
