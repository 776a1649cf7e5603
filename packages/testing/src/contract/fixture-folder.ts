import { readdirSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PortageError } from '@portage/core';
import type { LoadedFixture } from '../fixture/fixture.js';
import { parseFixture } from '../fixture/fixture-json.js';

/**
 * A folder given as a path or a file URL (`new URL('../fixtures/', import.meta.url)`), as a path.
 *
 * @example folderPath(new URL('file:///repo/connectors/stripe/fixtures/')) // '/repo/connectors/stripe/fixtures/'
 */
export function folderPath(folder: string | URL): string {
  return typeof folder === 'string' ? folder : fileURLToPath(folder);
}

/**
 * The scenarios of a connector's fixture folder: one `<scenario>.json` per scenario, sorted.
 * Synchronous, so a test file can declare one test per scenario. A missing or empty folder is
 * an error that says how to record fixtures.
 *
 * @example fixtureScenarios('connectors/stripe/fixtures') // ['charges', 'customers', ...]
 */
export function fixtureScenarios(folder: string | URL): string[] {
  const dir = folderPath(folder);
  let files: string[];
  try {
    files = readdirSync(dir).filter((file) => file.endsWith('.json'));
  } catch (cause) {
    if ((cause as NodeJS.ErrnoException).code !== 'ENOENT') throw cause;
    throw new PortageError('CONFIG_INVALID', `no fixture folder at ${dir}: record the connector's fixtures with PORTAGE_RECORD=1 first`, { cause });
  }
  if (files.length === 0) throw new PortageError('CONFIG_INVALID', `no fixtures (*.json) in ${dir}: record the connector's fixtures with PORTAGE_RECORD=1 first`);
  return files.map((file) => file.slice(0, -'.json'.length)).sort();
}

/**
 * Reads one scenario's fixture from a connector's fixture folder (`<folder>/<scenario>.json`)
 * and checks that it belongs to `connector`.
 *
 * @example const charges = await readScenarioFixture('connectors/stripe/fixtures', 'charges', 'stripe');
 */
export async function readScenarioFixture(folder: string | URL, scenario: string, connector: string): Promise<LoadedFixture> {
  const path = join(folderPath(folder), `${scenario}.json`);
  const fixture = parseFixture(await readFile(path, 'utf8'), path);
  if (fixture.connector !== connector) {
    throw new PortageError('CONFIG_INVALID', `fixture ${path} was recorded for connector "${fixture.connector}", not "${connector}": move it to that connector's fixtures`);
  }
  return { ...fixture, file: path };
}
