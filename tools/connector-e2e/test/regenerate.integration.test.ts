import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { generateConnector } from '@portage/codegen';
import { describe, expect, it } from 'vitest';

const WORKSPACE_ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const PLATFORMS = readdirSync(join(WORKSPACE_ROOT, 'specs'));
// WSDL sets are read from the shared spec mirror beside the checkout (never committed).
const sourceOf = (platform: string) => (JSON.parse(readFileSync(join(WORKSPACE_ROOT, 'specs', platform, 'spec.lock.json'), 'utf8')) as { source: string }).source;
const missingMirror = (platform: string) => !sourceOf(platform).startsWith('npm:') && !/^https?:/.test(sourceOf(platform)) && !existsSync(join(WORKSPACE_ROOT, sourceOf(platform)));

const readOrNull = (path: string) => readFile(join(WORKSPACE_ROOT, path), 'utf8').catch(() => null);

// What a clean clone can do with nothing but the pins in specs/: fetch each spec from its
// source (hash checked), and regenerate exactly the generated files that are committed.
describe('regenerating every committed connector from its pinned spec', () => {
  it('finds the connectors to check', () => {
    expect(PLATFORMS).toEqual(expect.arrayContaining(['ebay', 'netsuite', 'square', 'stripe', 'xero']));
  });

  for (const platform of PLATFORMS.filter(missingMirror)) {
    it.skip(`${platform}: skipped, its pinned spec ${sourceOf(platform)} is not on this machine (../shared is absent)`, () => undefined);
  }

  it.each(PLATFORMS.filter((platform) => !missingMirror(platform)))('%s: the generated files equal the committed ones', async (platform) => {
    const result = await generateConnector({ platform, workspaceRoot: WORKSPACE_ROOT }, { cwd: WORKSPACE_ROOT });
    const generated = result.files.filter((file) => file.kind === 'generated');
    expect(generated.map((file) => file.path)).toEqual(expect.arrayContaining([`specs/${platform}/spec.lock.json`, `connectors/${platform}/src/generated/types.ts`]));
    for (const file of generated) {
      // One file at a time, so a failure names the file that drifted.
      expect({ path: file.path, content: await readOrNull(file.path) }).toEqual({ path: file.path, content: file.content });
    }
  }, 60_000);
});
