import { sortKeys } from '../capture/sort-keys.js';
import type { ContractResult } from './contract-suite.js';

/**
 * The text a scenario's replay is compared with: the sync's counts, every stored record by
 * entity then external id, and every rejected record, keys sorted, so the same replay always
 * gives the same bytes and a mapping change shows as a readable diff.
 *
 * @example await expect(contractSnapshot(result)).toMatchFileSnapshot('fixtures/snapshots/charges.json');
 */
export function contractSnapshot(result: ContractResult): string {
  const records: Record<string, { externalId: string; deleted: boolean; data: unknown }[]> = {};
  for (const record of result.records) {
    (records[record.entity] ??= []).push({ externalId: record.externalId, deleted: record.deleted, data: record.data });
  }
  const snapshot = { scenario: result.scenario, entity: result.entity, sync: result.sync ?? null, rejected: result.rejected, records };
  return `${JSON.stringify(sortKeys(snapshot), null, 2)}\n`;
}
