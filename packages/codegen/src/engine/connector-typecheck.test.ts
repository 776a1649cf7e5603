import { copyFile, mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ts from 'typescript';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateConnector } from './generate-connector.js';
import { writeGeneratedFiles } from './write-generated-files.js';

const repoRoot = new URL('../../../../', import.meta.url);
let workspaceRoot: string;

// A throwaway workspace shaped like the repository (an ESM root package, its base tsconfig,
// shared vitest config and node_modules), so the generated connector is checked exactly as `npm run typecheck`
// checks a connector in connectors/.
beforeAll(async () => {
  workspaceRoot = await mkdtemp(join(tmpdir(), 'portage-typecheck-'));
  await mkdir(join(workspaceRoot, 'vendor'));
  await copyFile(new URL('./__fixtures__/acme.openapi.json', import.meta.url), join(workspaceRoot, 'vendor', 'acme.json'));
  for (const file of ['tsconfig.base.json', 'vitest.shared.ts']) await copyFile(new URL(file, repoRoot), join(workspaceRoot, file));
  await writeFile(join(workspaceRoot, 'package.json'), JSON.stringify({ private: true, type: 'module', workspaces: ['connectors/*'] }));
  await symlink(new URL('node_modules', repoRoot).pathname, join(workspaceRoot, 'node_modules'), 'dir');
  const { files } = await generateConnector({ platform: 'acme', source: 'vendor/acme.json', workspaceRoot }, { cwd: workspaceRoot });
  await writeGeneratedFiles(workspaceRoot, files);
});
afterAll(async () => {
  await rm(workspaceRoot, { recursive: true, force: true });
});

describe('a generated connector under the type checker', () => {
  it('compiles with its own tsconfig except for the unified fields and body fields the mappings still lack', () => {
    // The workspace's TypeScript, as \`tsc -p tsconfig.json\` runs it (ts-morph's bundled compiler
    // does not read package.json "type", so it would take the ESM test file for CommonJS).
    const connectorRoot = join(workspaceRoot, 'connectors/acme/');
    const config = ts.getParsedCommandLineOfConfigFile(join(connectorRoot, 'tsconfig.json'), {}, { ...ts.sys, onUnRecoverableConfigFileDiagnostic: () => {} });
    if (config === undefined) throw new Error('the generated tsconfig.json does not parse');
    const program = ts.createProgram({ rootNames: config.fileNames, options: config.options });
    expect(config.fileNames.map((path) => path.slice(connectorRoot.length)).sort()).toEqual([
      'src/connector.contract.test.ts',
      'src/connector.ts',
      'src/generated/entities.ts',
      'src/generated/platform.ts',
      'src/generated/types.ts',
      'src/index.ts',
      'src/mappings/customers-export.ts',
      'src/mappings/customers.ts',
      'src/mappings/orders.ts',
      'vitest.config.ts',
    ]);
    const problems = ts
      .getPreEmitDiagnostics(program)
      .map((diagnostic) => `${diagnostic.file?.fileName.slice(connectorRoot.length)}: ${ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n')}`);
    // customers: every required Customer field was pre-filled; orders: an Order needs these four;
    // customers export: the create body requires `email`, which a Customer may lack (the update's is optional).
    expect(problems, problems.join('\n')).toHaveLength(2);
    expect(problems).toEqual([
      expect.stringMatching(/^src\/mappings\/customers-export\.ts: Property 'email' is missing in type .* but required in type '{ email: string;/s),
      expect.stringMatching(/^src\/mappings\/orders\.ts: .* is missing the following properties .*: status, lineItems, subtotal, total$/s),
    ]);
  });
});
