import { existsSync, readdirSync } from 'node:fs';
import type { Connector } from '@portage/core';
import { fixtureScenarios, readScenarioFixture } from './fixture-folder.js';
import { fixtureSpecProblems, type ResponseSpec } from './fixture-spec-problems.js';

/**
 * Fixture drift: the connector's recorded responses (`<folder>/<scenario>.json`) checked
 * against another spec, typically a newer one. One line per response it no longer allows;
 * none when they all conform, or when the connector has no fixtures.
 *
 * @example const problems = await fixtureDrift(stripe, 'connectors/stripe/fixtures', newerSpec);
 */
export async function fixtureDrift(connector: Connector, folder: string, spec: ResponseSpec): Promise<string[]> {
  // No recordings yet (a freshly generated connector has only the folder's README): nothing to check.
  if (!existsSync(folder) || !readdirSync(folder).some((file) => file.endsWith('.json'))) return [];
  const basePaths = [new URL(connector.baseUrl).pathname];
  const problems: string[] = [];
  for (const scenario of fixtureScenarios(folder)) {
    problems.push(...fixtureSpecProblems(await readScenarioFixture(folder, scenario, connector.name), spec, basePaths));
  }
  return problems;
}
