import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contractSnapshot } from './contract-snapshot.js';
import { fixtureScenarios, folderPath } from './fixture-folder.js';
import { openContractSuite, type ConnectorContractOptions, type ContractSuite } from './contract-suite.js';

/**
 * Where a scenario's snapshot lives: `<fixtures>/snapshots/<scenario>.json`, next to the fixture.
 *
 * @example contractSnapshotPath('connectors/stripe/fixtures', 'charges') // 'connectors/stripe/fixtures/snapshots/charges.json'
 */
export function contractSnapshotPath(fixtures: string | URL, scenario: string): string {
  return join(folderPath(fixtures), 'snapshots', `${scenario}.json`);
}

/**
 * The contract tests of a connector, for its vitest file: per recorded fixture, one test that
 * replays it offline through a full sync into Postgres and compares what was stored with
 * `fixtures/snapshots/<scenario>.json` (failing on requests no recording matches, recordings
 * never requested, a failed sync, or stored records that fail their unified schema), and one
 * that checks the recorded responses against the pinned spec. Update snapshots after an
 * intended mapping change with `vitest run -u`.
 *
 * @example
 * // connectors/stripe/src/connector.fixtures.test.ts
 * describeConnectorContract({
 *   connector: stripe,
 *   fixtures: new URL('../fixtures/', import.meta.url),
 *   spec: new URL('../../../specs/stripe/spec.lock.json', import.meta.url),
 *   scenarios: { charges: { pageSize: 2 } },
 * });
 */
export function describeConnectorContract(options: ConnectorContractOptions): void {
  // Listed now, while tests are being declared: one test per fixture file.
  const scenarios = fixtureScenarios(options.fixtures);
  describe(`${options.connector.name} contract: recorded fixtures replayed offline`, () => {
    let suite: ContractSuite | undefined;
    beforeAll(async () => {
      suite = await openContractSuite(options);
    });
    afterAll(async () => {
      await suite?.close();
    });

    for (const scenario of scenarios) {
      it(`${scenario}: a full sync of the replayed fixture stores what the snapshot holds`, async () => {
        const result = await suite!.replay(scenario);
        expect(result.problems, `problems replaying ${scenario}`).toEqual([]);
        await expect(contractSnapshot(result)).toMatchFileSnapshot(contractSnapshotPath(options.fixtures, scenario));
      });

      if (options.spec !== undefined) {
        it(`${scenario}: every recorded response conforms to the pinned spec`, async () => {
          expect(await suite!.specProblems(scenario)).toEqual([]);
        });
      }
    }
  });
}
