import type { Connector } from '@portage/core';
import { discoverEntities } from '../discovery/discover-entities.js';
import type { EntityChoice, LoadedSpec } from '../model.js';
import { readEntityChoices } from '../scaffold/choose-entities.js';
import { scaffoldConnector } from '../scaffold/scaffold-connector.js';
import { typesFile } from '../scaffold/types-file.js';

/** The regenerated files, workspace-relative path -> content, and what was left as it is. */
export interface RegeneratedSources {
  files: Map<string, string>;
  /** Why only types.ts was regenerated, when it was. */
  note?: string;
}

/** The entities as generation chose them: portage-connector.json, else the connector's own HTTP entities. */
async function entityChoices(workspaceRoot: string, platform: string, connector: Connector): Promise<EntityChoice[]> {
  const saved = await readEntityChoices(workspaceRoot, platform);
  if (saved !== undefined) return saved;
  return Object.entries(connector.entities)
    .filter(([, entity]) => entity.request.soap === undefined)
    .map(([name, entity]) => ({ name, method: entity.request.method ?? 'GET', path: entity.request.path, unified: entity.unified }));
}

/**
 * What `portage generate` would write to `connectors/<platform>/src/generated/` from a newer
 * spec (types.ts, platform.ts, entities.ts), computed in memory from the already loaded spec by
 * the same scaffolder, with the connector's saved entity choices. When an entity's endpoint is
 * no longer a list endpoint of the newer spec (the diff reports that), only types.ts is
 * regenerated, so the rest of the connector still compiles as far as it can.
 *
 * @example const { files } = await regeneratedSources(root, 'stripe', stripe, await loadSpec(newer, { cwd: root }));
 */
export async function regeneratedSources(workspaceRoot: string, platform: string, connector: Connector, spec: LoadedSpec): Promise<RegeneratedSources> {
  const generatedDir = `connectors/${platform}/src/generated/`;
  const choices = await entityChoices(workspaceRoot, platform, connector);
  const endpoints = discoverEntities(spec);
  const found = new Set(endpoints.map((endpoint) => `${endpoint.method.toUpperCase()} ${endpoint.path}`));
  const missing = choices.filter((choice) => !found.has(`${choice.method} ${choice.path}`));
  if (missing.length === 0 && choices.length > 0) {
    const files = await scaffoldConnector({ platform, document: spec.document, refs: spec.refs, lock: spec.lock, endpoints, entities: choices });
    return { files: new Map(files.filter((file) => file.kind === 'generated' && file.path.startsWith(generatedDir)).map((file) => [file.path, file.content])) };
  }
  return {
    files: new Map([[`${generatedDir}types.ts`, await typesFile(platform, spec.document)]]),
    note: `only types.ts regenerated: ${missing.map((choice) => `${choice.name} (${choice.method} ${choice.path})`).join(', ')} no longer a list endpoint of the spec`,
  };
}
