import { randomBytes } from 'node:crypto';
import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';

/**
 * Writes a file so that readers see either the old content or the whole new one: the bytes go
 * to a temp file beside the target, then a rename (atomic on one file system) puts it in
 * place. Two processes caching the same spec at once both succeed; the last rename wins.
 *
 * @example await writeFileAtomic('/repo/node_modules/.cache/portage/specs/npm/x/1.0.0/api.json', bytes)
 */
export async function writeFileAtomic(path: string, data: Uint8Array | string): Promise<void> {
  await mkdir(dirname(path), { recursive: true });
  const temp = `${path}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`;
  try {
    await writeFile(temp, data);
    await rename(temp, path);
  } catch (error) {
    await rm(temp, { force: true });
    throw error;
  }
}
