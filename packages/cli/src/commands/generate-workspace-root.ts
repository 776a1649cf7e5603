import { readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';

async function declaresWorkspaces(folder: string): Promise<boolean> {
  try {
    const manifest = JSON.parse(await readFile(join(folder, 'package.json'), 'utf8')) as { workspaces?: unknown };
    return manifest.workspaces !== undefined;
  } catch {
    // No package.json here, or one that is not JSON: not the root, keep looking up.
    return false;
  }
}

/**
 * The workspace `portage generate` writes into: the nearest folder from `cwd` upwards whose
 * package.json has `workspaces` (connectors/ and specs/ live at that root), else `cwd` itself.
 *
 * @example await findWorkspaceRoot('/repo/packages/cli'); // '/repo'
 */
export async function findWorkspaceRoot(cwd: string): Promise<string> {
  for (let folder = cwd; ; folder = dirname(folder)) {
    if (await declaresWorkspaces(folder)) return folder;
    if (dirname(folder) === folder) return cwd;
  }
}
