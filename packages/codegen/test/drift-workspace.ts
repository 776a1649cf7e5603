import { copyFile, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { EntityChoice } from '../src/model.js';
import { generateConnector } from '../src/engine/generate-connector.js';
import { writeGeneratedFiles } from '../src/engine/write-generated-files.js';

const repoRoot = new URL('../../../', import.meta.url);

/**
 * A throwaway workspace shaped like the repository (root package with workspaces, the base
 * tsconfig, node_modules, so also the shared spec cache), for connectors generated in tests.
 *
 * @example const ws = await driftWorkspace(); await ws.generate('acme', source, [...]); await ws.remove();
 */
export async function driftWorkspace() {
  const root = await mkdtemp(join(tmpdir(), 'portage-drift-'));
  for (const file of ['tsconfig.base.json']) await copyFile(new URL(file, repoRoot), join(root, file));
  await writeFile(join(root, 'package.json'), JSON.stringify({ private: true, type: 'module', workspaces: ['connectors/*'] }));
  await symlink(new URL('node_modules', repoRoot).pathname, join(root, 'node_modules'), 'dir');
  return {
    root,
    /** Generates connectors/<platform> from `source` with these entities, as `portage generate` writes it. */
    async generate(platform: string, source: string, entities: EntityChoice[]): Promise<void> {
      const { files } = await generateConnector({ platform, source, entities, workspaceRoot: root });
      await writeGeneratedFiles(root, files);
    },
    /** Replaces a file of the workspace (a mapping filled in by hand). */
    async write(path: string, content: string): Promise<void> {
      await writeFile(join(root, path), content);
    },
    remove: () => rm(root, { recursive: true, force: true }),
  };
}
