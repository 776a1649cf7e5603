import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { GeneratedFile } from '../model.js';
import { SpecError } from '../openapi/spec-error.js';
import { writeFileAtomic } from '../source/write-file-atomic.js';

export interface WriteResult {
  /** Files created or changed. */
  written: string[];
  /** Generated files whose content was already the same. */
  unchanged: string[];
  /** Scaffold files that exist already: the engineer's now, left as they are. */
  kept: string[];
}

async function readIfExists(path: string): Promise<string | undefined> {
  try {
    return await readFile(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}

function assertInsideWorkspace(path: string): void {
  const segments = path.split('/');
  if (path === '' || path.startsWith('/') || path.includes('\\') || /^[A-Za-z]:/.test(path) || segments.some((s) => s === '' || s === '.' || s === '..')) {
    throw new SpecError(`refusing to write "${path}": generated paths must be relative, "/"-separated and stay inside the workspace`);
  }
}

/**
 * Writes generated files under the workspace root: `generated` files when their content
 * differs from what is on disk, `scaffold` files only when absent, so regeneration never
 * overwrites hand-written code and an unchanged spec writes nothing. Each write is atomic.
 * Paths in the result are the files' own (workspace-relative), in the order given. With
 * `dryRun`, nothing is written: the result says what a real run would do.
 *
 * @example
 * const { files } = await generateConnector({ platform: 'stripe', workspaceRoot });
 * const { written, kept } = await writeGeneratedFiles(workspaceRoot, files);
 */
export async function writeGeneratedFiles(workspaceRoot: string, files: readonly GeneratedFile[], options: { dryRun?: boolean } = {}): Promise<WriteResult> {
  const result: WriteResult = { written: [], unchanged: [], kept: [] };
  for (const file of files) assertInsideWorkspace(file.path);
  for (const file of files) {
    const target = join(workspaceRoot, file.path);
    const existing = await readIfExists(target);
    if (existing !== undefined && file.kind === 'scaffold') {
      result.kept.push(file.path);
    } else if (existing === file.content) {
      result.unchanged.push(file.path);
    } else {
      if (!options.dryRun) await writeFileAtomic(target, file.content);
      result.written.push(file.path);
    }
  }
  return result;
}
