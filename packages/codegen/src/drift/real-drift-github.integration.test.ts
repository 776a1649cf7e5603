import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { driftWorkspace } from '../../test/drift-workspace.js';
import { connectorDrift } from './connector-drift.js';
import { driftImpactReport } from './impact-report.js';
import { loadWorkspaceConnector } from './workspace-connectors.js';

// Real history: GitHub's REST description as @octokit/openapi shipped it in 19.1.0 and 20.0.0.
// Between the two, an issue's author_association stopped being required.
const OLD = 'npm:@octokit/openapi@19.1.0#generated/api.github.com.json';
const NEW = 'npm:@octokit/openapi@20.0.0#generated/api.github.com.json';

// Written against 19.1.0, where author_association was always present.
const ISSUES_MAPPING = `import type { Customer } from '@portage/core';
import type { IssuesRecord } from '../generated/platform.js';

/** An issue's author, as a unified Customer tagged with their association to the repository. */
export function toCustomer(raw: IssuesRecord): Customer {
  return { id: String(raw.id), tags: [associationTag(raw)] };
}

function associationTag(raw: IssuesRecord): string {
  return raw.author_association.toLowerCase();
}
`;

let workspace: Awaited<ReturnType<typeof driftWorkspace>>;

beforeAll(async () => {
  workspace = await driftWorkspace();
  await workspace.generate('github', OLD, [{ name: 'issues', method: 'GET', path: '/repos/{owner}/{repo}/issues', unified: 'Customer' }]);
  await workspace.write('connectors/github/src/mappings/issues.ts', ISSUES_MAPPING);
}, 90_000);
afterAll(() => workspace.remove());

describe('drift impact on real GitHub history (@octokit/openapi 19.1.0 -> 20.0.0)', () => {
  it('traces author_association becoming optional to the helper the issues mapping calls', { timeout: 90_000 }, async () => {
    const connector = await loadWorkspaceConnector(workspace.root, 'github');
    const drift = await connectorDrift({ workspaceRoot: workspace.root, platform: 'github', connector, against: NEW });
    const report = driftImpactReport([drift]);
    const json = report.json.connectors[0]!;
    const breaking = json.touching!.filter((impact) => impact.breaking);
    expect(breaking.map((impact) => [impact.change.id, impact.change.operation, impact.change.schema, impact.change.location])).toEqual([
      ['response-field-became-optional', 'GET /repos/{owner}/{repo}/issues', 'issue', 'author_association'],
    ]);
    expect(breaking[0]!.uses).toEqual([
      {
        entity: 'issues',
        via: 'mapping',
        detail: 'associationTag reads author_association',
        mapping: { file: 'connectors/github/src/mappings/issues.ts', line: 10, column: 10, function: 'associationTag', message: expect.stringContaining("'raw.author_association' is possibly 'undefined'") as string },
      },
    ]);
    // The same change under /search/issues, /user/issues and 40 other operations is not this connector's.
    expect(drift.changes.filter((change) => change.severity === 'breaking' && change.operation !== 'GET /repos/{owner}/{repo}/issues').length).toBeGreaterThan(40);
    expect(report.exitCode).toBe(1);
    console.info(`github 19.1.0 -> 20.0.0: ${json.counts!.breaking} breaking changes, ${json.counts!.breakingTouching} touch the issues connector`);
  });
});
