import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { GeneratedFile, WriteResult } from '@portage/codegen';

async function readIfExists(path: string): Promise<string | undefined> {
  try {
    return await readFile(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}

/**
 * What `writeGeneratedFiles` would do with these files, without writing: the same rules
 * (a scaffold file that exists is kept, a generated file with the same content is unchanged,
 * everything else is written), for `portage generate --dry-run`.
 *
 * @example const { written } = await planGeneratedFiles(root, result.files); // would be written
 */
export async function planGeneratedFiles(workspaceRoot: string, files: readonly GeneratedFile[]): Promise<WriteResult> {
  const plan: WriteResult = { written: [], unchanged: [], kept: [] };
  for (const file of files) {
    const existing = await readIfExists(join(workspaceRoot, file.path));
    if (existing !== undefined && file.kind === 'scaffold') plan.kept.push(file.path);
    else if (existing === file.content) plan.unchanged.push(file.path);
    else plan.written.push(file.path);
  }
  return plan;
}
